#pragma once
// `flowcost run --format csv` and `flowcost batch`: tidy CSV (RFC 4180, CRLF, '.' decimal point), one row
// per design x line item plus a `total` row per design, then one `unpriced` row per call the design makes
// that flowcost does not price, then one `setting` row per assumption. Columns:
//   scenario, design, row, meter, label, unit, quantity_mean, cost_usd_mean, cost_usd_p05, cost_usd_p50,
//   cost_usd_p95, per_execution_cost_usd, per_execution_cost_usd_p05, per_execution_cost_usd_p50,
//   per_execution_cost_usd_p95, per_million_events_cost_usd, saving_usd_mean, saving_fraction_mean,
//   p_candidate_cheaper, detail, seed, prices, prices_effective_date, tool_version
// row is "line" (meter: the meter, e.g. "lambda.gb_seconds.arm64"; label: its rate line, e.g. "duration"),
// "total" (unit "USD", no quantity; the per-execution quantiles are filled here only), "unpriced" (label:
// the state; detail "SERVICE:ACTION: reason"; no number) or "setting" (label: an assumption behind the
// design's numbers, docs/billing-rules.md "Settings"; detail: its value). per_million_events_cost_usd is
// per_execution_cost_usd x 1,000,000. The three comparison columns are filled on the `total` row of every
// design after the first (compared with the first design on the same draws) and empty elsewhere. seed,
// prices (the table's name), prices_effective_date and tool_version are on every row. No wall time: the
// same inputs and seed give byte-identical CSV at any thread count.
#include <iosfwd>

#include "engine/run_report.h"

namespace flowcost::reports {

void write_run_csv_header(std::ostream& out);
void write_run_csv_rows(const engine::RunReport& report, std::ostream& out);
// Header, then rows.
void write_run_csv(const engine::RunReport& report, std::ostream& out);

}  // namespace flowcost::reports
