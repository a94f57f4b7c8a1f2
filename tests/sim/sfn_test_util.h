#pragma once
// Helpers for the Step Functions tests: load a scenario, build one design's simulator, simulate samples.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "model/diagnostics.h"
#include "model/metering.h"
#include "model/scenario/scenario.h"
#include "sim/execution.h"
#include "sim/scenario_values.h"
#include "sim/sfn/factory.h"

namespace flowcost::sfn_test {

struct Loaded {
  model::Scenario scenario;
  model::Diagnostics diags;
  std::unique_ptr<sim::DesignSimulator> sim;
};

// The metering rules with orchestration latency off (docs/billing-rules.md section 8): the tests of ASL
// semantics, statistics and metering check the virtual clock against their own arithmetic; the latency
// Step Functions adds is tested on its own (orchestration_test.cpp).
inline model::MeteringRules no_orchestration() {
  model::MeteringRules r;
  r.express_latency_ms.fill(0);
  r.standard_latency_ms.fill(0);
  return r;
}

inline std::string data(const std::string& name) { return std::string(FLOWCOST_TEST_DATA) + "/sfn/" + name; }

inline std::unique_ptr<Loaded> load(const std::string& path, const std::string& design,
                                    const model::MeteringRules& metering = no_orchestration()) {
  // The problems of the common sections and of `design`, not those of the file's other designs (a test
  // file holds many designs, some of them wrong on purpose).
  auto l = std::make_unique<Loaded>();
  model::Diagnostics all;
  l->scenario = model::load_scenario(path, {}, all);
  std::vector<std::string> others;
  for (const auto& d : l->scenario.designs)
    if (d.name != design)
      for (const auto& item : d.diagnostics) others.push_back(model::diagnostic_headline(item));
  for (const auto& item : all.items())
    if (std::find(others.begin(), others.end(), model::diagnostic_headline(item)) == others.end()) l->diags.add(item);
  for (const auto& d : l->scenario.designs)
    if (d.name == design) l->sim = sim::sfn::make_simulator(l->scenario, d, metering, l->diags);
  return l;
}

inline std::vector<std::string> headlines(const model::Diagnostics& diags) {
  std::vector<std::string> out;
  for (const auto& d : diags.items()) out.push_back(model::diagnostic_headline(d));
  return out;
}

struct Runs {
  std::vector<sim::ExecutionRecord> records;
  const sim::DesignSimulator* sim = nullptr;

  double mean(const std::function<double(const sim::ExecutionRecord&)>& f) const {
    double s = 0;
    for (const auto& r : records) s += f(r);
    return s / static_cast<double>(records.size());
  }
  // Standard error of the mean of f.
  double se(const std::function<double(const sim::ExecutionRecord&)>& f) const {
    const double m = mean(f);
    double ss = 0;
    for (const auto& r : records) ss += (f(r) - m) * (f(r) - m);
    const double n = static_cast<double>(records.size());
    return std::sqrt(ss / (n - 1) / n);
  }
  std::string error(const sim::ExecutionRecord& r) const { return sim->error_names()[r.error_id]; }
};

inline Runs simulate(const Loaded& l, std::uint64_t n, std::uint64_t seed = 7, std::uint64_t draw = 0) {
  REQUIRE(l.sim);
  sim::CompiledScenarioValues values(l.scenario);
  auto draw_sim = l.sim->prepare(values.draw_inputs(seed, draw));
  Runs runs;
  runs.sim = l.sim.get();
  runs.records.resize(n);
  for (std::uint64_t i = 0; i < n; ++i) draw_sim->simulate(i, runs.records[i]);
  return runs;
}

inline double meter(const sim::ExecutionRecord& r, sim::Meter m) { return static_cast<double>(r.meters.get(m)); }

}  // namespace flowcost::sfn_test
