#include <catch2/catch.hpp>

#include <string>
#include <utility>
#include <vector>

#include "engine/run_diff.h"
#include "engine/run_report_json_reader.h"
#include "model/diagnostic_text.h"
#include "model/errors.h"

using namespace flowcost;

namespace {

std::string diff_data(const std::string& name) { return std::string(FLOWCOST_TEST_DATA) + "/diff/" + name; }

// The whole message of the InputError that `read` throws: "FILE:LINE:COL: message".
template <typename F>
std::string error_of(F read) {
  try {
    read();
  } catch (const model::InputError& e) {
    REQUIRE(e.diagnostics().size() == 1);
    return model::diagnostic_text(e.diagnostics().front());
  }
  return "no error";
}

}  // namespace

TEST_CASE("diff: the change in mean with a 95% interval from both standard errors") {
  // 1100 - 1000 = 100; half-width 1.96 x sqrt(3^2 + 4^2) = 1.96 x 5 = 9.8.
  engine::MeanChange c = engine::mean_change(1000, 3, 1100, 4);
  CHECK(c.base_usd == 1000);
  CHECK(c.head_usd == 1100);
  CHECK(c.delta_usd == 100);
  CHECK(c.ci95_low_usd == Approx(90.2).epsilon(1e-12));
  CHECK(c.ci95_high_usd == Approx(109.8).epsilon(1e-12));
  CHECK(c.significant);
  // 0.1 up with standard errors 3 and 4: inside the noise.
  engine::MeanChange small = engine::mean_change(1000, 3, 1000.1, 4);
  CHECK(small.ci95_low_usd == Approx(-9.7).epsilon(1e-12));
  CHECK_FALSE(small.significant);
}

TEST_CASE("diff: designs and lines matched by name, added and removed ones, changed inputs and settings") {
  const engine::RunReport base = engine::read_run_report_json(diff_data("base.json"));
  const engine::RunReport head = engine::read_run_report_json(diff_data("head.json"));
  const engine::RunDiff d = engine::diff_runs(base, head);
  CHECK(d.base_scenario == "telemetry");
  CHECK_FALSE(d.same_random_numbers);  // same seed, but the scenario file changed (aa -> ax)
  REQUIRE(d.designs.size() == 3);

  const auto& sfn = d.designs[0];
  CHECK(sfn.name == "step-functions");
  CHECK(sfn.presence == engine::Presence::both);
  CHECK(sfn.monthly_cost.delta_usd == 100);
  CHECK(sfn.monthly_cost.ci95_low_usd == Approx(90.2).epsilon(1e-12));
  REQUIRE(sfn.lines.size() == 3);
  CHECK(sfn.lines[0].meter == "sfn.standard.transitions");
  CHECK(sfn.lines[0].cost.delta_usd == 50);  // 900 -> 950, half-width 1.96 x 5
  CHECK(sfn.lines[0].cost.ci95_high_usd == Approx(59.8).epsilon(1e-12));
  CHECK(sfn.lines[1].cost.delta_usd == 0);  // requests 100 -> 100, no noise
  CHECK(sfn.lines[1].cost.ci95_low_usd == 0);
  CHECK_FALSE(sfn.lines[1].cost.significant);
  CHECK(sfn.lines[2].meter == "lambda.gb_seconds.arm64");
  CHECK(sfn.lines[2].presence == engine::Presence::added);
  CHECK(sfn.lines[2].cost.ci95_low_usd == Approx(49.02).epsilon(1e-12));  // 50 -+ 1.96 x 0.5

  const auto& iot = d.designs[1];
  CHECK(iot.name == "iot-rules");
  CHECK(iot.presence == engine::Presence::removed);
  CHECK(iot.monthly_cost.delta_usd == -500);
  CHECK(iot.monthly_cost.ci95_low_usd == Approx(-503.92).epsilon(1e-12));  // 1.96 x 2 = 3.92

  const auto& eb = d.designs[2];
  CHECK(eb.name == "eventbridge");
  CHECK(eb.presence == engine::Presence::added);
  CHECK(eb.monthly_cost.ci95_high_usd == Approx(302.94).epsilon(1e-12));  // 1.96 x 1.5 = 2.94

  REQUIRE(d.inputs.size() == 2);
  CHECK(d.inputs[0].name == "data/sizes.csv");
  CHECK_FALSE(d.inputs[0].base);
  CHECK(*d.inputs[0].head == "dd");
  CHECK(d.inputs[1].name == "s.yaml");
  CHECK(*d.inputs[1].base == "aa");
  CHECK(*d.inputs[1].head == "ax");

  REQUIRE(d.settings.size() == 2);
  CHECK(d.settings[0].name == "draws");
  CHECK(*d.settings[0].base == "200");
  CHECK(*d.settings[0].head == "400");
  CHECK(d.settings[1].name == "step-functions: lambda.init_billed");
  CHECK(*d.settings[1].base == "true");
  CHECK(*d.settings[1].head == "false");

  REQUIRE(d.overrides.size() == 2);  // the last value of each name
  CHECK(d.overrides[0].name == "devices");
  CHECK(*d.overrides[0].head == "3000");
  CHECK(d.overrides[1].name == "payload_kb");
  CHECK_FALSE(d.overrides[1].base);
  CHECK(d.prices.empty());
}

TEST_CASE("diff: the same seed and scenario file share random numbers (the interval is conservative)") {
  const engine::RunReport base = engine::read_run_report_json(diff_data("base.json"));
  engine::RunReport head = base;
  head.designs[0].monthly_cost_usd.mean = 1010;
  const engine::RunDiff d = engine::diff_runs(base, head);
  CHECK(d.same_random_numbers);
  CHECK(d.designs[0].monthly_cost.delta_usd == 10);
  CHECK(d.inputs.empty());
  CHECK(d.settings.empty());
  head.seed = 8;
  CHECK_FALSE(engine::diff_runs(base, head).same_random_numbers);
}

TEST_CASE("diff: a file that is not a run report is a positioned error") {
  const std::string bad = diff_data("bad_syntax.json");
  CHECK(error_of([&] { engine::read_run_report_json(bad); }).rfind(bad + ":3:19: invalid JSON", 0) == 0);
  const std::string sweep = diff_data("sweep.json");
  CHECK(error_of([&] { engine::read_run_report_json(sweep); }) ==
        sweep + ":1:1: not a `flowcost run --format json` report: missing \"designs\"");
  // A cost of the wrong type; null or negative, which a run report never writes (such a file was edited, and
  // diff would print nan).
  for (const auto& [name, got] : std::vector<std::pair<std::string, std::string>>{
           {"wrong_type.json", "string"}, {"null_number.json", "null"}, {"negative_number.json", "-5"}}) {
    const std::string file = diff_data(name);
    CHECK(error_of([&] { engine::read_run_report_json(file); }) ==
          file + ":37:36: mean must be a number from 0 to 1e+15, got " + got);
  }
}
