#pragma once
// The content of the sweep and tornado reports, shared by their terminal tables (reports/whatif_writers.h)
// and their Markdown (reports/whatif_markdown.h): the same headings, rows and sentences, each format only
// lays them out.
#include <string>
#include <vector>

#include "engine/whatif_report.h"

namespace flowcost::reports {

using Rows = std::vector<std::vector<std::string>>;  // the first row is the header

// "Sweep of devices from 1000 to 5000 (linear, 5 points), scenario s, seed 1, 20 draws x 1000 executions per point"
std::string sweep_heading(const engine::SweepReport& r);
Rows sweep_rows(const engine::SweepReport& r);
// "Break-even (saving = BASELINE cost - candidate cost):" and one sentence per pair.
std::string break_even_heading(const engine::SweepReport& r);
std::vector<std::string> break_even_lines(const engine::SweepReport& r);

// "Tornado of scenario s: each uncertain input at its 5th and 95th percentile, ...; seed 1, 20 draws x 1000
// executions per run"
std::string tornado_heading(const engine::TornadoReport& r);
Rows tornado_base_rows(const engine::TornadoReport& r);
Rows tornado_input_rows(const engine::TornadoReport& r);
// "Saving of CANDIDATE vs BASELINE (base $150), by swing:"
std::string tornado_pair_heading(const engine::TornadoPair& pair);
Rows tornado_bar_rows(const engine::TornadoPair& pair);

// "DESIGN: Task \"x\" (...): reason", one per call no total includes.
std::vector<std::string> unpriced_lines(const std::vector<engine::DesignBasis>& basis);
// "DESIGN (SOURCE): name=value, ...", one per design and source of its settings.
std::vector<std::string> assumption_lines(const std::vector<engine::DesignBasis>& basis);

}  // namespace flowcost::reports
