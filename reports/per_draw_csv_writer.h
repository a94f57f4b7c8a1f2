#pragma once
// `flowcost run --per-draw FILE`: the monthly cost of every draw, for anyone who wants their own chart
// (docs/cli.md "run", "Per-draw CSV"). Long form, RFC 4180, CRLF, shortest round-trip numbers. Columns:
//   scenario, design, draw, row, meter, label, usd
// For each design in report order, for each draw (0-based, in draw order): one `total` row (the design's
// monthly cost in that draw; meter and label empty), then one `line` row per rate line in price-table order
// (meter and label as in the run CSV). Then, for each comparison, one `saving` row per draw: design is the
// candidate, label the baseline, usd = baseline cost - candidate cost in that draw (the paired saving).
// The mean of a design's `total` rows is the report's mean monthly cost.
#include <iosfwd>

#include "engine/run_report.h"

namespace flowcost::reports {

void write_per_draw_csv(const engine::RunReport& report, std::ostream& out);

}  // namespace flowcost::reports
