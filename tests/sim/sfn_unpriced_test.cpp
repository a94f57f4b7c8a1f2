// Which Task calls are listed as not priced (sim/sfn/unpriced.cpp, docs/billing-rules.md "What is not
// priced"): one Task per Resource, compiled through the real factory, so that a meter added to
// compile_task takes its call off the list (and this table must then change with it).
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

#include "model/scenario/scenario.h"
#include "sim/sfn/factory.h"

using namespace flowcost;
namespace fs = std::filesystem;

namespace {

struct Compiled {
  std::vector<model::UnpricedCall> unpriced;
  std::vector<std::string> errors;
};

// A Standard machine with one Task "T" of `resource` and the behaviour `behaviour` (YAML flow mapping, or
// empty for none); `extra_files` are written next to it.
Compiled compile_task(const std::string& resource, const std::string& behaviour,
                      const std::vector<std::pair<std::string, std::string>>& extra_files = {}) {
  const fs::path dir = fs::temp_directory_path() / ("flowcost_unpriced_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::ofstream(dir / "m.asl.json") << R"({"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": ")" << resource
                                    << R"(", "End": true}}})";
  for (const auto& [name, text] : extra_files) std::ofstream(dir / name) << text;
  std::ofstream(dir / "s.yaml") << "scenario: u\nprices: aws-us-east-1\nworkload: {events_per_month: 1000}\n"
                                   "designs:\n  - name: d\n    kind: step_functions\n    definition: m.asl.json\n"
                                << (behaviour.empty() ? "" : "    tasks: {T: " + behaviour + "}\n");
  model::Diagnostics diags;
  model::Scenario scenario = model::load_scenario((dir / "s.yaml").string(), {}, diags);
  Compiled out;
  std::unique_ptr<sim::DesignSimulator> simulator;
  if (!diags.has_errors()) simulator = sim::sfn::make_simulator(scenario, scenario.designs.at(0), {}, diags);
  for (const auto& d : diags.items())
    if (d.severity == model::Severity::error) out.errors.push_back(model::diagnostic_headline(d));
  if (simulator) out.unpriced = simulator->unpriced();
  fs::remove_all(dir);
  return out;
}

}  // namespace

TEST_CASE("unpriced: every call flowcost meters is off the list") {
  struct Case {
    const char* resource;
    const char* behaviour;
  };
  const Case priced[] = {
      {"arn:aws:lambda:us-east-1:123456789012:function:f", "{duration: 5ms}"},
      {"arn:aws:states:::lambda:invoke", "{duration: 5ms}"},
      {"arn:aws:states:::dynamodb:putItem", ""},
      {"arn:aws:states:::dynamodb:getItem", ""},
      {"arn:aws:states:::aws-sdk:dynamodb:query", ""},
      {"arn:aws:states:::sqs:sendMessage", ""},
      {"arn:aws:states:::sns:publish", ""},
      {"arn:aws:states:::aws-sdk:s3:putObject", ""},
      {"arn:aws:states:::aws-sdk:s3:getObject", ""},
      {"arn:aws:states:::aws-sdk:rekognition:detectLabels", ""},
      {"arn:aws:states:::batch:submitJob.sync", "{duration: 2min}"},
      {"arn:aws:states:::ecs:runTask", "{fargate: {vcpu: 1, memory_gb: 2}, duration: 2min}"},
      {"${StoreFunction}", "{lambda: {memory_mb: 256}, duration: 5ms}"},
      {"${StoreTable}", "{dynamodb: {write_bytes: 1KB}}"},
  };
  for (const auto& c : priced) {
    INFO(c.resource);
    Compiled r = compile_task(c.resource, c.behaviour);
    REQUIRE(r.errors.empty());
    CHECK(r.unpriced.empty());
  }
}

TEST_CASE("unpriced: calls without a meter are listed with service, action and reason") {
  using U = model::UnpricedCall;
  CHECK(compile_task("arn:aws:states:::http:invoke", "{duration: 50ms}").unpriced ==
        std::vector<U>{{"T", "http", "invoke",
                        "an HTTP Task: the endpoint's charges and the EventBridge connection are not metered"}});
  CHECK(compile_task("arn:aws:states:us-east-1:123456789012:activity:approve", "").unpriced ==
        std::vector<U>{{"T", "states", "activity", "an activity: its worker runs outside Step Functions and is not metered"}});
  CHECK(compile_task("arn:aws:states:::glue:startJobRun.sync", "{duration: 5min}").unpriced ==
        std::vector<U>{{"T", "glue", "startJobRun", "flowcost has no metering rule for glue:startJobRun"}});
  CHECK(compile_task("arn:aws:states:::aws-sdk:sqs:deleteMessage", "").unpriced ==
        std::vector<U>{{"T", "sqs", "deleteMessage", "flowcost has no metering rule for sqs:deleteMessage"}});
  CHECK(compile_task("arn:aws:states:::ecs:runTask", "").unpriced ==
        std::vector<U>{{"T", "ecs", "runTask",
                        "the job started by ecs:runTask runs after the call returns (no .sync) and is not metered; "
                        "give the Task fargate: {vcpu, memory_gb}"}});
  const std::string placeholder_reason =
      "the Resource \"${Notify}\" names no service flowcost meters and the Task's behaviour gives no billed call "
      "(lambda:, dynamodb:, sqs:, sns:, s3:, rekognition:, firehose:, kinesis:, eventbridge:, fargate: or execution:)";
  CHECK(compile_task("${Notify}", "").unpriced == std::vector<U>{{"T", "", "", placeholder_reason}});
  CHECK(compile_task("${Notify}", "{duration: 5ms}").unpriced == std::vector<U>{{"T", "", "", placeholder_reason}});
}

TEST_CASE("unpriced: a behaviour's own call does not price the Resource's call") {
  // The HTTP call is still unpriced although the Task also writes to DynamoDB (which is metered).
  Compiled r = compile_task("arn:aws:states:::http:invoke", "{dynamodb: {write_bytes: 1KB}}");
  REQUIRE(r.unpriced.size() == 1);
  CHECK(r.unpriced[0].service == "http");
}

TEST_CASE("unpriced: a Task of a started machine is named Parent/Child") {
  Compiled r = compile_task("arn:aws:states:::states:startExecution.sync:2",
                            "{execution: {definition: child.asl.json}}",
                            {{"child.asl.json", R"({"StartAt": "Call", "States": {"Call": {"Type": "Task", )"
                                                R"("Resource": "arn:aws:states:::http:invoke", "End": true}}})"}});
  REQUIRE(r.errors.empty());
  REQUIRE(r.unpriced.size() == 1);
  CHECK(r.unpriced[0].state == "T/Call");
  CHECK(r.unpriced[0].service == "http");
}

TEST_CASE("unpriced: Firehose, EventBridge and Kinesis puts are metered; CloudWatch Logs and their other calls are listed") {
  for (const char* resource : {"arn:aws:states:::aws-sdk:firehose:putRecord", "arn:aws:states:::aws-sdk:firehose:putRecordBatch",
                               "arn:aws:states:::events:putEvents", "arn:aws:states:::aws-sdk:kinesis:putRecord",
                               "arn:aws:states:::aws-sdk:kinesis:putRecords"}) {
    INFO(resource);
    Compiled r = compile_task(resource, "");
    REQUIRE(r.errors.empty());
    CHECK(r.unpriced.empty());
  }
  for (const char* resource : {"arn:aws:states:::aws-sdk:cloudwatchlogs:putLogEvents",
                               "arn:aws:states:::aws-sdk:kinesis:createStream",
                               "arn:aws:states:::aws-sdk:firehose:describeDeliveryStream"}) {
    INFO(resource);
    Compiled r = compile_task(resource, "");
    REQUIRE(r.errors.empty());
    REQUIRE(r.unpriced.size() == 1);
  }
  Compiled logs = compile_task("arn:aws:states:::aws-sdk:cloudwatchlogs:putLogEvents", "");
  CHECK(logs.unpriced[0].reason == "flowcost has no metering rule for cloudwatchlogs:putLogEvents");
}
