#pragma once
// A progress bar on standard error for long runs: drawn only when enabled (stderr is a terminal) and
// once the run has taken more than a second; redrawn in place with '\r'; erased by finish().
#include <chrono>
#include <cstdint>
#include <functional>
#include <iosfwd>
#include <string>

namespace flowcost::cli {

class ProgressBar {
 public:
  ProgressBar(std::ostream& err, bool enabled, std::string label);
  ~ProgressBar();
  void update(std::uint64_t done, std::uint64_t total);
  void finish();

 private:
  std::ostream& err_;
  bool enabled_;
  bool drawn_ = false;
  std::string label_;
  std::chrono::steady_clock::time_point started_;
};

// The callback that drives `bar`, or an empty function when stderr is not a terminal (no progress).
std::function<void(std::uint64_t, std::uint64_t)> progress_for(ProgressBar& bar, bool err_is_terminal);

}  // namespace flowcost::cli
