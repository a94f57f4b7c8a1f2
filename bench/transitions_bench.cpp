// Simulated Step Functions state transitions per second per core on the shipped definitions
// (README.md "Speed": the target is at least 20 million per second per core).
//
// Two measurements per shipped Step Functions design, both on one thread:
// - executor/...: the executor alone, draw 0 prepared once, chunks of 4,096 executions back to back with
//   the record handled as the replication loop handles it (meters summed in place, per-event fields reset);
// - replication/...: the whole replication loop (sim::Replicator, one thread) over 4 draws x 20,000
//   executions: draw preparation, per-chunk totals, latency samples and merging included.
// Each runs 9 repetitions; the machine is shared, so quote the median and read the spread: `max` is the
// best repetition (least disturbed), `cv` the coefficient of variation. Counters: transitions/s,
// executions/s, transitions/execution.
//   build/bench/transitions_bench                      # everything
//   build/bench/transitions_bench --benchmark_filter=executor
#include <benchmark/benchmark.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "model/diagnostics.h"
#include "model/metering.h"
#include "model/scenario/scenario.h"
#include "sim/execution.h"
#include "sim/replication.h"
#include "sim/scenario_values.h"
#include "sim/sfn/factory.h"

namespace {

using namespace flowcost;

constexpr std::uint64_t kChunk = 4096;

struct Loaded {
  model::Scenario scenario;
  std::unique_ptr<sim::DesignSimulator> simulator;
};

std::unique_ptr<Loaded> load(const std::string& file, const std::string& design) {
  auto l = std::make_unique<Loaded>();
  model::Diagnostics diags;
  l->scenario = model::load_scenario(std::string(FLOWCOST_SOURCE_DIR) + "/scenarios/" + file, {}, diags);
  for (const auto& d : l->scenario.designs)
    if (d.name == design) l->simulator = sim::sfn::make_simulator(l->scenario, d, model::MeteringRules{}, diags);
  if (!l->simulator || diags.has_errors()) return nullptr;
  return l;
}

void set_counters(benchmark::State& state, std::uint64_t transitions, std::uint64_t executions) {
  state.counters["transitions/s"] = benchmark::Counter(static_cast<double>(transitions), benchmark::Counter::kIsRate);
  state.counters["executions/s"] = benchmark::Counter(static_cast<double>(executions), benchmark::Counter::kIsRate);
  state.counters["transitions/execution"] = static_cast<double>(transitions) / static_cast<double>(executions);
}

void executor(benchmark::State& state, const std::string& file, const std::string& design) {
  auto l = load(file, design);
  if (!l) {
    state.SkipWithError("the scenario did not load");
    return;
  }
  sim::CompiledScenarioValues values(l->scenario);
  auto draw = l->simulator->prepare(values.draw_inputs(l->scenario.run.seed, 0));
  sim::ExecutionRecord record;
  std::uint64_t sample = 0, transitions = 0;
  for (auto _ : state) {
    record.clear();
    for (std::uint64_t i = 0; i < kChunk; ++i) {
      record.reset_event();
      draw->simulate(sample++, record);
      transitions += record.transitions;
    }
    benchmark::DoNotOptimize(record.meters);
  }
  set_counters(state, transitions, sample);
}

void replication(benchmark::State& state, const std::string& file, const std::string& design) {
  auto l = load(file, design);
  if (!l) {
    state.SkipWithError("the scenario did not load");
    return;
  }
  sim::ReplicationOptions options;
  options.seed = l->scenario.run.seed;
  options.executions = 20000;
  options.threads = 1;
  std::uint64_t transitions = 0, executions = 0, first = 0;
  for (auto _ : state) {
    sim::Replicator replicator(l->scenario, {l->simulator.get()}, options);
    sim::RunResult result;
    replicator.run_draws(first, 4, result);
    first += 4;
    transitions += result.simulated_transitions;
    executions += result.simulated_executions;
    benchmark::DoNotOptimize(result.designs);
  }
  set_counters(state, transitions, executions);
}

double best(const std::vector<double>& v) { return *std::max_element(v.begin(), v.end()); }

void configure(benchmark::internal::Benchmark* b) {
  b->Repetitions(9)->ReportAggregatesOnly(true)->ComputeStatistics("max", best)->MinTime(0.2)->Unit(benchmark::kMillisecond);
}

}  // namespace

#define FLOWCOST_BENCH(name, file, design)                                   \
  BENCHMARK_CAPTURE(executor, name, file, design)->Apply(configure);        \
  BENCHMARK_CAPTURE(replication, name, file, design)->Apply(configure);

FLOWCOST_BENCH(article_choice, "article-choice.yaml", "article-choice")
FLOWCOST_BENCH(media_transcode, "media-transcode.yaml", "media-transcode")
FLOWCOST_BENCH(promotion_approval, "promotion-approval.yaml", "promotion-approval")
FLOWCOST_BENCH(iot_telemetry_express, "iot-telemetry.yaml", "step-functions-express")
FLOWCOST_BENCH(iot_telemetry_standard, "iot-telemetry.yaml", "step-functions-standard")

BENCHMARK_MAIN();
