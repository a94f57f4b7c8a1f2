// Simulated Step Functions state transitions per second per core on the shipped definitions
// (README.md "Speed": the target is at least 20 million per second per core).
//
// Per shipped Step Functions design:
// - executor/...: the executor alone on one thread, draw 0 prepared once, chunks of 4,096 executions back to
//   back with the record handled as the replication loop handles it (meters summed in place, per-event
//   fields reset);
// - replication/...: the whole replication loop (sim::Replicator, one thread) over 4 draws x 20,000
//   executions: draw preparation, per-chunk totals, latency samples and merging included;
// - threads/...: the replication loop over the scenario's own executions per draw and 24 draws (five
//   windows), at 1 and then at 2 threads in each iteration, timed by the wall clock; the counter `speedup`
//   (the ratio of their rates) is the loop's two-thread speed-up without the process start, the reading and
//   the report (docs/performance.md).
// Each runs 9 repetitions; the machine is shared, so quote the median and read the spread: `max` is the
// best repetition (least disturbed), `cv` the coefficient of variation. Counters: transitions/s,
// executions/s, transitions/execution.
//   build/bench/transitions_bench                      # everything
//   build/bench/transitions_bench --benchmark_filter=executor
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <string>
#include <vector>

#include "shipped_designs.h"
#include "sim/execution.h"
#include "sim/replication.h"
#include "sim/scenario_values.h"

namespace {

using namespace flowcost;

void set_counters(benchmark::State& state, std::uint64_t transitions, std::uint64_t executions) {
  state.counters["transitions/s"] = benchmark::Counter(static_cast<double>(transitions), benchmark::Counter::kIsRate);
  state.counters["executions/s"] = benchmark::Counter(static_cast<double>(executions), benchmark::Counter::kIsRate);
  state.counters["transitions/execution"] = static_cast<double>(transitions) / static_cast<double>(executions);
}

void executor(benchmark::State& state, const bench::ShippedDesign& design) {
  auto l = bench::load_design_or_skip(state, design);
  if (!l) return;
  sim::CompiledScenarioValues values(l->scenario);
  auto draw = l->simulator->prepare(values.draw_inputs(l->scenario.run.seed, 0));
  sim::ExecutionRecord record;
  std::uint64_t sample = 0, transitions = 0;
  for (auto _ : state) {
    transitions += bench::run_executor_chunk(*draw, record, sample);
    benchmark::DoNotOptimize(record.meters);
  }
  set_counters(state, transitions, sample);
}

void replication(benchmark::State& state, const bench::ShippedDesign& design) {
  auto l = bench::load_design_or_skip(state, design);
  if (!l) return;
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

// The replication loop at 1 and then at 2 threads in each iteration, each over its own 24 draws (windows
// of 2, 8, 8, 4 and 2 draws, sim::window_draws; draws already simulated are never run again, as in a real run) and timed by the wall clock. The
// two runs are adjacent in time, so a drift of the machine's speed cancels in their ratio. The time reported
// is the 2-thread run's; `speedup` is the 2-thread rate of transitions over the 1-thread rate, over all
// iterations (the draws differ in work, so their rates are compared, not their times).
void two_threads(benchmark::State& state, const bench::ShippedDesign& design) {
  auto l = bench::load_design_or_skip(state, design);
  if (!l) return;
  constexpr std::uint64_t kDraws = 3 * sim::kDrawWindow;
  double seconds[2] = {0, 0}, transitions[2] = {0, 0};
  std::uint64_t first = 0;
  for (auto _ : state) {
    for (unsigned threads : {1u, 2u}) {
      const auto started = std::chrono::steady_clock::now();
      sim::Replicator replicator(l->scenario, {l->simulator.get()},
                                 {l->scenario.run.seed, l->scenario.run.executions, threads});
      sim::RunResult result;
      replicator.run_draws(first, kDraws, result);
      benchmark::DoNotOptimize(result.designs);
      const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
      seconds[threads - 1] += s;
      transitions[threads - 1] += static_cast<double>(result.simulated_transitions);
      if (threads == 2) state.SetIterationTime(s);
      first += kDraws;
    }
  }
  state.counters["speedup"] = (transitions[1] / seconds[1]) / (transitions[0] / seconds[0]);
}

double best(const std::vector<double>& v) { return *std::max_element(v.begin(), v.end()); }

void configure(benchmark::internal::Benchmark* b) {
  b->Repetitions(9)->ReportAggregatesOnly(true)->ComputeStatistics("max", best)->MinTime(0.2)->Unit(benchmark::kMillisecond);
}

}  // namespace

int main(int argc, char** argv) {
  for (const auto& design : bench::kShippedDesigns) {
    configure(benchmark::RegisterBenchmark((std::string("executor/") + design.bench_name).c_str(), executor, design));
    configure(benchmark::RegisterBenchmark((std::string("replication/") + design.bench_name).c_str(), replication, design));
    configure(benchmark::RegisterBenchmark((std::string("threads/") + design.bench_name).c_str(), two_threads, design)
                  ->UseManualTime());
  }
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
