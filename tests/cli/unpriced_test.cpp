// "No silent numbers": calls flowcost does not price are listed in every format and warned about once per
// design on standard error; --strict turns them into an error; warnings reach standard error once, with
// one "warning:" each (docs/cli.md "Warnings and unpriced calls"). tests/data/run/unpriced.yaml: a workflow
// with an HTTP Task and an unresolved Resource (no behaviour), and a rule that starts the workflow.
#include <catch2/catch.hpp>

#include <filesystem>
#include <sstream>

#include "model/source_file.h"
#include "run_cli_helpers.h"

using namespace flowcost::testing;
namespace fs = std::filesystem;

namespace {

const std::string kHttpReason = "an HTTP Task: the endpoint's charges and the EventBridge connection are not metered";
const std::string kArchiveReason =
    "the Resource \"${ArchiveFunction}\" names no service flowcost meters and the Task's behaviour gives no billed "
    "call (lambda:, dynamodb:, sqs:, sns:, s3:, rekognition:, firehose:, kinesis:, eventbridge:, fargate: or execution:)";

std::string scenario() { return run_data("unpriced.yaml"); }

// The headlines of standard error (the lines with "warning:" or "error:"), without the excerpts.
std::vector<std::string> headlines(const std::string& err) {
  std::vector<std::string> out;
  std::istringstream in(err);
  for (std::string line; std::getline(in, line);)
    if (line.find("warning: ") != std::string::npos || line.find("error: ") != std::string::npos) out.push_back(line);
  return out;
}

std::vector<std::string> expected_warnings() {
  const std::string yaml = scenario();
  const std::string asl = run_data("unpriced.asl.json");
  const std::string calls = "Task \"Notify\" (http:invoke): " + kHttpReason + "; Task \"Archive\": " + kArchiveReason;
  const std::string rule_calls =
      "Task \"workflow: Notify\" (http:invoke): " + kHttpReason + "; Task \"workflow: Archive\": " + kArchiveReason;
  return {
      asl + ":8:61: warning: state \"Validate\": \"Payload\": \"$.reading\" looks like a path, but the key does not "
            "end in \".$\", so it is passed as a literal string",
      yaml + ":11:5: warning: design \"workflow\": Task \"Archive\" has no behaviour; it takes 0 ms and always succeeds",
      yaml + ":11:5: warning: design \"workflow\" makes 2 calls that flowcost does not price (not in its totals): " + calls,
      yaml + ":21:5: warning: design \"rule\" makes 2 calls that flowcost does not price (not in its totals): " +
          rule_calls,
  };
}

}  // namespace

TEST_CASE("unpriced: run warns once per design on stderr, each warning once and with one prefix") {
  CliResult r = run_flowcost({"run", scenario()});
  REQUIRE(r.code == 0);
  CHECK(headlines(r.err) == expected_warnings());
  // The design that the rule starts is loaded twice; its warnings are not repeated under the rule.
  for (const auto& line : headlines(r.err)) {
    const auto first = line.find("warning:");
    CHECK(line.find("warning:", first + 1) == std::string::npos);
  }
  // The table: the list per design, the design's own warning, and the run-level (file) warning once.
  CHECK(r.out.find("  not priced (not in the totals above):\n    Task \"Notify\" (http:invoke): " + kHttpReason +
                   "\n    Task \"Archive\": " + kArchiveReason + "\n") != std::string::npos);
  CHECK(r.out.find("    Task \"workflow: Notify\" (http:invoke): " + kHttpReason + "\n") != std::string::npos);
  CHECK(r.out.find("  warning: Task \"Archive\" has no behaviour; it takes 0 ms and always succeeds\n") !=
        std::string::npos);
  CHECK(r.out.find("\nwarning: " + run_data("unpriced.asl.json") + ":8:61: state \"Validate\"") != std::string::npos);
  CHECK(r.out.find("warning: warning") == std::string::npos);
  CHECK(r.out.find(": warning: ") == std::string::npos);
}

TEST_CASE("unpriced: the same warnings on stderr with -o, and the file has the list") {
  fs::path dir = scratch_folder("unpriced_out");
  fs::path out = dir / "r.json";
  CliResult r = run_flowcost({"run", scenario(), "--format", "json", "-o", out.string()});
  REQUIRE(r.code == 0);
  CHECK(r.out == "");
  CHECK(headlines(r.err) == expected_warnings());
  REQUIRE(fs::exists(out));
  fs::remove_all(dir);
}

TEST_CASE("unpriced: JSON designs[].unpriced[] has state, service, action and reason") {
  CliResult r = run_flowcost({"run", scenario(), "--format", "json"});
  REQUIRE(r.code == 0);
  auto j = nlohmann::json::parse(r.out);
  const nlohmann::json workflow = nlohmann::json::array(
      {{{"state", "Notify"}, {"service", "http"}, {"action", "invoke"}, {"reason", kHttpReason}},
       {{"state", "Archive"}, {"service", ""}, {"action", ""}, {"reason", kArchiveReason}}});
  CHECK(j["designs"][0]["unpriced"] == workflow);
  const nlohmann::json rule = nlohmann::json::array(
      {{{"state", "workflow: Notify"}, {"service", "http"}, {"action", "invoke"}, {"reason", kHttpReason}},
       {{"state", "workflow: Archive"}, {"service", ""}, {"action", ""}, {"reason", kArchiveReason}}});
  CHECK(j["designs"][1]["unpriced"] == rule);
  // The design's own warning in its section; the definition's warning once, at the run level.
  CHECK(j["designs"][0]["warnings"] ==
        nlohmann::json::array({"Task \"Archive\" has no behaviour; it takes 0 ms and always succeeds"}));
  CHECK(j["designs"][1]["warnings"] == nlohmann::json::array());  // the workflow's warning is the workflow's
  CHECK(j["warnings"] ==
        nlohmann::json::array({run_data("unpriced.asl.json") +
                               ":8:61: state \"Validate\": \"Payload\": \"$.reading\" looks like a path, but the key "
                               "does not end in \".$\", so it is passed as a literal string"}));
}

TEST_CASE("unpriced: CSV rows `unpriced` with the state as label and SERVICE:ACTION: reason in detail") {
  CliResult r = run_flowcost({"run", scenario(), "--format", "csv"});
  REQUIRE(r.code == 0);
  CHECK(r.out.rfind("scenario,design,row,meter,label,unit,quantity_mean,cost_usd_mean,", 0) == 0);
  CHECK(r.out.find("\r\nunpriced,workflow,unpriced,,Notify,,,,,,,,,,,,,,,http:invoke: " + kHttpReason + ",") !=
        std::string::npos);
  CHECK(r.out.find("\r\nunpriced,workflow,unpriced,,Archive,,,,,,,,,,,,,,,\"" +
                   std::string("the Resource \"\"${ArchiveFunction}\"\" names no service")) != std::string::npos);
  CHECK(r.out.find("\r\nunpriced,rule,unpriced,,workflow: Notify,,,,,,,,,,,,,,,http:invoke: " + kHttpReason + ",") !=
        std::string::npos);
}

TEST_CASE("unpriced: Markdown has a Not priced table per design") {
  CliResult r = run_flowcost({"run", scenario(), "--format", "md"});
  REQUIRE(r.code == 0);
  CHECK(r.out.find("**Not priced** (not in the totals above):\n\n| state | service | action | reason |\n|---|---|---|---|\n"
                   "| Notify | http | invoke | " + kHttpReason + " |\n") != std::string::npos);
}

TEST_CASE("unpriced: --strict makes any unpriced call an error, exit 1, nothing written") {
  fs::path dir = scratch_folder("unpriced_strict");
  fs::path out = dir / "r.csv";
  for (std::vector<std::string> args :
       {std::vector<std::string>{"run", scenario(), "--strict", "-o", out.string()},
        std::vector<std::string>{"explain", scenario(), "--strict", "--design", "workflow", "-o", out.string()},
        std::vector<std::string>{"sweep", scenario(), "--vary", "events_per_month=1000..2000:2", "--strict", "-o",
                                 out.string()},
        std::vector<std::string>{"tornado", scenario(), "--strict", "-o", out.string()}}) {
    INFO(args[0]);
    CliResult r = run_flowcost(args);
    CHECK(r.code == 1);
    CHECK(r.out == "");
    CHECK_FALSE(fs::exists(out));
    const std::string calls = "Task \"Notify\" (http:invoke): " + kHttpReason + "; Task \"Archive\": " + kArchiveReason;
    CHECK(r.err.find(scenario() + ":11:5: error: design \"workflow\" makes 2 calls that flowcost does not price (not in "
                                  "its totals): " + calls + " (--strict)\n") != std::string::npos);
    if (args[0] != "explain")  // explain covers Step Functions designs
      CHECK(r.err.find(scenario() + ":21:5: error: design \"rule\" makes 2 calls") != std::string::npos);
  }
  // batch leaves the scenario out of the CSV and exits 1; with no scenario left, it writes nothing.
  CliResult batch = run_flowcost({"batch", scenario(), "--strict", "-o", out.string()});
  CHECK(batch.code == 1);
  CHECK(batch.err.find(":11:5: error: design \"workflow\" makes 2 calls") != std::string::npos);
  CHECK(batch.err.find("flowcost batch: " + scenario() + " failed; it is left out of the CSV\n") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(out));
  // Without unpriced calls --strict changes nothing.
  CliResult tiny = run_flowcost({"run", run_data("tiny.yaml"), "--strict", "--format", "csv"});
  CHECK(tiny.code == 0);
  CHECK(tiny.err == "");
  CHECK(tiny.out == run_flowcost({"run", run_data("tiny.yaml"), "--format", "csv"}).out);
  fs::remove_all(dir);
}

TEST_CASE("unpriced: validate of a scenario shows the design-level warnings and stays valid") {
  CliResult r = run_flowcost({"validate", scenario()});
  CHECK(r.code == 0);
  CHECK(r.out == scenario() + ": valid\n");
  CHECK(headlines(r.err) == expected_warnings());
}

TEST_CASE("unpriced: explain warns on stderr too, once per design") {
  CliResult r = run_flowcost({"explain", scenario()});
  REQUIRE(r.code == 0);
  const std::vector<std::string> all = expected_warnings();
  // The definition's warning and the workflow's unpriced calls (explain covers Step Functions designs).
  CHECK(headlines(r.err) == std::vector<std::string>{all[0], all[2]});
}

TEST_CASE("unpriced: sweep and tornado list the unpriced calls and the assumptions per design (JSON and table)") {
  const std::vector<std::string> quick = {"--draws", "2", "--executions", "40"};
  auto with = [&](std::vector<std::string> args) {
    args.insert(args.end(), quick.begin(), quick.end());
    return run_flowcost(args);
  };
  CliResult sweep = with({"sweep", scenario(), "--vary", "events_per_month=1000..2000:2", "--format", "json"});
  REQUIRE(sweep.code == 0);
  auto j = nlohmann::json::parse(sweep.out);
  REQUIRE(j["designs"].size() == 2);
  CHECK(j["designs"][0]["name"] == "workflow");
  CHECK(j["designs"][0]["unpriced"] ==
        nlohmann::json::array({{{"state", "Notify"}, {"service", "http"}, {"action", "invoke"}, {"reason", kHttpReason}},
                               {{"state", "Archive"}, {"service", ""}, {"action", ""}, {"reason", kArchiveReason}}}));
  CHECK(j["designs"][1]["unpriced"].size() == 2);
  CHECK(j["designs"][0]["assumptions"]["free_tier"] == false);
  CHECK(j["designs"][0]["assumptions"]["lambda.unbilled_errors"] == nlohmann::json::array({"Lambda.TooManyRequestsException"}));
  // The same lists as run's report.
  CliResult run = with({"run", scenario(), "--format", "json"});
  REQUIRE(run.code == 0);
  auto rj = nlohmann::json::parse(run.out);
  CHECK(j["designs"][1]["unpriced"] == rj["designs"][1]["unpriced"]);
  CHECK(j["designs"][1]["assumptions"] == rj["designs"][1]["assumptions"]);

  CliResult table = with({"tornado", scenario()});
  REQUIRE(table.code == 0);
  CHECK(table.out.find("\nNot priced (in no cost above):\n  workflow: Task \"Notify\" (http:invoke): " + kHttpReason +
                       "\n") != std::string::npos);
  CHECK(table.out.find("\nAssumptions:\n  workflow (price table aws-us-east-1, metering:): lambda.duration_granularity_ms=1,") !=
        std::string::npos);
  CHECK(table.out.find("  rule (scenario free_tier: or --free-tier): free_tier=false\n") != std::string::npos);
}
