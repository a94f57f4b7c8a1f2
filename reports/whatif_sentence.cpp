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

std::string break_even_text(const engine::BreakEven& b, const std::string& input) {
  return b.candidate + " vs " + b.baseline + ": " + input + " = " + display_quantity(b.value) + " (bracket " +
         display_quantity(b.bracket_lo) + " - " + display_quantity(b.bracket_hi) + ", " + std::to_string(b.extra_runs) +
         " extra runs); " + b.candidate + " is cheaper " + (b.candidate_cheaper_above ? "above" : "below") + " it";
}

std::string no_break_even_text(const engine::PairSaving& c) {
  return c.candidate + " vs " + c.baseline + ": no break-even in the range (" + c.candidate +
         (c.saving_usd_mean > 0 ? " is cheaper" : c.saving_usd_mean < 0 ? " costs more" : " costs the same") +
         " throughout)";
}

}  // namespace flowcost::reports
