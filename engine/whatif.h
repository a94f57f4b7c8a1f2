#pragma once
// What `flowcost sweep` and `flowcost tornado` share (docs/cli.md "sweep", "tornado"): their settings, and
// the pieces of a run's report they use. Both read and compile the scenario once (a ScenarioSession,
// engine/run_pipeline.h) and run it with some inputs fixed, on the same seed every time (common random
// numbers across runs).
#include <cstdint>
#include <string>
#include <vector>

#include "engine/run_pipeline.h"
#include "engine/run_report.h"
#include "engine/run_settings.h"
#include "engine/whatif_report.h"
#include "model/diagnostics.h"
#include "model/scenario/scenario.h"

namespace flowcost::engine {

// Draws per run when no draws are given: min(the scenario's run.draws, 50). A sweep or tornado makes
// many runs, and with the varied input fixed the spread between draws is smaller.
inline constexpr std::uint64_t kWhatIfMaxDefaultDraws = 50;

// `settings` with the draws defaulted (see kWhatIfMaxDefaultDraws) and the seed made explicit.
RunSettings whatif_settings(const model::Scenario& scenario, const RunSettings& settings);

// Each design's mean, p05 and p95 monthly cost; each comparison's mean saving.
std::vector<CostSummary> cost_summaries(const RunReport& report);
std::vector<PairSaving> pair_savings(const RunReport& report);
std::vector<DesignBasis> design_basis(const RunReport& report);
double saving_of(const RunReport& report, const std::string& candidate);

// A whole sweep or tornado, with the files read (never to be overwritten by -o) and the warnings of the
// scenario (from its first run).
template <class Report>
struct WhatIfRun {
  Report report;
  std::vector<std::string> input_paths;
  std::vector<model::Diagnostic> warnings;
};

}  // namespace flowcost::engine
