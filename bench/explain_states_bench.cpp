// Growth of `explain` with the states of a definition (README.md "Speed"): a generated Standard workflow of
// N states (Lambda Tasks with Retry and Catch; every tenth state a Choice looping five states back, so the
// chain has N / 10 cycles), the whole verb (engine::explain_scenario: load, compile, the sparse chain
// solve of sim/markov/chain_solve.h, pricing) and the analysis alone (sim::markov::analyze_design on the
// loaded scenario). The target: 10,000 states in under 5 s; the time grows about linearly in N.
//   build/bench/explain_states_bench
#include <benchmark/benchmark.h>

#include <algorithm>
#include <vector>

#include "engine/explain.h"
#include "generated_scenarios.h"
#include "model/diagnostics.h"
#include "model/metering.h"
#include "model/scenario/scenario.h"
#include "sim/markov/analyze.h"

namespace {

using namespace flowcost;

void explain_verb(benchmark::State& state) {
  const bench::TempFolder dir("flowcost-explain-bench");
  const std::string path = bench::write_chain_scenario(dir, static_cast<int>(state.range(0)), true);
  for (auto _ : state) {
    engine::ExplainRequest request;
    request.scenario_path = path;
    auto run = engine::explain_scenario(request);
    benchmark::DoNotOptimize(run.report);
  }
  state.counters["states"] = static_cast<double>(state.range(0));
}

void analysis(benchmark::State& state) {
  const bench::TempFolder dir("flowcost-explain-bench");
  const std::string path = bench::write_chain_scenario(dir, static_cast<int>(state.range(0)), true);
  model::Diagnostics diags;
  const model::Scenario scenario = model::load_scenario(path, {}, diags);
  if (diags.has_errors()) {
    state.SkipWithError("the generated scenario did not load");
    return;
  }
  for (auto _ : state) {
    auto result = sim::markov::analyze_design(scenario, scenario.designs.at(0), model::MeteringRules{}, diags);
    benchmark::DoNotOptimize(result.states);
  }
  state.counters["states"] = static_cast<double>(state.range(0));
}

double best(const std::vector<double>& v) { return *std::min_element(v.begin(), v.end()); }

void configure(benchmark::internal::Benchmark* b) {
  b->Arg(1000)->Arg(5000)->Arg(10000)->Repetitions(5)->ReportAggregatesOnly(true)->ComputeStatistics("min", best)
      ->Iterations(1)->Unit(benchmark::kMillisecond);
}

}  // namespace

BENCHMARK(explain_verb)->Apply(configure);
BENCHMARK(analysis)->Apply(configure);

BENCHMARK_MAIN();
