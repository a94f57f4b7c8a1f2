// Growth of scenario loading with Task behaviours (README.md "Speed"): a generated Standard workflow of N
// Lambda Tasks (with Retry and Catch), each with a behaviour under `tasks:`, loaded by
// model::load_scenario (the definition parsed and validated, every behaviour parsed and checked against
// its state), and the definition alone (model::asl::load_and_validate). Both grow linearly in N: every
// lookup of a state or a behaviour by name is a hash lookup.
//   build/bench/loading_bench
#include <benchmark/benchmark.h>

#include <algorithm>
#include <vector>

#include "generated_scenarios.h"
#include "model/asl/loader.h"
#include "model/diagnostics.h"
#include "model/scenario/scenario.h"

namespace {

using namespace flowcost;

void scenario_with_behaviours(benchmark::State& state) {
  const bench::TempFolder dir("flowcost-loading-bench");
  const std::string path = bench::write_chain_scenario(dir, static_cast<int>(state.range(0)), false);
  for (auto _ : state) {
    model::Diagnostics diags;
    auto scenario = model::load_scenario(path, {}, diags);
    if (diags.has_errors()) state.SkipWithError("the generated scenario did not load");
    benchmark::DoNotOptimize(scenario.designs);
  }
  state.counters["tasks"] = static_cast<double>(state.range(0) - 1);
}

void definition_alone(benchmark::State& state) {
  const bench::TempFolder dir("flowcost-loading-bench");
  bench::write_chain_scenario(dir, static_cast<int>(state.range(0)), false);
  for (auto _ : state) {
    auto machine = model::asl::load_and_validate(dir.file("chain.asl.json"), false, nullptr);
    benchmark::DoNotOptimize(machine.top);
  }
  state.counters["tasks"] = static_cast<double>(state.range(0) - 1);
}

double best(const std::vector<double>& v) { return *std::min_element(v.begin(), v.end()); }

void configure(benchmark::internal::Benchmark* b) {
  b->Arg(1001)->Arg(5001)->Arg(20001)->Repetitions(5)->ReportAggregatesOnly(true)->ComputeStatistics("min", best)
      ->Iterations(1)->Unit(benchmark::kMillisecond);
}

}  // namespace

BENCHMARK(scenario_with_behaviours)->Apply(configure);
BENCHMARK(definition_alone)->Apply(configure);

BENCHMARK_MAIN();
