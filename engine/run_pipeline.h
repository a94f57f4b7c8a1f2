#pragma once
// load -> simulate -> price for one scenario, shared by `run` and `batch`: reads the scenario (with
// its `set` overrides) and its price table, builds every design's simulator, runs the replication (all draws
// at once, or with a stop rule in growing rounds of draws until every design's mean monthly cost is
// precise enough or the cap is reached) and prices the result into a report.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "model/diagnostics.h"
#include "engine/run_report.h"
#include "engine/run_settings.h"

namespace flowcost::engine {

struct ScenarioRun {
  RunReport report;
  std::vector<std::string> input_paths;         // every file read (never to be overwritten)
  std::vector<model::Diagnostic> warnings;      // warnings of the scenario and its designs
};

// Called after each slice of draws: (draws done, draws planned so far). An empty function: no progress,
// and the draws run in one call.
using ProgressFn = std::function<void(std::uint64_t, std::uint64_t)>;

// Throws model::InputError carrying every problem found (scenario, price table, designs, meters without a
// price) before anything is simulated when possible.
ScenarioRun run_scenario(const std::string& scenario_path, const RunSettings& settings, const ProgressFn& progress);

}  // namespace flowcost::engine
