#include "reports/display_format.h"
#include "reports/whatif_writers.h"

namespace flowcost::reports {

namespace {

std::string cheaper_design(const engine::TornadoPair& pair, double saving_usd) {
  if (saving_usd > 0) return pair.candidate + " cheaper";
  if (saving_usd < 0) return pair.baseline + " cheaper";
  return "a tie";
}

}  // namespace

std::string tornado_sentence(const engine::TornadoPair& pair) {
  std::string text = "For " + pair.candidate + " vs " + pair.baseline + ", ";
  if (pair.bars.empty())
    return text + "no input is uncertain, so nothing moves the saving of " + display_usd(pair.base_saving_usd) + ".";
  const engine::TornadoBar& top = pair.bars.front();
  text += top.input + " decides the answer (swing " + display_usd(top.swing_usd) + ")";
  std::string flipping;
  for (const auto& bar : pair.bars) {
    if (!bar.flips) continue;
    flipping += (flipping.empty() ? "" : ", ") + bar.input;
  }
  if (flipping.empty())
    return text + "; the decision (" + cheaper_design(pair, pair.base_saving_usd) +
           ") holds across the 5-95% range of every input.";
  return text + "; the decision flips within the 5-95% range of " + flipping + ".";
}

}  // namespace flowcost::reports
