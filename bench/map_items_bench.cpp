// Growth of one execution with the items of a Distributed Map (docs/scenario-format.md "Large Maps"): a
// Map of N items whose Standard children each run a Lambda Task, simulated exactly (every child) and with
// the large-Map estimator (map_sample_children: 1000 above 10,000 children). Exact grows linearly in N;
// sampled stays flat above the threshold. Time per execution of draw 0, one thread.
//   build/bench/map_items_bench
#include <benchmark/benchmark.h>

#include <algorithm>
#include <memory>
#include <vector>

#include "generated_scenarios.h"
#include "model/diagnostics.h"
#include "model/metering.h"
#include "model/scenario/scenario.h"
#include "sim/execution.h"
#include "sim/scenario_values.h"
#include "sim/sfn/factory.h"

namespace {

using namespace flowcost;

void map_execution(benchmark::State& state, long long sample_children) {
  const bench::TempFolder dir("flowcost-map-bench");
  const std::string path = bench::write_map_scenario(dir, state.range(0), sample_children);
  model::Diagnostics diags;
  const model::Scenario scenario = model::load_scenario(path, {}, diags);
  auto simulator = sim::sfn::make_simulator(scenario, scenario.designs.at(0), model::MeteringRules{}, diags);
  if (!simulator || diags.has_errors()) {
    state.SkipWithError("the generated scenario did not load");
    return;
  }
  sim::CompiledScenarioValues values(scenario);
  auto draw = simulator->prepare(values.draw_inputs(1, 0));
  sim::ExecutionRecord record;
  std::uint64_t sample = 0;
  for (auto _ : state) {
    record.clear();
    draw->simulate(sample++, record);
    benchmark::DoNotOptimize(record.meters);
  }
  state.counters["items"] = static_cast<double>(state.range(0));
}

double best(const std::vector<double>& v) { return *std::min_element(v.begin(), v.end()); }

void configure(benchmark::internal::Benchmark* b) {
  b->Arg(1000)->Arg(10000)->Arg(100000)->Arg(1000000)->Repetitions(5)->ReportAggregatesOnly(true)
      ->ComputeStatistics("min", best)->MinTime(0.2)->Unit(benchmark::kMillisecond);
}

}  // namespace

BENCHMARK_CAPTURE(map_execution, exact, 0)->Apply(configure);
BENCHMARK_CAPTURE(map_execution, sampled, 1000)->Apply(configure);

BENCHMARK_MAIN();
