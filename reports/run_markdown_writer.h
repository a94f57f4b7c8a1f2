#pragma once
// `flowcost run --format md`: the run report as GitHub-flavoured Markdown (a heading per design with a
// line-item table, per-execution cost, latency, outcomes and warnings; the comparisons as sentences and a
// table). Text escapes '|', backslash and '$' (GitHub reads $...$ as math).
#include <iosfwd>

#include "engine/run_report.h"

namespace flowcost::reports {

void write_run_markdown(const engine::RunReport& report, std::ostream& out);

}  // namespace flowcost::reports
