#pragma once
// `flowcost run --format csv` and `flowcost batch`: tidy CSV (RFC 4180, CRLF, '.' decimal point), one row
// per design x line item plus a `total` row per design, then one `unpriced:STATE` row per call the design
// makes that flowcost does not price, then one `setting:NAME` row per assumption. Columns:
//   scenario, design, line_item, unit, quantity_mean, cost_usd_mean, cost_usd_p05, cost_usd_p50,
//   cost_usd_p95, per_execution_cost_usd, saving_usd_mean, saving_fraction_mean, p_candidate_cheaper, detail
// line_item is "METER/LINE" (e.g. "lambda.gb_seconds.arm64/duration") or "total" (unit "USD", no
// quantity) or "unpriced:STATE" (no number; detail "SERVICE:ACTION: reason") or "setting:NAME" (an
// assumption behind the design's numbers, docs/billing-rules.md "Settings"; detail is its value). detail is
// empty on the other rows. The three comparison columns are filled on the `total` row of every design after the first
// (compared with the first design on the same draws) and empty elsewhere. No wall time: the same inputs
// and seed give byte-identical CSV at any thread count.
#include <iosfwd>

#include "engine/run_report.h"

namespace flowcost::reports {

void write_run_csv_header(std::ostream& out);
void write_run_csv_rows(const engine::RunReport& report, std::ostream& out);
// Header, then rows.
void write_run_csv(const engine::RunReport& report, std::ostream& out);

}  // namespace flowcost::reports
