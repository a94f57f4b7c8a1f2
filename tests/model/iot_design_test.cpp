// Loading `kind: iot_rules` designs: the parsed shape, and every problem reported with its position.
#include <catch2/catch.hpp>

#include "model/scenario/iot_rules_design.h"
#include "model/scenario/scenario.h"

using namespace flowcost::model;

namespace {

Scenario load(const std::string& file) {
  Diagnostics d;
  Scenario s = load_scenario(std::string(FLOWCOST_TEST_DATA) + "/iot/" + file, {}, d);
  REQUIRE_FALSE(d.has_errors());
  return s;
}

// The problems load_scenario reported for one design of the file (kept with the design).
std::vector<std::string> problems(const std::string& file, const std::string& design) {
  Diagnostics all;
  Scenario s = load_scenario(std::string(FLOWCOST_TEST_DATA) + "/iot/" + file, {}, all);
  Diagnostics d;
  for (const auto& e : s.designs)
    if (e.name == design)
      for (const auto& item : e.diagnostics) d.add(item);
  d.sort();
  std::vector<std::string> out;
  for (const auto& item : d.items()) {
    std::string h = diagnostic_headline(item);
    out.push_back(h.substr(h.find(file)));
  }
  return out;
}

const IotRulesDesign& design_of(const Scenario& s, const std::string& name) {
  for (const auto& e : s.designs)
    if (e.name == name) return std::get<IotRulesDesign>(e.design);
  FAIL("no design " << name);
  throw 0;
}

}  // namespace

TEST_CASE("iot design: a well-formed design is read in full") {
  Scenario s = load("closed_form.yaml");
  const IotRulesDesign& units = design_of(s, "units");
  CHECK(units.ingest == IotIngest::broker);
  CHECK(units.topic_bytes.number == 300.0);
  CHECK(units.payload_bytes.kind == ValueSpec::Kind::expression);
  REQUIRE(units.connection);
  REQUIRE(units.rules.size() == 1);
  const auto& actions = units.rules[0].actions;
  REQUIRE(actions.size() == 10);
  CHECK(actions[0].kind == IotActionKind::dynamodb);
  CHECK(actions[0].label == "all/dynamodb");
  CHECK(actions[5].kind == IotActionKind::kinesis);
  CHECK(actions[5].size_bytes->number == 30 * 1024.0);
  CHECK_FALSE(actions[1].size_bytes);  // dynamodbv2 writes the message payload

  const IotRulesDesign& twice = design_of(s, "error-action");
  CHECK(twice.rules[0].actions[0].label == "store/s3");
  CHECK(twice.rules[0].actions[2].label == "store/s3#2");

  const IotRulesDesign& http = design_of(s, "http-tries");
  CHECK(http.rules[0].actions[0].tries == 0);  // not set: the price table's metering.iot.http_tries (3)
  CHECK(http.rules[1].actions[0].tries == 2);
  REQUIRE(http.rules[1].error_action);
  CHECK(http.rules[1].error_action->label == "caught/error_action/sqs");

  const IotRulesDesign& lambda = design_of(s, "lambda-cold");
  const auto& l = lambda.rules[0].actions[0].lambda;
  CHECK(l.memory_mb == 256);
  CHECK_FALSE(l.arm64);
  CHECK(l.max_retries == -1);  // not set: the price table's metering.lambda.async_retries (2)
  CHECK(l.timeout_ms == 900'000.0);
  REQUIRE(l.init);
  CHECK(l.init->number == 300.0);
}

TEST_CASE("iot design: typos and bad values are all reported, with did-you-mean") {
  CHECK(problems("bad_designs.yaml", "typos") == std::vector<std::string>{
      "bad_designs.yaml:13:13: error: unknown ingest \"brokr\"; did you mean \"broker\"?",
      "bad_designs.yaml:14:14: error: unknown name \"paylod_bytes\"; did you mean \"payload_bytes\"? (names are "
      "scenario inputs, workload items or the design's fields)",
      "bad_designs.yaml:18:14: error: rule \"r1\" has both match and sql; give one of them",
      "bad_designs.yaml:19:20: error: unknown action kind \"dynamodbb\"; did you mean \"dynamodb\"?",
      "bad_designs.yaml:21:42: error: unknown field \"temprature\" (fields are scenario inputs, workload items or "
      "the design's fields)",
      "bad_designs.yaml:23:33: error: lambda.memory_mb must be a whole number from 128 to 10240, not 64",
      "bad_designs.yaml:23:59: error: unknown lambda arch \"arm\"; did you mean \"arm64\"?",
      "bad_designs.yaml:24:38: error: unknown step_functions design \"wff\"; did you mean \"wf\"?",
      "bad_designs.yaml:25:39: error: unknown sns field \"colour\"",
      "bad_designs.yaml:26:15: error: duplicate rule name \"r1\" (first defined at line 16)",
      "bad_designs.yaml:27:16: error: probability 1.5 is outside [0, 1]",
  });
}

TEST_CASE("iot design: a bad lambda duration is reported once, at its value") {
  // A Lambda action's duration is its invocations' (lambda.duration); it is read once, not also as the
  // generic action duration.
  CHECK(problems("bad_designs.yaml", "lambda_duration") == std::vector<std::string>{
      "bad_designs.yaml:53:69: error: exponential: mean must be greater than 0 (got -3)",
      "bad_designs.yaml:54:48: error: unknown name \"durashun\" (names are "
      "scenario inputs, workload items or the design's fields)",
  });
}

TEST_CASE("iot design: SQL fields, string values and syntax are checked at their column") {
  CHECK(problems("bad_designs.yaml", "sql") == std::vector<std::string>{
      "bad_designs.yaml:36:61: error: unknown value of status \"alarn\"; did you mean \"alarm\"?",
      "bad_designs.yaml:37:60: error: 'high' is a string but level is a number (only a discrete distribution over "
      "strings has string values)",
      "bad_designs.yaml:38:52: error: strings can only be compared with = or <>, not >",
      "bad_designs.yaml:39:65: error: expected a field name, a number or a 'string', found the end of the statement",
      "bad_designs.yaml:40:39: error: expected a topic filter in single quotes after FROM",
  });
}

TEST_CASE("iot design: field names, FROM, and SQL errors at their own line and column in any YAML style") {
  CHECK(problems("bad_designs.yaml", "sql_places") == std::vector<std::string>{
      "bad_designs.yaml:59:7: error: \"my-key\" is not a valid field name; use letters, digits and _ (not starting "
      "with a digit), or such names joined by . for a nested field (state.reported.temperature)",
      // The second line of a folded block, after escaped quotes, after doubled single quotes.
      "bad_designs.yaml:65:17: error: unknown field \"state.reported.levl\"; did you mean \"state.reported.level\"? "
      "(fields are scenario inputs, workload items or the design's fields)",
      "bad_designs.yaml:67:79: error: unknown field \"levl\" (fields are scenario inputs, workload items or the "
      "design's fields)",
      "bad_designs.yaml:68:68: error: unknown field \"levl\" (fields are scenario inputs, workload items or the "
      "design's fields)",
      "bad_designs.yaml:69:30: error: rule \"no_from\" has no FROM: only Basic Ingest ($aws/rules/no_from) triggers "
      "it; set the design's ingest: basic_ingest, or add FROM 'topic/filter'",
  });
}

TEST_CASE("iot design: connection and fixed quantities are plain numbers; minutes may be a duration") {
  CHECK(problems("bad_designs.yaml", "unit_mistakes") == std::vector<std::string>{
      "bad_designs.yaml:73:27: error: connection.devices is a number of devices, but \"1KB\" is a size",
      "bad_designs.yaml:73:52: error: connection.minutes_per_device is a number of minutes, but \"2GB\" is a size; "
      "write the minutes, or one duration such as 30d",
      "bad_designs.yaml:74:36: error: fixed.iot.shadow_operations is a number in the meter's unit, but \"1KB\" is a "
      "size",
      "bad_designs.yaml:74:51: error: fixed.kms.keys is a number in the meter's unit, but \"2 * 1h\" is a duration",
  });
}

TEST_CASE("iot design: a rule holds at most 10 actions") {
  CHECK(problems("bad_designs.yaml", "eleven_actions") == std::vector<std::string>{
      "bad_designs.yaml:81:41: error: rule \"many\" has 11 actions; an AWS IoT rule holds at most 10"});
}

TEST_CASE("iot design: an action kind with no near name lists the kinds flowcost meters") {
  CHECK(problems("bad_designs.yaml", "other_service") == std::vector<std::string>{
      "bad_designs.yaml:86:41: error: unknown action kind \"timestream\"; flowcost meters dynamodb, dynamodbv2, "
      "lambda, sns, sqs, s3, firehose, kinesis, republish, cloudwatch_logs, cloudwatch_metrics, http, "
      "step_functions (another service's action is not metered: model its call with the closest of these, or "
      "leave it out)"});
}

TEST_CASE("iot design: missing payload, per-message connection and rules without match") {
  CHECK(problems("bad_designs.yaml", "missing") == std::vector<std::string>{
      "bad_designs.yaml:41:5: error: iot_rules design \"missing\" needs payload (bytes per message: a workload "
      "item, a number or a distribution)",
      "bad_designs.yaml:43:27: error: connection.devices must be the same for every event of a draw: "
      "\"payload_bytes\" is a per-event workload distribution",
      "bad_designs.yaml:45:9: error: rule \"x\" needs match (a fraction) or sql",
  });
}
