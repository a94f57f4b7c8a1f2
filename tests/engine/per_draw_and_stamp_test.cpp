// The run report's per-draw costs (DesignReport/LineReport::draw_cost_usd, ComparisonReport::draw_saving_usd),
// its overrides and the command that reproduces it (engine/reproduce_command.h).
#include <catch2/catch.hpp>

#include <numeric>
#include <string>

#include "engine/run_pipeline.h"
#include "engine/review.h"
#include "model/scenario/scenario.h"
#include "sim/statistics.h"

using namespace flowcost;

namespace {

std::string tiny() { return std::string(FLOWCOST_TEST_DATA) + "/run/tiny.yaml"; }

engine::RunSettings tiny_settings() {
  engine::RunSettings s;
  s.draws = 7;
  s.executions = 300;
  s.threads = 2;
  s.set = {{"devices", "{uniform: [900, 1300]}"}};
  return s;
}

}  // namespace

TEST_CASE("run report: the monthly cost of every draw, per design, per line and per comparison") {
  const engine::RunReport r = engine::run_scenario(tiny(), tiny_settings(), {}).report;
  REQUIRE(r.designs.size() == 2);
  for (const auto& d : r.designs) {
    INFO(d.name);
    REQUIRE(d.draw_cost_usd.size() == 7);
    const sim::Summary s = sim::summarize(d.draw_cost_usd);
    CHECK(s.mean == d.monthly_cost_usd.mean);
    CHECK(s.p05 == d.monthly_cost_usd.p05);
    CHECK(s.p95 == d.monthly_cost_usd.p95);
    for (std::size_t i = 0; i < 7; ++i) {
      double lines = 0;
      for (const auto& l : d.lines) {
        REQUIRE(l.draw_cost_usd.size() == 7);
        lines += l.draw_cost_usd[i];
      }
      CHECK(lines == Approx(d.draw_cost_usd[i]).epsilon(1e-12));
    }
    for (const auto& l : d.lines) CHECK(sim::summarize(l.draw_cost_usd).mean == l.cost_usd_mean);
  }
  REQUIRE(r.comparisons.size() == 1);
  const auto& c = r.comparisons[0];
  REQUIRE(c.draw_saving_usd.size() == 7);
  for (std::size_t i = 0; i < 7; ++i) CHECK(c.draw_saving_usd[i] == r.designs[0].draw_cost_usd[i] - r.designs[1].draw_cost_usd[i]);
  CHECK(sim::summarize(c.draw_saving_usd).mean == Approx(c.saving_usd.mean).epsilon(1e-12));
}

TEST_CASE("run report: the overrides as given and the command that reproduces the run") {
  engine::RunSettings settings = tiny_settings();
  settings.set.emplace_back("payload_bytes", "1KB");
  settings.prices = "aws-us-east-1";
  settings.free_tier = true;
  const engine::RunReport r = engine::run_scenario(tiny(), settings, {}).report;
  CHECK(r.overrides == std::vector<std::pair<std::string, std::string>>{{"devices", "{uniform: [900, 1300]}"},
                                                                          {"payload_bytes", "1KB"}});
  CHECK(r.reproduce_command == "flowcost run " + tiny() +
                                   " --seed 5 --draws 7 --executions 300 --prices aws-us-east-1 --free-tier --set "
                                   "'devices={uniform: [900, 1300]}' --set payload_bytes=1KB");
  // Running what it says gives the same numbers.
  engine::RunSettings again;
  again.seed = 5;
  again.draws = 7;
  again.executions = 300;
  again.prices = "aws-us-east-1";
  again.free_tier = true;
  again.set = r.overrides;
  const engine::RunReport twin = engine::run_scenario(tiny(), again, {}).report;
  CHECK(twin.designs[0].draw_cost_usd == r.designs[0].draw_cost_usd);
  CHECK(twin.reproduce_command == r.reproduce_command);
}

TEST_CASE("review: the command that reproduces the page names every option given that changes a number") {
  engine::RunSettings settings = tiny_settings();
  settings.rel_error = 0.5;
  settings.max_draws = 14;
  settings.threads = 1;  // never in the command: it changes no number
  const engine::VarySpec vary{"devices", 900, 1300, sim::GridScale::linear, 3};
  const engine::ReviewRun review = engine::run_review(tiny(), settings, vary, "devices=900..1300:3");
  CHECK(review.report.command == "flowcost report " + tiny() +
                                     " --seed 5 --draws 7 --executions 300 --rel-error 0.5 --max-draws 14 --set "
                                     "'devices={uniform: [900, 1300]}' --vary devices=900..1300:3");
  REQUIRE(review.report.sweep);
  CHECK(review.report.sweep->points.size() == 3);
}

TEST_CASE("review: the inputs as written with their comments, the tornado, the command") {
  engine::RunSettings settings = tiny_settings();
  const engine::ReviewRun review = engine::run_review(tiny(), settings, std::nullopt, "");
  const auto& inputs = review.report.inputs;
  REQUIRE(inputs.size() == 3);
  CHECK(inputs[0].name == "devices");
  CHECK(inputs[0].section == "inputs");
  CHECK(inputs[0].kind == "distribution");
  CHECK(inputs[0].written == "{uniform: [900, 1300]}");
  CHECK(inputs[0].set_on_command_line);
  CHECK(inputs[0].location == "");
  CHECK(inputs[1].name == "events_per_month");
  CHECK(inputs[1].written == "devices * 1000");
  CHECK(inputs[1].kind == "expression");
  CHECK(inputs[1].location == tiny() + ":9:21");
  CHECK(inputs[2].name == "payload_bytes");
  CHECK(inputs[2].written == "{uniform: [500B, 1500B]}");
  CHECK(review.report.tornado.inputs.size() == 1);
  CHECK(review.report.tornado.pairs.size() == 1);
  CHECK_FALSE(review.report.sweep);
  CHECK(review.report.command == "flowcost report " + tiny() +
                                     " --seed 5 --draws 7 --executions 300 --set 'devices={uniform: [900, 1300]}'");
  CHECK(review.report.run.designs[0].draw_cost_usd ==
        engine::run_scenario(tiny(), settings, {}).report.designs[0].draw_cost_usd);
}

TEST_CASE("review: every input as written with the comment above or beside its key; --set marked") {
  const std::string path = std::string(FLOWCOST_TEST_DATA) + "/scenario/commented.yaml";
  model::Diagnostics d;
  engine::RunSettings settings;
  settings.set = {{"rate", "0.5"}, {"rate", "0.03"}};
  const model::Scenario s = model::load_scenario(path, settings.set, d);
  REQUIRE_FALSE(d.has_errors());
  const auto inputs = engine::input_reports(s, settings);
  REQUIRE(inputs.size() == 5);
  CHECK(inputs[0].name == "devices");
  CHECK(inputs[0].written == "{triangular: [5000, 10000, 15000]}");
  CHECK(inputs[0].comment ==
        "Fleet size: the 10,000 devices of the sizing sheet, +-50% [I]. Second line of the same comment. per month");
  CHECK(inputs[0].location == path + ":7:3");
  CHECK_FALSE(inputs[0].set_on_command_line);
  CHECK(inputs[1].name == "rate");
  CHECK(inputs[1].written == "0.03");  // the last --set of the name
  CHECK(inputs[1].set_on_command_line);
  CHECK(inputs[1].location == "");
  CHECK(inputs[2].written == "0.5");
  CHECK(inputs[2].comment == "the real comment");
  CHECK(inputs[3].written == "lognormal: median: 35ms p95: 120ms");
  CHECK(inputs[3].comment == "");
  CHECK(inputs[4].name == "events_per_month");
  CHECK(inputs[4].section == "workload");
  CHECK(inputs[4].written == "devices * 43200");
  CHECK(inputs[4].comment == "one event per device per minute");
}
