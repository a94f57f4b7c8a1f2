#pragma once
// The paired comparison said in one sentence, for the terminal table and Markdown:
//   "iot-rules costs 48% less than step-functions ($1,234/month saved, 90% interval $1,100 to $1,380;
//    cheaper in 100% of draws)"
// When the candidate costs more: "... costs 12% more than ... ($310/month more, 90% interval $120 to
// $505; cheaper in 4.5% of draws)" (the interval is then of the extra cost). Against a baseline that costs
// nothing, the percentage is left out ("b costs more than a ($3.00/month more, ...").
#include <string>

#include "engine/run_report.h"

namespace flowcost::reports {

std::string comparison_sentence(const engine::ComparisonReport& comparison);

}  // namespace flowcost::reports
