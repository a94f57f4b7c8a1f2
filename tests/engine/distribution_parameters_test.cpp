// A distribution parameter that names an input is an input like any other for --set, sweep and tornado:
// the cost of the alarms design is C0 + C1 x anomaly_rate (every anomaly pays the same meters), with C0 and
// C1 read from --set anomaly_rate=0 and =1 (no noise: no message, or every message, is an anomaly).
#include <catch2/catch.hpp>

#include <cmath>
#include <string>

#include "engine/run_pipeline.h"
#include "engine/sweep.h"
#include "engine/tornado.h"

using namespace flowcost;

namespace {

const std::string kScenario = std::string(FLOWCOST_TEST_DATA) + "/whatif/params_rate.yaml";

engine::RunSettings settings(std::vector<std::pair<std::string, std::string>> set = {}) {
  engine::RunSettings s;
  s.seed = 17;
  s.draws = 20;
  s.executions = 1000;
  s.threads = 2;
  s.set = std::move(set);
  return s;
}

double alarms_cost(const engine::RunReport& r) {
  for (const auto& d : r.designs)
    if (d.name == "alarms") return d.monthly_cost_usd.mean;
  FAIL("no alarms design");
  return 0;
}

struct Line {
  double c0, c1;
};
Line cost_line() {
  const double c0 = alarms_cost(engine::run_scenario(kScenario, settings({{"anomaly_rate", "0"}}), {}).report);
  const double c1 = alarms_cost(engine::run_scenario(kScenario, settings({{"anomaly_rate", "1"}}), {}).report) - c0;
  return {c0, c1};
}

// The mean cost at rate p over draws x executions messages, within 4 standard errors of C0 + C1 p.
void check_cost_at(double observed, double p, const Line& line, double messages) {
  const double se = line.c1 * std::sqrt(p * (1 - p) / messages);
  INFO("rate " << p << ": observed " << observed << " expected " << line.c0 + line.c1 * p << " 4 SE " << 4 * se);
  CHECK(std::fabs(observed - (line.c0 + line.c1 * p)) <= 4 * se);
}

}  // namespace

TEST_CASE("params engine: --set of the named input changes the cost as theory says") {
  const Line line = cost_line();
  REQUIRE(line.c1 > 0);
  for (double p : {0.02, 0.3}) {
    const auto r = engine::run_scenario(kScenario, settings({{"anomaly_rate", std::to_string(p)}}), {}).report;
    check_cost_at(alarms_cost(r), p, line, 20.0 * 1000);
  }
  // The hierarchical model: anomaly_rate ~ U[0.01, 0.05] per draw, mean cost C0 + C1 E[rate]; the draws'
  // spread is Var[rate] + E[rate (1 - rate)] / executions.
  const auto r = engine::run_scenario(kScenario, settings(), {}).report;
  const double var_f = 0.04 * 0.04 / 12 + (0.03 - (0.05 * 0.05 * 0.05 - 0.01 * 0.01 * 0.01) / (3 * 0.04)) / 1000;
  const double se = line.c1 * std::sqrt(var_f / 20);
  INFO("observed " << alarms_cost(r) << " expected " << line.c0 + line.c1 * 0.03 << " 4 SE " << 4 * se);
  CHECK(std::fabs(alarms_cost(r) - (line.c0 + line.c1 * 0.03)) <= 4 * se);
}

TEST_CASE("params engine: --vary of the named input sweeps the rate") {
  const Line line = cost_line();
  const auto sweep = engine::run_sweep(kScenario, settings(), {"anomaly_rate", 0.01, 0.05, sim::GridScale::linear, 3}).report;
  REQUIRE(sweep.points.size() == 3);
  for (const auto& point : sweep.points) {
    REQUIRE(point.designs.size() == 2);
    check_cost_at(point.designs[1].mean_usd, point.value, line, 20.0 * 1000);
  }
  CHECK(sweep.points[0].designs[1].mean_usd < sweep.points[2].designs[1].mean_usd);
}

TEST_CASE("params engine: tornado ranks the input that a distribution parameter names") {
  const Line line = cost_line();
  const auto tornado = engine::run_tornado(kScenario, settings()).report;
  REQUIRE(tornado.inputs.size() == 2);
  const auto& rate = tornado.inputs[0];
  REQUIRE(rate.name == "anomaly_rate");
  CHECK(std::fabs(rate.p05 - 0.012) < 0.0005);  // the 5th and 95th percentiles of U[0.01, 0.05]
  CHECK(std::fabs(rate.p95 - 0.048) < 0.0005);
  check_cost_at(rate.designs.at(1).low_usd, rate.p05, line, 20.0 * 1000);
  check_cost_at(rate.designs.at(1).high_usd, rate.p95, line, 20.0 * 1000);
  REQUIRE(tornado.pairs.size() == 1);
  REQUIRE(tornado.pairs[0].bars.size() == 2);
  CHECK(tornado.pairs[0].bars[0].input == "anomaly_rate");
  CHECK(tornado.pairs[0].bars[0].swing_usd > 0);
  CHECK(tornado.pairs[0].bars[1].input == "mean_gap");
  CHECK(tornado.pairs[0].bars[1].swing_usd == 0);
}
