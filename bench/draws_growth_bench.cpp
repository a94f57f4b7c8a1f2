// Growth in draws (docs/scale-out.md "Figures"): the whole `run` pipeline (load, simulate, price, report) of
// scenarios/iot-telemetry.yaml at 100 executions per draw and 1,000 to 16,000 draws, one thread. Counters:
// seconds per draw (time / draws) and the process's resident set size after the run (VmRSS, MB), which must
// stay flat beyond a small record per draw (sim/run_result.h). Quote the median of the repetitions.
//   build/bench/draws_growth_bench
#include <benchmark/benchmark.h>

#include <fstream>
#include <string>

#include "engine/run_pipeline.h"

namespace {

using namespace flowcost;

// The current resident set size in MB (Linux /proc/self/status), 0 when unknown.
double resident_mb() {
  std::ifstream status("/proc/self/status");
  std::string key;
  while (status >> key) {
    if (key == "VmRSS:") {
      double kb = 0;
      status >> kb;
      return kb / 1024;
    }
    status.ignore(1 << 20, '\n');
  }
  return 0;
}

void BM_run_draws(benchmark::State& state) {
  const auto draws = static_cast<std::uint64_t>(state.range(0));
  engine::RunSettings settings;
  settings.draws = draws;
  settings.executions = 100;
  settings.threads = 1;
  double rss = 0;
  for (auto _ : state) {
    engine::ScenarioRun run =
        engine::run_scenario(std::string(FLOWCOST_SOURCE_DIR) + "/scenarios/iot-telemetry.yaml", settings, {});
    rss = resident_mb();
    benchmark::DoNotOptimize(run.report.designs.size());
  }
  state.counters["s_per_draw"] =
      benchmark::Counter(static_cast<double>(draws) * static_cast<double>(state.iterations()),
                         benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
  state.counters["rss_mb"] = rss;
}

BENCHMARK(BM_run_draws)->Arg(1000)->Arg(4000)->Arg(16000)->Unit(benchmark::kMillisecond)->Iterations(1)->Repetitions(3);

}  // namespace

BENCHMARK_MAIN();
