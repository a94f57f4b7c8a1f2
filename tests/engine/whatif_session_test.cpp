// sweep and tornado read and compile the scenario once, and each of their runs equals `run --set` with the
// same values at the same seed, exactly.
#include <catch2/catch.hpp>

#include <map>
#include <string>

#include "engine/run_pipeline.h"
#include "engine/sweep.h"
#include "engine/tornado.h"
#include "model/errors.h"
#include "model/number_format.h"
#include "model/units.h"

using namespace flowcost;

namespace {

std::string test_data(const std::string& name) { return std::string(FLOWCOST_TEST_DATA) + "/" + name; }
std::string shipped(const std::string& name) { return std::string(FLOWCOST_SOURCE_DIR) + "/scenarios/" + name; }

engine::RunSettings small_run(std::uint64_t draws, std::uint64_t executions) {
  engine::RunSettings s;
  s.seed = 11;
  s.draws = draws;
  s.executions = executions;
  s.threads = 2;
  return s;
}

// The old way: the scenario read again with NAME=VALUE overrides after the user's own.
engine::RunReport run_with_set(const std::string& path, engine::RunSettings settings, const engine::FixedInputs& fixed) {
  for (const auto& [name, value] : fixed) settings.set.emplace_back(name, model::format_shortest(value));
  return engine::run_scenario(path, settings, {}).report;
}

void check_same_summary(const engine::DrawSummary& a, const engine::DrawSummary& b) {
  CHECK(a.mean == b.mean);
  CHECK(a.std_error == b.std_error);
  CHECK(a.p05 == b.p05);
  CHECK(a.p50 == b.p50);
  CHECK(a.p95 == b.p95);
  CHECK(a.draw_std_error == b.draw_std_error);
}

// Every number of the two reports is the same double (the wall time aside).
void check_same_report(const engine::RunReport& a, const engine::RunReport& b) {
  CHECK(a.seed == b.seed);
  CHECK(a.draws == b.draws);
  CHECK(a.executions_per_draw == b.executions_per_draw);
  CHECK(a.input_files == b.input_files);
  CHECK(a.warnings == b.warnings);
  CHECK(a.relative_error == b.relative_error);
  CHECK(a.performance.simulated_executions == b.performance.simulated_executions);
  CHECK(a.performance.simulated_transitions == b.performance.simulated_transitions);
  REQUIRE(a.designs.size() == b.designs.size());
  for (std::size_t i = 0; i < a.designs.size(); ++i) {
    const auto& x = a.designs[i];
    const auto& y = b.designs[i];
    INFO("design " << x.name);
    CHECK(x.name == y.name);
    check_same_summary(x.monthly_cost_usd, y.monthly_cost_usd);
    CHECK(x.per_execution_cost_usd_mean == y.per_execution_cost_usd_mean);
    CHECK(x.events_per_month_mean == y.events_per_month_mean);
    REQUIRE(x.meters.size() == y.meters.size());
    for (const auto& [meter, m] : x.meters) {
      INFO("meter " << meter);
      REQUIRE(y.meters.count(meter) == 1);
      CHECK(m.monthly_mean == y.meters.at(meter).monthly_mean);
      CHECK(m.per_execution_mean == y.meters.at(meter).per_execution_mean);
    }
    REQUIRE(x.lines.size() == y.lines.size());
    for (std::size_t l = 0; l < x.lines.size(); ++l) {
      CHECK(x.lines[l].line == y.lines[l].line);
      CHECK(x.lines[l].quantity_mean == y.lines[l].quantity_mean);
      CHECK(x.lines[l].cost_usd_mean == y.lines[l].cost_usd_mean);
      CHECK(x.lines[l].cost_usd_p05 == y.lines[l].cost_usd_p05);
      CHECK(x.lines[l].cost_usd_p95 == y.lines[l].cost_usd_p95);
    }
    CHECK(x.latency.mean_ms == y.latency.mean_ms);
    CHECK(x.latency.p50_ms == y.latency.p50_ms);
    CHECK(x.latency.p90_ms == y.latency.p90_ms);
    CHECK(x.latency.p95_ms == y.latency.p95_ms);
    CHECK(x.latency.p99_ms == y.latency.p99_ms);
    CHECK(x.outcomes.succeeded == y.outcomes.succeeded);
    CHECK(x.outcomes.failed == y.outcomes.failed);
    CHECK(x.outcomes.lost == y.outcomes.lost);
    CHECK(x.outcomes.failed_by_error == y.outcomes.failed_by_error);
    CHECK(x.executions == y.executions);
  }
  REQUIRE(a.comparisons.size() == b.comparisons.size());
  for (std::size_t i = 0; i < a.comparisons.size(); ++i) {
    CHECK(a.comparisons[i].saving_usd.mean == b.comparisons[i].saving_usd.mean);
    CHECK(a.comparisons[i].saving_usd.ci95_low == b.comparisons[i].saving_usd.ci95_low);
    CHECK(a.comparisons[i].p_candidate_cheaper == b.comparisons[i].p_candidate_cheaper);
    CHECK(a.comparisons[i].latency_p95_delta_ms == b.comparisons[i].latency_p95_delta_ms);
  }
}

// Each run of one session, in turn, against the scenario read again with --set.
void check_session_runs(const std::string& path, const engine::RunSettings& settings, const std::string& name,
                        const std::vector<double>& values) {
  engine::ScenarioSession session(path, settings);
  session.fix_inputs({{name, values.front()}});
  for (double value : values) {
    INFO(name << " = " << value);
    check_same_report(session.run(settings, {{name, value}}).report, run_with_set(path, settings, {{name, value}}));
  }
}

struct Counts {
  int scenarios = 0;
  int tables = 0;
  int compiles = 0;
};

// The default loaders, counting their calls.
engine::ScenarioLoaders counting(Counts& counts) {
  engine::ScenarioLoaders base = engine::default_loaders();
  engine::ScenarioLoaders out;
  out.load_scenario = [base, &counts](const std::string& path,
                                      const std::vector<std::pair<std::string, std::string>>& overrides,
                                      model::Diagnostics& diags) {
    ++counts.scenarios;
    return base.load_scenario(path, overrides, diags);
  };
  out.load_table = [base, &counts](const model::Scenario& scenario, const std::optional<std::string>& prices) {
    ++counts.tables;
    return base.load_table(scenario, prices);
  };
  out.compile_designs = [base, &counts](const model::Scenario& scenario, const model::MeteringRules& metering,
                                        model::Diagnostics& diags) {
    ++counts.compiles;
    return base.compile_designs(scenario, metering, diags);
  };
  return out;
}

}  // namespace

TEST_CASE("session: an input fixed per run gives what run --set gives, exactly (later runs too)") {
  check_session_runs(test_data("whatif/breakeven.yaml"), small_run(3, 20), "messages", {10000, 57500, 200000, 123456.789});
  check_session_runs(shipped("iot-telemetry.yaml"), small_run(4, 400), "devices", {2000, 9000.5, 30000});
}

TEST_CASE("session: a per-event workload item fixed per run gives what run --set gives (Step Functions and IoT)") {
  // payload_bytes is a lognormal per event in the scenario; fixed, it is one number per draw.
  check_session_runs(shipped("iot-telemetry.yaml"), small_run(4, 400), "payload_bytes", {200, 3000, 70000});
}

TEST_CASE("session: events_per_month fixed per run gives what run --set gives") {
  check_session_runs(shipped("media-transcode.yaml"), small_run(4, 300), "events_per_month", {1000, 45000.25, 200000});
}

TEST_CASE("session: every sweep point and every tornado bar equals its run --set, exactly") {
  const std::string path = test_data("whatif/breakeven.yaml");
  const engine::RunSettings settings = small_run(3, 20);
  engine::VarySpec vary{"messages", 10000, 200000, sim::GridScale::linear, 5};
  const auto sweep = engine::run_sweep(path, settings, vary).report;
  REQUIRE(sweep.points.size() == 5);
  for (const auto& point : sweep.points) {
    INFO("messages = " << point.value);
    const engine::RunReport direct = run_with_set(path, settings, {{"messages", point.value}});
    REQUIRE(point.designs.size() == direct.designs.size());
    for (std::size_t d = 0; d < direct.designs.size(); ++d) {
      CHECK(point.designs[d].mean_usd == direct.designs[d].monthly_cost_usd.mean);
      CHECK(point.designs[d].p05_usd == direct.designs[d].monthly_cost_usd.p05);
      CHECK(point.designs[d].p95_usd == direct.designs[d].monthly_cost_usd.p95);
    }
    CHECK(point.comparisons.at(0).saving_usd_mean == direct.comparisons.at(0).saving_usd.mean);
  }

  const std::string iot = shipped("iot-telemetry.yaml");
  const engine::RunSettings tornado_settings = small_run(3, 300);
  const auto tornado = engine::run_tornado(iot, tornado_settings).report;
  engine::FixedInputs medians;
  for (const auto& in : tornado.inputs) medians.emplace_back(in.name, in.p50);
  REQUIRE(tornado.inputs.size() >= 2);
  const auto& devices = tornado.inputs.front();
  REQUIRE(devices.name == "devices");
  engine::FixedInputs high = medians;
  high.emplace_back("devices", devices.p95);
  const engine::RunReport direct_high = run_with_set(iot, tornado_settings, high);
  const engine::RunReport direct_base = run_with_set(iot, tornado_settings, medians);
  for (std::size_t d = 0; d < direct_high.designs.size(); ++d) {
    CHECK(devices.designs.at(d).high_usd == direct_high.designs[d].monthly_cost_usd.mean);
    CHECK(tornado.base.at(d).mean_usd == direct_base.designs[d].monthly_cost_usd.mean);
  }
}

TEST_CASE("session: a whole sweep (grid and break-even bisection) reads the scenario, table and designs once") {
  Counts counts;
  engine::VarySpec vary{"messages", 10000, 200000, sim::GridScale::linear, 5};
  const auto sweep = engine::run_sweep(test_data("whatif/breakeven.yaml"), small_run(3, 20), vary, counting(counts)).report;
  REQUIRE(sweep.break_even.size() == 1);
  CHECK(sweep.break_even[0].extra_runs > 0);  // bisection runs happened, on the same session
  CHECK(counts.scenarios == 1);
  CHECK(counts.tables == 1);
  CHECK(counts.compiles == 1);
}

TEST_CASE("session: a whole tornado reads the scenario, table and designs once") {
  Counts counts;
  const auto tornado = engine::run_tornado(shipped("iot-telemetry.yaml"), small_run(2, 200), counting(counts)).report;
  CHECK(tornado.inputs.size() == 4);  // 1 + 2 x 4 runs
  CHECK(counts.scenarios == 1);
  CHECK(counts.tables == 1);
  CHECK(counts.compiles == 1);
}

TEST_CASE("session: a run must fix exactly the inputs the session fixed") {
  engine::ScenarioSession session(test_data("whatif/breakeven.yaml"), small_run(2, 10));
  session.fix_inputs({{"messages", 1000}});
  CHECK_THROWS_AS(session.run(small_run(2, 10), {{"devices", 1000}}), model::InternalError);
  CHECK_THROWS_AS(session.run(small_run(2, 10), {}), model::InternalError);
  CHECK_THROWS_AS(session.fix_inputs({{"messages", 2000}}), model::InternalError);
}
