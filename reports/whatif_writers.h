#pragma once
// Writers of `flowcost sweep` and `flowcost tornado` results (docs/cli.md "sweep", "tornado"): an aligned
// table, tidy CSV (one record per point/input and design) and JSON.
#include <iosfwd>
#include <string>

#include "engine/whatif_report.h"

namespace flowcost::reports {

void write_sweep_table(const engine::SweepReport& report, std::ostream& out);
// point,input,value,design,cost_usd_mean,cost_usd_p05,cost_usd_p95,saving_usd_mean (empty for the first)
void write_sweep_csv(const engine::SweepReport& report, std::ostream& out);
void write_sweep_json(const engine::SweepReport& report, std::ostream& out);

void write_tornado_table(const engine::TornadoReport& report, std::ostream& out);
// input,p05,p50,p95,design,cost_usd_low,cost_usd_high,baseline,saving_usd_low,saving_usd_high,swing_usd
void write_tornado_csv(const engine::TornadoReport& report, std::ostream& out);
void write_tornado_json(const engine::TornadoReport& report, std::ostream& out);

// "For iot-rules vs step-functions-express, devices decides the answer (swing $300); the decision (iot-rules
// cheaper) holds across the 5-95% range of every input." One sentence per pair.
std::string tornado_sentence(const engine::TornadoPair& pair);

// "iot-rules vs step-functions: devices = 12,500 (bracket 12,400 - 12,600, 3 extra runs); iot-rules is cheaper
// above it"
std::string break_even_text(const engine::BreakEven& b, const std::string& input);

// "iot-rules vs step-functions: no break-even in the range (iot-rules is cheaper throughout)"
std::string no_break_even_text(const engine::PairSaving& c);

}  // namespace flowcost::reports
