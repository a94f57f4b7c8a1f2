#pragma once
// Writers of `flowcost sweep` and `flowcost tornado` results (docs/cli.md "sweep", "tornado"): an aligned
// table, tidy CSV (one record per point/input and design) and JSON.
#include <iosfwd>

#include "reports/whatif_report.h"

namespace flowcost::reports {

void write_sweep_table(const SweepReport& report, std::ostream& out);
// point,input,value,design,cost_usd_mean,cost_usd_p05,cost_usd_p95,saving_usd_mean (empty for the first)
void write_sweep_csv(const SweepReport& report, std::ostream& out);
void write_sweep_json(const SweepReport& report, std::ostream& out);

void write_tornado_table(const TornadoReport& report, std::ostream& out);
// input,p05,p50,p95,design,cost_usd_low,cost_usd_high,baseline,saving_usd_low,saving_usd_high,swing_usd
void write_tornado_csv(const TornadoReport& report, std::ostream& out);
void write_tornado_json(const TornadoReport& report, std::ostream& out);

}  // namespace flowcost::reports
