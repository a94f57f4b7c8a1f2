// Simulated Step Functions state transitions per second per core on the shipped definitions (one thread,
// one draw prepared once, executions simulated back to back). Counters: transitions/s, executions/s.
// Target (DESIGN.md "Performance"): at least 20 million transitions per second per core.
#include <benchmark/benchmark.h>

#include <memory>
#include <string>
#include <vector>

#include "model/diagnostics.h"
#include "model/metering.h"
#include "model/scenario/scenario.h"
#include "sim/execution.h"
#include "sim/scenario_values.h"
#include "sim/sfn/factory.h"

namespace {

using namespace flowcost;

void run_design(benchmark::State& state, const std::string& file, const std::string& design) {
  model::Diagnostics diags;
  const model::Scenario scenario =
      model::load_scenario(std::string(FLOWCOST_SOURCE_DIR) + "/scenarios/" + file, {}, diags);
  std::unique_ptr<sim::DesignSimulator> simulator;
  for (const auto& d : scenario.designs)
    if (d.name == design) simulator = sim::sfn::make_simulator(scenario, d, model::MeteringRules{}, diags);
  if (!simulator || diags.has_errors()) {
    state.SkipWithError("the scenario did not load");
    return;
  }
  sim::CompiledScenarioValues values(scenario);
  auto draw = simulator->prepare(values.draw_inputs(scenario.run.seed, 0));
  sim::ExecutionRecord record;
  std::uint64_t sample = 0, transitions = 0;
  record.clear();
  for (auto _ : state) {
    record.reset_event();  // as the replication loop does: meters keep summing
    draw->simulate(sample++, record);
    transitions += record.transitions;
    benchmark::DoNotOptimize(record);
  }
  state.counters["transitions/s"] = benchmark::Counter(static_cast<double>(transitions), benchmark::Counter::kIsRate);
  state.counters["executions/s"] = benchmark::Counter(static_cast<double>(sample), benchmark::Counter::kIsRate);
  state.counters["transitions/execution"] = static_cast<double>(transitions) / static_cast<double>(sample);
}

}  // namespace

BENCHMARK_CAPTURE(run_design, article_choice, "article-choice.yaml", "article-choice");
BENCHMARK_CAPTURE(run_design, media_transcode, "media-transcode.yaml", "media-transcode");
BENCHMARK_CAPTURE(run_design, promotion_approval, "promotion-approval.yaml", "promotion-approval");
BENCHMARK_CAPTURE(run_design, iot_telemetry_express, "iot-telemetry.yaml", "step-functions-express");
BENCHMARK_CAPTURE(run_design, iot_telemetry_standard, "iot-telemetry.yaml", "step-functions-standard");

BENCHMARK_MAIN();
