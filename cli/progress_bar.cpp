#include "cli/progress_bar.h"

#include <ostream>

namespace flowcost::cli {

namespace {
constexpr int kBarWidth = 30;
}

ProgressBar::ProgressBar(std::ostream& err, bool enabled, std::string label)
    : err_(err), enabled_(enabled), label_(std::move(label)), started_(std::chrono::steady_clock::now()) {}

ProgressBar::~ProgressBar() { finish(); }

void ProgressBar::update(std::uint64_t done, std::uint64_t total) {
  if (!enabled_ || total == 0) return;
  if (!drawn_ && std::chrono::steady_clock::now() - started_ < std::chrono::seconds(1)) return;
  int filled = static_cast<int>(kBarWidth * static_cast<double>(done) / static_cast<double>(total));
  if (filled > kBarWidth) filled = kBarWidth;
  std::string bar(static_cast<std::size_t>(filled), '#');
  bar += std::string(static_cast<std::size_t>(kBarWidth - filled), ' ');
  err_ << '\r' << label_ << " [" << bar << "] " << done << '/' << total << " draws" << std::flush;
  drawn_ = true;
}

void ProgressBar::finish() {
  if (!drawn_) return;
  err_ << '\r' << std::string(label_.size() + kBarWidth + 40, ' ') << '\r' << std::flush;
  drawn_ = false;
}

std::function<void(std::uint64_t, std::uint64_t)> progress_for(ProgressBar& bar, bool err_is_terminal) {
  if (!err_is_terminal) return {};
  return [&bar](std::uint64_t done, std::uint64_t total) { bar.update(done, total); };
}

}  // namespace flowcost::cli
