// Every run report lists the settings that decided each design's numbers (docs/billing-rules.md section
// 6): JSON designs[].assumptions, a line per source in the table, an item in Markdown, `setting` rows in CSV.
#include <catch2/catch.hpp>

#include <fstream>
#include <iterator>

#include "run_cli_helpers.h"

using namespace flowcost::testing;

namespace {

const char* kMetering = "price table aws-us-east-1, metering:";

}  // namespace

TEST_CASE("assumptions: JSON lists the metering settings of the services each design used, and free_tier") {
  CliResult r = run_flowcost({"run", run_data("tiny.yaml"), "--format", "json"});
  REQUIRE(r.code == 0);
  auto j = nlohmann::json::parse(r.out);
  // workflow: Standard transitions, Lambda (arm64) and DynamoDB writes.
  CHECK(j["designs"][0]["assumptions"] == nlohmann::json({{"lambda.duration_granularity_ms", 1},
                                                          {"lambda.init_billed", true},
                                                          {"lambda.unbilled_errors", {"Lambda.TooManyRequestsException"}},
                                                          {"lambda.async_retries", 2},
                                                          {"lambda.async_first_retry_wait_ms", 60000},
                                                          {"lambda.async_second_retry_wait_ms", 120000},
                                                          {"standard.transitions_per_execution", 0},
                                                          {"standard_latency.execution_start_ms", 7.9},
                                                          {"standard_latency.state_entered_ms", 5.125},
                                                          {"standard_latency.task_dispatch_ms", 14.9},
                                                          {"standard_latency.choice_ms", 10.925},
                                                          {"standard_latency.wait_ms", 0},
                                                          {"standard_latency.branch_start_ms", 4.925},
                                                          {"dynamodb.write_unit_bytes", 1024},
                                                          {"dynamodb.read_unit_bytes", 4096},
                                                          {"free_tier", false}}));
  // rule: IoT messages, rules and actions, and DynamoDB writes.
  CHECK(j["designs"][1]["assumptions"] == nlohmann::json({{"iot.message_unit_bytes", 5120},
                                                          {"iot.rules_in_message_units", true},
                                                          {"iot.error_action_billed", true},
                                                          {"iot.where_false_triggers", true},
                                                          {"iot.http_tries", 3},
                                                          {"iot_latency.rule_evaluation_ms", 0},
                                                          {"iot_latency.action_dispatch_ms", 0},
                                                          {"dynamodb.write_unit_bytes", 1024},
                                                          {"dynamodb.read_unit_bytes", 4096},
                                                          {"free_tier", false}}));
}

TEST_CASE("assumptions: with free tiers, the shared Lambda allowance is listed for a design that uses it") {
  CliResult r = run_flowcost({"run", run_data("tiny.yaml"), "--format", "json", "--free-tier"});
  REQUIRE(r.code == 0);
  auto j = nlohmann::json::parse(r.out);
  CHECK(j["designs"][0]["assumptions"]["free_tier"] == true);
  CHECK(j["designs"][0]["assumptions"]["free_tier.shared.lambda-gb-seconds"] ==
        "lambda.gb_seconds.x86, lambda.gb_seconds.arm64");
  CHECK_FALSE(j["designs"][1]["assumptions"].contains("free_tier.shared.lambda-gb-seconds"));
}

TEST_CASE("assumptions: table, Markdown and CSV") {
  const std::string workflow_metering =
      "lambda.duration_granularity_ms=1, lambda.init_billed=true, "
      "lambda.unbilled_errors=[Lambda.TooManyRequestsException], lambda.async_retries=2, "
      "lambda.async_first_retry_wait_ms=60000, lambda.async_second_retry_wait_ms=120000, "
      "standard.transitions_per_execution=0, standard_latency.execution_start_ms=7.9, "
      "standard_latency.state_entered_ms=5.125, standard_latency.task_dispatch_ms=14.9, "
      "standard_latency.choice_ms=10.925, standard_latency.wait_ms=0, standard_latency.branch_start_ms=4.925, "
      "dynamodb.write_unit_bytes=1024, dynamodb.read_unit_bytes=4096";
  CliResult table = run_flowcost({"run", run_data("tiny.yaml")});
  REQUIRE(table.code == 0);
  CHECK(table.out.find("  assumptions (" + std::string(kMetering) + "): " + workflow_metering +
                       "\n  assumptions (scenario free_tier: or --free-tier): free_tier=false\n") != std::string::npos);
  CliResult md = run_flowcost({"run", run_data("tiny.yaml"), "--format", "md"});
  REQUIRE(md.code == 0);
  CHECK(md.out.find("- Assumptions (" + std::string(kMetering) + "): " + workflow_metering + "\n") !=
        std::string::npos);
  CliResult csv = run_flowcost({"run", run_data("tiny.yaml"), "--format", "csv"});
  REQUIRE(csv.code == 0);
  CHECK(csv.out.find("\r\ntiny,workflow,setting,,lambda.init_billed,,,,,,,,,,,,,,,true,5,aws-us-east-1,") !=
        std::string::npos);
  CHECK(csv.out.find("\r\ntiny,rule,setting,,iot.error_action_billed,,,,,,,,,,,,,,,true,5,aws-us-east-1,") !=
        std::string::npos);
  CHECK(csv.out.find("\r\ntiny,rule,setting,,free_tier,,,,,,,,,,,,,,,false,5,aws-us-east-1,") != std::string::npos);
}

TEST_CASE("assumptions: a design that runs a Distributed Map lists the large-Map settings of run:") {
  const std::string scenario = std::string(FLOWCOST_TEST_DATA) + "/sfn/large_map/map_sample.yaml";
  CliResult r = run_flowcost({"run", scenario, "--format", "json", "--draws", "2", "--executions", "20"});
  REQUIRE(r.code == 0);
  auto j = nlohmann::json::parse(r.out);
  const auto& a = j["designs"][0]["assumptions"];
  CHECK(a["map_sample_children"] == 200);
  CHECK(a["map_sample_above"] == 1000);
  // The table lists them on their own line, with their source.
  CliResult table = run_flowcost({"run", scenario, "--draws", "2", "--executions", "20"});
  REQUIRE(table.code == 0);
  CHECK(table.out.find("  assumptions (scenario run: (large Distributed Maps)): map_sample_children=200, "
                       "map_sample_above=1000\n") != std::string::npos);
}

TEST_CASE("assumptions: a meter the table prices with a borrowed figure is listed, in every format") {
  // aws-eu-west-1 borrows the rules-engine prices from aws-us-east-1 (pricing/tables/aws-eu-west-1.yaml assumed:):
  // rule uses them; workflow (Standard, Lambda, DynamoDB) is priced with Ireland's own figures only.
  const std::vector<std::string> run = {"run", run_data("tiny.yaml"), "--prices", "aws-eu-west-1"};
  auto with = [&](std::vector<std::string> extra) {
    std::vector<std::string> args = run;
    args.insert(args.end(), extra.begin(), extra.end());
    CliResult r = run_flowcost(args);
    REQUIRE(r.code == 0);
    return r.out;
  };
  auto j = nlohmann::json::parse(with({"--format", "json"}));
  for (const auto& [name, value] : j["designs"][0]["assumptions"].items()) CHECK(name.rfind("borrowed_price.", 0) != 0);
  CHECK(j["designs"][1]["assumptions"]["borrowed_price.iot.rules_triggered"] == "aws-us-east-1");
  CHECK(j["designs"][1]["assumptions"]["borrowed_price.iot.actions_executed"] == "aws-us-east-1");
  const std::string source = "price table aws-eu-west-1, assumed: the Ireland example copy is truncated before the "
                             "rules engine (docs/sources.md#source-ids, IOT-EX)";
  const std::string items = "borrowed_price.iot.actions_executed=aws-us-east-1, borrowed_price.iot.rules_triggered=aws-us-east-1";
  CHECK(with({}).find("\n  assumptions (" + source + "): " + items + "\n") != std::string::npos);
  CHECK(with({"--format", "md"}).find("\n- Assumptions (" + source + "): " + items + "\n") != std::string::npos);
  CHECK(with({"--format", "csv"}).find("\r\ntiny,rule,setting,,borrowed_price.iot.rules_triggered,,,,,,,,,,,,,,,aws-us-east-1,5,"
                                       "aws-eu-west-1,") != std::string::npos);
  // The lender's file is an input of the run.
  CHECK(j["input_files"].dump().find("aws-us-east-1.yaml") != std::string::npos);
}

TEST_CASE("assumptions: the HTML page lists a borrowed price with its table and reason; --strict-prices refuses it") {
  const auto dir = scratch_folder("borrowed_review");
  const std::string page = (dir / "review.html").string();
  CliResult r = run_flowcost({"report", run_data("tiny.yaml"), "--prices", "aws-eu-west-1", "--draws", "4", "--executions",
                              "20", "-o", page});
  REQUIRE(r.code == 0);
  std::ifstream in(page);
  const std::string html((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  // The section's introduction says what such a row is; a page without one keeps the shorter introduction.
  CHECK(html.find("<p>The settings that decided these numbers: how the price table meters each event, the prices it "
                  "borrows from another table, the free tier, and where each is set. A <code>borrowed_price.METER</code> "
                  "row is a price this table does not give itself: it borrows the figure of the table named (its "
                  "<code>assumed:</code>, for the reason shown); <code>--strict-prices</code> refuses it.</p>\n") !=
        std::string::npos);
  CliResult own = run_flowcost({"report", run_data("tiny.yaml"), "--draws", "4", "--executions", "20"});
  REQUIRE(own.code == 0);
  CHECK(own.out.find("<p>The settings that decided these numbers: how the price table meters each event, the free "
                     "tier, and where each is set.</p>\n") != std::string::npos);
  CHECK(html.find("<tr><td>rule</td><td><code>borrowed_price.iot.rules_triggered</code></td><td><code>aws-us-east-1"
                         "</code></td><td>price table aws-eu-west-1, assumed: the Ireland example copy is truncated before "
                         "the rules engine (docs/sources.md#source-ids, IOT-EX)</td></tr>") != std::string::npos);
  CliResult strict = run_flowcost({"report", run_data("tiny.yaml"), "--prices", "aws-eu-west-1", "--strict-prices",
                                   "--draws", "4", "--executions", "20", "-o", (dir / "strict.html").string()});
  CHECK(strict.code == 1);
  CHECK(strict.err.find("design \"rule\" uses 2 meters that price table \"aws-eu-west-1\"") != std::string::npos);
}

TEST_CASE("assumptions: explain notes a borrowed price per design") {
  CliResult r = run_flowcost({"explain", std::string(FLOWCOST_SCENARIOS_DIR) + "/iot-telemetry.yaml", "--prices",
                              "aws-eu-west-1", "--format", "json"});
  REQUIRE(r.code == 0);
  const auto j = nlohmann::json::parse(r.out);
  bool express = false;
  for (const auto& d : j["designs"]) {
    if (d["name"] != "step-functions-express") continue;
    express = true;
    CHECK(d["notes"].dump().find("borrowed_price.sfn.express.requests=aws-us-east-1 (price table aws-eu-west-1, assumed: "
                                 "no Ireland Express request price retrieved (docs/sources.md#regional-prices))") !=
          std::string::npos);
  }
  CHECK(express);
}

TEST_CASE("assumptions: explain --strict-prices prices with the table's own figures only, as run does") {
  const std::string scenario = std::string(FLOWCOST_SCENARIOS_DIR) + "/iot-telemetry.yaml";
  const std::string table = std::string(FLOWCOST_SOURCE_DIR) + "/pricing/tables/aws-eu-west-1.yaml";
  CliResult strict = run_flowcost({"explain", scenario, "--prices", table, "--design", "step-functions-express",
                                   "--strict-prices", "-o", "-"});
  CHECK(strict.code == 1);
  CHECK(strict.out == "");
  CHECK(strict.err == scenario + ":58:5: error: design \"step-functions-express\" uses meter \"sfn.express.requests\", "
                                 "which price table \"aws-eu-west-1\" (" + table + ") does not price (a known gap: no "
                                 "Ireland Express request price retrieved (docs/sources.md#regional-prices); the price of "
                                 "aws-us-east-1 is not borrowed under --strict-prices)\n"
                                 "  - name: step-functions-express\n    ^\n");
  // A design the table prices with its own figures is explained exactly as without the option.
  CliResult own = run_flowcost({"explain", scenario, "--prices", table, "--design", "step-functions-standard",
                                "--strict-prices"});
  CHECK(own.code == 0);
  CHECK(own.out == run_flowcost({"explain", scenario, "--prices", table, "--design", "step-functions-standard"}).out);
}

TEST_CASE("assumptions: advise lists the table's borrowed prices among its warnings") {
  CliResult r = run_flowcost({"advise", std::string(FLOWCOST_SCENARIOS_DIR) + "/iot-telemetry.yaml", "--prices",
                              "aws-eu-west-1", "--draws", "2", "--executions", "20", "--format", "json"});
  REQUIRE(r.code == 0);
  const auto j = nlohmann::json::parse(r.out);
  CHECK(j["warnings"].dump().find("price table: borrowed_price.firehose.gb=aws-us-east-1 (price table aws-eu-west-1, "
                                  "assumed: no Ireland Firehose price (the $0.035 golden is eu-west-2, "
                                  "docs/sources.md#conflict-16))") != std::string::npos);
}

TEST_CASE("assumptions: a design's own orchestration latencies are listed instead of the table's") {
  const std::string scenario = std::string(FLOWCOST_TEST_DATA) + "/sfn/orchestration/override.yaml";
  CliResult r = run_flowcost({"run", scenario, "--format", "json", "--draws", "2", "--executions", "20"});
  REQUIRE(r.code == 0);
  auto j = nlohmann::json::parse(r.out);
  auto design = [&](const std::string& name) {
    for (const auto& d : j["designs"])
      if (d["name"] == name) return d["assumptions"];
    FAIL("no design " << name);
    return nlohmann::json();
  };
  // chain-override sets three kinds (100ms, 0ms, 0.5s); the others keep the table's measured figures.
  const auto over = design("chain-override");
  CHECK(over["express_latency.execution_start_ms"] == 100);
  CHECK(over["express_latency.state_entered_ms"] == 0);
  CHECK(over["express_latency.task_dispatch_ms"] == 500);
  CHECK(over["express_latency.choice_ms"] == 10.925);
  CHECK(design("chain-express")["express_latency.task_dispatch_ms"] == 14.9);
  CHECK(design("chain-drawn")["express_latency.task_dispatch_ms"] == "a uniform distribution");
  // The table names where each value comes from.
  CliResult table = run_flowcost({"run", scenario, "--draws", "2", "--executions", "20"});
  REQUIRE(table.code == 0);
  CHECK(table.out.find("  assumptions (design \"chain-override\" orchestration: (" + scenario +
                       ":20)): express_latency.execution_start_ms=100, express_latency.state_entered_ms=0, "
                       "express_latency.task_dispatch_ms=500\n") != std::string::npos);
}
