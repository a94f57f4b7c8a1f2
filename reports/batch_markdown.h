#pragma once
// `flowcost batch --format md`: a summary table (one row per scenario and design: mean monthly cost, its
// 90% interval, cost per execution and per 1 M events, the paired saving against the scenario's first
// design), then each scenario's run report as `run --format md` writes it, separated by rules.
#include <iosfwd>
#include <vector>

#include "engine/run_report.h"

namespace flowcost::reports {

void write_batch_markdown(const std::vector<engine::RunReport>& reports, std::ostream& out);

}  // namespace flowcost::reports
