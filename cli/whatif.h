#pragma once
// What `flowcost sweep` and `flowcost tornado` share (docs/cli.md "sweep", "tornado"): the scenario run
// through cli/run_pipeline.h with some inputs fixed by `--set NAME=VALUE` overrides added to the user's own,
// with the same seed every time (common random numbers across runs), and the pieces of its report they use.
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "cli/run_options.h"
#include "cli/run_pipeline.h"
#include "model/scenario/scenario.h"
#include "reports/run_report.h"
#include "reports/whatif_report.h"
#include "sim/whatif.h"

namespace flowcost::cli {

// Draws per run when --draws is not given: min(the scenario's run.draws, 50). A sweep or tornado makes
// many runs, and with the varied input fixed the spread between draws is smaller.
inline constexpr std::uint64_t kWhatIfMaxDefaultDraws = 50;

// `--vary NAME=FROM..TO[:log][:N]`: FROM and TO are quantities like --set values (`10ms`, `2KB`, `300`),
// in the input's base unit once parsed; N points (default 9, 2 to 101).
struct VarySpec {
  std::string name;
  double from = 0;
  double to = 0;
  sim::GridScale scale = sim::GridScale::linear;
  std::size_t points = 9;
};

// Throws model::InputError at "--vary" for a malformed range (every problem at once).
VarySpec parse_vary(const std::string& text);

// The scenario with the user's --set overrides (throws model::InputError with every problem).
model::Scenario load_whatif_scenario(const std::string& scenario_path, const RunOptions& options);

// Throws model::InputError at "--vary" when `name` is not an input, a workload item or events_per_month
// of `scenario` (with a did-you-mean).
void check_vary_name(const model::Scenario& scenario, const std::string& name);

// `options` with --draws defaulted (see kWhatIfMaxDefaultDraws) and the seed made explicit.
RunOptions whatif_options(const model::Scenario& scenario, const RunOptions& options);

// One run of the scenario with `fixed` inputs (name, value in base units) set after the user's --set.
ScenarioRun run_with_inputs(const std::string& scenario_path, const RunOptions& options,
                            const std::vector<std::pair<std::string, double>>& fixed);

// Each design's mean, p05 and p95 monthly cost; each comparison's mean saving.
std::vector<reports::CostSummary> cost_summaries(const reports::RunReport& report);
std::vector<reports::PairSaving> pair_savings(const reports::RunReport& report);
double saving_of(const reports::RunReport& report, const std::string& candidate);

// A whole sweep or tornado, with the files read (never to be overwritten by -o) and the warnings of the
// scenario (from its first run).
template <class Report>
struct WhatIfRun {
  Report report;
  std::vector<std::string> input_paths;
  std::vector<model::Diagnostic> warnings;
};

// Grid runs, then the break-evens of every design against the first (cli/cmd_sweep.cpp).
WhatIfRun<reports::SweepReport> run_sweep(const std::string& scenario_path, const RunOptions& options,
                                          const VarySpec& vary);
// The base run (every uncertain input at its median), then two runs per uncertain input (cli/cmd_tornado.cpp).
WhatIfRun<reports::TornadoReport> run_tornado(const std::string& scenario_path, const RunOptions& options);

}  // namespace flowcost::cli
