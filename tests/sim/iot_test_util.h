#pragma once
// Shared helpers for the IoT rules simulator tests: load a test scenario, build one design's simulator,
// and simulate n messages of draw 0 into summed meters and outcome counts.
#include <catch2/catch.hpp>

#include <cmath>
#include <memory>
#include <string>

#include "model/metering.h"
#include "model/scenario/scenario.h"
#include "sim/execution.h"
#include "sim/iot/simulator.h"
#include "sim/scenario_values.h"

namespace iot_test {

using namespace flowcost;

inline std::string messages(const model::Diagnostics& diags) {
  std::string out;
  for (const auto& d : diags.items()) out += model::diagnostic_headline(d) + "\n";
  return out;
}

inline model::Scenario load(const std::string& file) {
  model::Diagnostics diags;
  model::Scenario s = model::load_scenario(std::string(FLOWCOST_TEST_DATA) + "/iot/" + file, {}, diags);
  INFO(messages(diags));
  REQUIRE_FALSE(diags.has_errors());
  return s;
}

inline const model::DesignEntry& entry(const model::Scenario& s, const std::string& name) {
  for (const auto& d : s.designs)
    if (d.name == name) return d;
  FAIL("no design " << name);
  throw 0;
}

inline std::unique_ptr<sim::DesignSimulator> make(const model::Scenario& s, const std::string& name,
                                                  const model::MeteringRules& metering = {},
                                                  const sim::iot::SubdesignFactory& factory = {}) {
  model::Diagnostics diags;
  auto sim = sim::iot::make_simulator_with(s, entry(s, name), metering, diags, factory);
  INFO(messages(diags));
  REQUIRE_FALSE(diags.has_errors());
  REQUIRE(sim);
  return sim;
}

struct Totals {
  std::uint64_t n = 0;
  sim::MeterCounts sum;
  std::uint64_t succeeded = 0, failed = 0, lost = 0, caught = 0;
  double latency_sum_ms = 0;
  double max_latency_ms = 0;
  std::uint64_t retries = 0;
  double mean(sim::Meter m) const { return static_cast<double>(sum.get(m)) / static_cast<double>(n); }
};

inline Totals run(const model::Scenario& s, const sim::DesignSimulator& design, std::uint64_t n,
                  std::uint64_t draw = 0) {
  sim::CompiledScenarioValues values(s);
  sim::DrawInputs inputs = values.draw_inputs(s.run.seed, draw);
  auto draw_sim = design.prepare(inputs);
  Totals t;
  t.n = n;
  sim::ExecutionRecord rec;
  for (std::uint64_t i = 0; i < n; ++i) {
    rec.clear();
    draw_sim->simulate(i, rec);
    t.sum += rec.meters;
    t.latency_sum_ms += rec.latency_ms;
    t.max_latency_ms = std::max(t.max_latency_ms, rec.latency_ms);
    t.retries += rec.retries;
    if (rec.caught_errors > 0) ++t.caught;
    switch (rec.outcome) {
      case sim::Outcome::succeeded: ++t.succeeded; break;
      case sim::Outcome::failed: ++t.failed; break;
      case sim::Outcome::lost: ++t.lost; break;
    }
  }
  return t;
}

// |observed mean - expected| <= 4 standard errors of a mean of n draws with standard deviation sd.
inline void check_mean(double observed, double expected, double sd, std::uint64_t n) {
  double se = sd / std::sqrt(static_cast<double>(n));
  INFO("observed " << observed << " expected " << expected << " 4 SE " << 4 * se);
  CHECK(std::fabs(observed - expected) <= 4 * se);
}

// A fraction of n Bernoulli(p) trials.
inline void check_fraction(std::uint64_t count, std::uint64_t n, double p) {
  check_mean(static_cast<double>(count) / static_cast<double>(n), p, std::sqrt(p * (1 - p)), n);
}

}  // namespace iot_test
