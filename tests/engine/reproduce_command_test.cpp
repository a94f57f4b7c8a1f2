#include <catch2/catch.hpp>

#include <filesystem>

#include "engine/report_paths.h"
#include "engine/reproduce_command.h"

using namespace flowcost;

TEST_CASE("reproduce command: effective settings in a fixed order, words quoted for a POSIX shell") {
  engine::ReproduceSettings s;
  s.scenario_path = "scenarios/iot telemetry.yaml";
  s.seed = 7;
  s.draws = 200;
  s.executions = 100000;
  CHECK(engine::reproduce_command(s) ==
        "flowcost run 'scenarios/iot telemetry.yaml' --seed 7 --draws 200 --executions 100000");
  s.scenario_path = "scenarios/iot-telemetry.yaml";
  s.rel_error = 0.01;
  s.max_draws = 5000;
  s.prices = "aws-eu-west-1";
  s.free_tier = true;
  s.set = {{"devices", "2000"}, {"size", "{uniform: [1, 2]}"}, {"name", "it's"}};
  s.fail_above = {{"iot-rules", 1500.5}};
  CHECK(engine::reproduce_command(s) ==
        "flowcost run scenarios/iot-telemetry.yaml --seed 7 --draws 200 --executions 100000 --rel-error 0.01 "
        "--max-draws 5000 --prices aws-eu-west-1 --free-tier --set devices=2000 --set 'size={uniform: [1, 2]}' "
        "--set 'name=it'\\''s' --fail-above iot-rules=1500.5");
  CHECK(engine::shell_word("") == "''");
}

TEST_CASE("report paths are relative to the scenario's folder; a shipped table is shipped:NAME.yaml") {
  CHECK(engine::path_from_scenario("a/b/s.yaml", "a/b/s.yaml") == "s.yaml");
  CHECK(engine::path_from_scenario("a/b/defs/x.asl.json", "a/b/s.yaml") == "defs/x.asl.json");
  CHECK(engine::path_from_scenario("a/shared/x.csv", "./a/b/s.yaml") == "../shared/x.csv");
  CHECK(engine::path_from_scenario("s.yaml", "s.yaml") == "s.yaml");
  const std::string shipped = std::string(FLOWCOST_SOURCE_DIR) + "/pricing/tables/aws-us-east-1.yaml";
  model::InputFiles files{{"a/b/s.yaml", "11"}, {shipped, "22"}};
  model::InputFiles out = engine::files_from_scenario(files, "a/b/s.yaml");
  CHECK(out == model::InputFiles{{"s.yaml", "11"}, {"shipped:aws-us-east-1.yaml", "22"}});
}
