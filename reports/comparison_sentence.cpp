#include "reports/comparison_sentence.h"

#include "reports/display_format.h"

namespace flowcost::reports {

namespace {

// "48% " — or nothing when the fraction is 0 although the costs differ (a baseline that costs nothing).
std::string how_much(double fraction) { return fraction == 0 ? "" : display_percent(fraction) + " "; }

}  // namespace

std::string comparison_sentence(const engine::ComparisonReport& c) {
  const auto& s = c.saving_usd;
  std::string cheaper = "cheaper in " + display_percent(c.p_candidate_cheaper) + " of draws)";
  if (s.mean == 0) {
    return c.candidate + " costs the same as " + c.baseline + " on average (90% interval of the saving " +
           display_usd(s.p05) + " to " + display_usd(s.p95) + "; " + cheaper;
  }
  if (s.mean > 0) {
    return c.candidate + " costs " + how_much(c.saving_fraction_mean) + "less than " + c.baseline + " (" +
           display_usd(s.mean) + "/month saved, 90% interval " + display_usd(s.p05) + " to " +
           display_usd(s.p95) + "; " + cheaper;
  }
  return c.candidate + " costs " + how_much(-c.saving_fraction_mean) + "more than " + c.baseline + " (" +
         display_usd(-s.mean) + "/month more, 90% interval " + display_usd(-s.p95) + " to " +
         display_usd(-s.p05) + "; " + cheaper;
}

}  // namespace flowcost::reports
