// The large-Map estimator (docs/scenario-format.md "Large Maps", sim/sfn/executor_map.cpp): a Distributed
// Map visit with more children than run.map_sample_above simulates run.map_sample_children of them and
// scales their sums. Checked against the exact mode (run.map_sample_children: 0) on fixed seeds: the
// same mean within 4 standard errors, the variance per execution larger by children / sample (the
// sampling variance the batch spread then carries), constant per-child meters exact.
#include <catch2/catch.hpp>

#include <cmath>
#include <memory>
#include <string>
#include <vector>

#include "model/diagnostics.h"
#include "model/scenario/scenario.h"
#include "sim/execution.h"
#include "sim/scenario_values.h"
#include "sim/sfn/factory.h"
#include "sfn_test_util.h"

namespace flowcost {
namespace {

using sim::Meter;

const std::string kScenario = std::string(FLOWCOST_TEST_DATA) + "/sfn/large_map/map_sample.yaml";
constexpr double kChildren = 5000, kSample = 200;

struct Moments {
  double mean = 0, variance = 0, n = 0;
};

// Per-execution meter `m` over `n` executions of draw 0, with the scenario's map_sample_children
// replaced by `sample_children`.
Moments per_execution(std::uint64_t sample_children, std::uint64_t seed, std::uint64_t n, Meter m,
                      std::vector<sim::ExecutionRecord>* records = nullptr) {
  model::Diagnostics diags;
  model::Scenario scenario = model::load_scenario(kScenario, {}, diags);
  REQUIRE_FALSE(diags.has_errors());
  REQUIRE(scenario.run.map_sample_children == 200);
  REQUIRE(scenario.run.map_sample_above == 1000);
  scenario.run.map_sample_children = sample_children;
  auto simulator = sim::sfn::make_simulator(scenario, scenario.designs.at(0), sfn_test::no_orchestration(), diags);
  REQUIRE(simulator);
  sim::CompiledScenarioValues values(scenario);
  auto draw = simulator->prepare(values.draw_inputs(seed, 0));
  std::vector<double> x(n);
  for (std::uint64_t i = 0; i < n; ++i) {
    sim::ExecutionRecord r;
    draw->simulate(i, r);
    x[i] = static_cast<double>(r.meters.get(m));
    if (records) records->push_back(r);
  }
  Moments out;
  out.n = static_cast<double>(n);
  for (double v : x) out.mean += v / out.n;
  for (double v : x) out.variance += (v - out.mean) * (v - out.mean) / (out.n - 1);
  return out;
}

TEST_CASE("map sample: the scaled sample has the exact mode's mean within 4 standard errors", "[map_sample]") {
  const Moments exact = per_execution(0, 7, 300, Meter::lambda_gb_seconds_x86);
  const Moments sampled = per_execution(200, 8, 1500, Meter::lambda_gb_seconds_x86);
  const double se = std::sqrt(exact.variance / exact.n + sampled.variance / sampled.n);
  INFO("exact " << exact.mean << " sampled " << sampled.mean << " se " << se);
  CHECK(std::abs(sampled.mean - exact.mean) <= 4 * se);
  // The estimate is not trivially close: 5,000 children of ~ 128 MB x 120 ms each.
  CHECK(exact.mean > 5000 * 128 * 80.0);
}

TEST_CASE("map sample: the per-execution variance grows by children / sample (the sampling variance)",
          "[map_sample]") {
  // Exact: Var = N s2 (N children of per-child variance s2). Sampled: (N / n)^2 n s2 = N^2 s2 / n, so the
  // ratio is N / n = 25; the sample variances' relative standard errors are about sqrt(2 / (k - 1)).
  const Moments exact = per_execution(0, 11, 300, Meter::lambda_gb_seconds_x86);
  const Moments sampled = per_execution(200, 12, 1500, Meter::lambda_gb_seconds_x86);
  const double ratio = sampled.variance / exact.variance;
  const double expected = kChildren / kSample;
  const double rel_se = std::sqrt(2 / (exact.n - 1) + 2 / (sampled.n - 1));
  INFO("ratio " << ratio << " expected " << expected << " relative se " << rel_se);
  CHECK(std::abs(ratio - expected) <= 4 * rel_se * expected);
}

TEST_CASE("map sample: meters every child adds once are exact after scaling", "[map_sample]") {
  std::vector<sim::ExecutionRecord> records;
  per_execution(200, 5, 20, Meter::lambda_requests, &records);
  for (const auto& r : records) {
    CHECK(r.meters.get(Meter::lambda_requests) == 5000);
    // The Map state, one parent transition per child started, each child's Task.
    CHECK(r.meters.get(Meter::sfn_standard_transitions) == 1 + 5000 + 5000);
    CHECK(r.outcome == sim::Outcome::succeeded);
  }
}

TEST_CASE("map sample: at or below map_sample_above every child is simulated", "[map_sample]") {
  // map_sample_above: 5000 (the visit's children): exact, the same numbers as map_sample_children: 0.
  model::Diagnostics diags;
  model::Scenario scenario = model::load_scenario(kScenario, {}, diags);
  scenario.run.map_sample_above = 5000;
  auto at = sim::sfn::make_simulator(scenario, scenario.designs.at(0), sfn_test::no_orchestration(), diags);
  scenario.run.map_sample_children = 0;
  auto off = sim::sfn::make_simulator(scenario, scenario.designs.at(0), sfn_test::no_orchestration(), diags);
  REQUIRE(at);
  REQUIRE(off);
  sim::CompiledScenarioValues values(scenario);
  auto a = at->prepare(values.draw_inputs(1, 0));
  auto b = off->prepare(values.draw_inputs(1, 0));
  for (std::uint64_t i = 0; i < 3; ++i) {
    sim::ExecutionRecord ra, rb;
    a->simulate(i, ra);
    b->simulate(i, rb);
    CHECK(ra.meters.v == rb.meters.v);
    CHECK(ra.latency_ms == rb.latency_ms);
  }
}

TEST_CASE("map sample: the settings are checked where they are written", "[map_sample]") {
  const std::string dir = std::string(FLOWCOST_TEST_DATA) + "/sfn/large_map/";
  model::Diagnostics diags;
  model::load_scenario(dir + "bad_settings.yaml", {}, diags);
  const auto lines = sfn_test::headlines(diags);
  REQUIRE(lines.size() == 1);
  CHECK(lines[0] == dir + "bad_settings.yaml:4:6: error: run.map_sample_children (5000) is more than run.map_sample_above "
                    "(1000): a Map visit is sampled only when it starts more children than the sample");
}

}  // namespace
}  // namespace flowcost
