#pragma once
// The tornado chart of one comparison (engine/whatif_report.h TornadoPair): for each uncertain input, the
// candidate's monthly saving with the input at its 5th and at its 95th percentile (every other input at its
// median), as a bar around the base saving (every input at its median); largest swing on top. A bar that
// crosses zero (the line marked "break-even") is an input that can flip the decision.
#include <string>
#include <vector>

#include "engine/whatif_report.h"
#include "reports/svg_writer.h"

namespace flowcost::reports {

std::string tornado_svg(const engine::TornadoPair& pair, const std::vector<engine::TornadoInput>& inputs,
                        const ChartText& text);

}  // namespace flowcost::reports
