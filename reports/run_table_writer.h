#pragma once
// `flowcost run --format table` (the default): per design, the monthly cost by line item with its mean and
// 90% interval over the draws, the total, the cost per execution, latency percentiles, outcomes by error
// name and warnings; then each comparison in one sentence. Numbers use '.' whatever the locale.
#include <iosfwd>

#include "engine/run_report.h"

namespace flowcost::reports {

void write_run_table(const engine::RunReport& report, std::ostream& out);

}  // namespace flowcost::reports
