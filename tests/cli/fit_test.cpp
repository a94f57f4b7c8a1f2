// `flowcost fit` end to end through run_cli (docs/cli.md "fit"): the fragment, its empirical CSVs, the
// JSON, that a pasted fragment loads, that a fitted scenario bills a recorded path's transitions exactly,
// and bad input (exit 1, nothing written).
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "run_cli_helpers.h"

namespace flowcost {
namespace {

using testing::CliResult;
using testing::run_flowcost;
using testing::scratch_folder;

std::string data(const std::string& name) { return std::string(FLOWCOST_TEST_DATA) + "/fit/" + name; }

std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

void spit(const std::filesystem::path& p, const std::string& text) { std::ofstream(p) << text; }

// A scenario around a fitted fragment: the fragment's lines indented under one step_functions design.
std::string scenario_with(const std::string& definition, const std::string& fragment) {
  std::string s = "scenario: fitted\nrun: {seed: 1, executions: 1, draws: 1}\nworkload:\n  events_per_month: 1\n"
                  "designs:\n  - name: fitted\n    kind: step_functions\n    definition: " + definition + "\n";
  std::istringstream lines(fragment);
  for (std::string line; std::getline(lines, line);) s += "    " + line + "\n";
  return s;
}

}  // namespace

TEST_CASE("fit: Lambda REPORT lines give a task behaviour, an empirical CSV and warnings", "[fit]") {
  auto dir = scratch_folder("fit_lambda");
  CliResult r = run_flowcost({"fit", data("checkout.log"), "-o", (dir / "checkout-fit.yaml").string()});
  REQUIRE(r.code == 0);
  CHECK(r.out.empty());
  CHECK(r.err == data("checkout.log") + ": warning: 1 line is not a Lambda REPORT record and was skipped\n" + data("checkout.log") +
                     ": warning: the duration of function \"checkout\": 4 samples are too few to fit a distribution (at "
                     "least 30); written as an empirical distribution of its 4 samples\n");
  const std::string yaml = slurp(dir / "checkout-fit.yaml");
  CHECK(yaml.find("tasks:\n  checkout:\n    # 4 invocations (Lambda REPORT records)\n    lambda: {memory_mb: 512}\n") !=
        std::string::npos);
  CHECK(yaml.find("    duration: {empirical: {csv: checkout-fit.checkout.duration.csv}}\n") != std::string::npos);
  CHECK(yaml.find("    cold_start: {probability: 0.25, init: 148.2ms}\n") != std::string::npos);
  CHECK(yaml.find("    errors: {Lambda.Unknown: 0.25, Runtime.ExitError: 0.25}\n") != std::string::npos);
  CHECK(slurp(dir / "checkout-fit.checkout.duration.csv") == "duration_ms\n35\n38.52\n40.1\n900\n");

  // The fragment loads: pasted into a design whose Task is named after the function.
  spit(dir / "checkout.asl.json",
       R"({"StartAt": "checkout", "States": {"checkout": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:checkout", "End": true}}})");
  spit(dir / "scenario.yaml", scenario_with("checkout.asl.json", yaml));
  CliResult v = run_flowcost({"validate", (dir / "scenario.yaml").string()});
  CHECK(v.err.empty());
  CHECK(v.out == (dir / "scenario.yaml").string() + ": valid\n");
  CHECK(v.code == 0);
}

TEST_CASE("fit: the JSON log format gives the same fragment as the text format", "[fit]") {
  auto dir = scratch_folder("fit_lambda_json");
  CliResult text = run_flowcost({"fit", data("checkout.log"), "-o", (dir / "text.yaml").string()});
  CliResult json = run_flowcost({"fit", data("checkout-json.log"), "--function", "checkout", "-o",
                                 (dir / "json.yaml").string()});
  REQUIRE(text.code == 0);
  REQUIRE(json.code == 0);
  auto without_sources = [](std::string yaml, const std::string& csv) {
    // The header names the input file and the CSV its output file; the rest must be the same.
    const std::size_t tasks = yaml.find("tasks:");
    yaml = yaml.substr(tasks);
    const std::size_t at = yaml.find(csv);
    if (at != std::string::npos) yaml.replace(at, csv.size(), "CSV");
    return yaml;
  };
  CHECK(without_sources(slurp(dir / "json.yaml"), "json.checkout.duration.csv") ==
        without_sources(slurp(dir / "text.yaml"), "text.checkout.duration.csv"));
  CHECK(slurp(dir / "json.checkout.duration.csv") == "duration_ms\n35\n38.52\n40.1\n900\n");
  CHECK(json.err == data("checkout-json.log") + ": warning: 1 line is not a Lambda REPORT record and was skipped\n" +
                        data("checkout-json.log") +
                        ": warning: the duration of function \"checkout\": 4 samples are too few to fit a distribution (at "
                        "least 30); written as an empirical distribution of its 4 samples\n");
}

TEST_CASE("fit: a Logs Insights CSV, as JSON", "[fit]") {
  auto dir = scratch_folder("fit_insights");
  CliResult r = run_flowcost({"fit", data("insights.csv"), "--format", "json", "-o", (dir / "fit.json").string()});
  REQUIRE(r.code == 0);
  auto j = nlohmann::json::parse(slurp(dir / "fit.json"));
  const auto& l = j["lambda"];
  CHECK(l["records"] == 3);
  CHECK(l["skipped_lines"] == 1);
  REQUIRE(l["functions"].size() == 2);
  CHECK(l["functions"][0]["name"] == "pack-item");
  CHECK(l["functions"][0]["memory_mb"] == 256.0);
  CHECK(l["functions"][0]["duration_ms"]["chosen"] == "constant");
  CHECK(l["functions"][1]["name"] == "validate-order");
  CHECK(l["functions"][1]["cold_start_probability"] == 0.5);
  CHECK(l["functions"][1]["duration_ms"]["chosen"] == "empirical");
  CHECK(l["functions"][1]["duration_ms"]["empirical_csv"] == "fit.validate-order.duration.csv");
  CHECK(std::filesystem::exists(dir / "fit.validate-order.duration.csv"));
}

TEST_CASE("fit: histories give exact Choice weights, error rates, Map items and a fragment that loads", "[fit]") {
  auto dir = scratch_folder("fit_histories");
  CliResult r = run_flowcost({"fit", data("histories"), "--definition", data("orders.asl.json"), "--format", "json"});
  REQUIRE(r.code == 0);
  CHECK(r.err.empty());
  auto h = nlohmann::json::parse(r.out)["histories"];
  REQUIRE(h["executions"].size() == 3);
  CHECK(h["executions"][0]["billable_transitions"] == 7);  // large-order-retried: 6 entered + 1 retry
  CHECK(h["executions"][0]["retries"] == 1);
  CHECK(h["executions"][1]["billable_transitions"] == 6);
  CHECK(h["executions"][2]["billable_transitions"] == 7);
  CHECK(h["tasks"][0]["state"] == "Validate");
  CHECK(h["tasks"][0]["attempts"] == 4);
  CHECK(h["tasks"][0]["errors"]["Lambda.TooManyRequestsException"] == 1);
  CHECK(h["choices"][0]["branches"][0] ==
        nlohmann::json{{"key", "Review"}, {"target", "Review"}, {"count", 1}, {"weight", 1.0 / 3}});
  CHECK(h["choices"][0]["branches"][1] ==
        nlohmann::json{{"key", "default"}, {"target", "ForEachItem"}, {"count", 2}, {"weight", 2.0 / 3}});

  CliResult y = run_flowcost({"fit", data("histories"), "--definition", data("orders.asl.json")});
  REQUIRE(y.code == 0);
  CHECK(y.out.find("    errors: {Lambda.TooManyRequestsException: 0.25}\n") != std::string::npos);
  CHECK(y.out.find("  IsLarge: {Review: 0.3333333333333333, default: 0.6666666666666666}\n") != std::string::npos);
  CHECK(y.out.find("  ForEachItem: {items: {discrete: {1: 0.3333333333333333, 2: 0.3333333333333333, 3: "
                   "0.3333333333333333}}}\n") != std::string::npos);
  CHECK(y.out.find("  Review: {wait: 60000ms}\n") != std::string::npos);
  // History Task times include Step Functions' dispatch: the fragment turns the simulator's off.
  CHECK(y.out.find("\norchestration:\n  # the Task times above come from execution histories and include Step "
                   "Functions' dispatch\n  task_dispatch_ms: 0ms\n") != std::string::npos);
  spit(dir / "scenario.yaml", scenario_with(data("orders.asl.json"), y.out));
  CliResult v = run_flowcost({"validate", (dir / "scenario.yaml").string()});
  CHECK(v.out == (dir / "scenario.yaml").string() + ": valid\n");
  CHECK(v.code == 0);
}

TEST_CASE("fit: a scenario fitted from one recorded path bills that history's transitions exactly", "[fit]") {
  // AWS bills a Standard execution one transition per state entered and one per retry
  // (docs/billing-rules.md); the simulator, given the fitted values, takes the recorded path and counts
  // the same. Paths without retries are deterministic once fitted (weights 1, one Map item count).
  auto dir = scratch_folder("fit_conformance");
  for (const auto& [history, transitions] : {std::pair{"small-order.json", 6}, std::pair{"three-items.json", 7}}) {
    CliResult f = run_flowcost({"fit", data(std::string("histories/") + history), "--definition", data("orders.asl.json")});
    REQUIRE(f.code == 0);
    CHECK(f.out.find(std::string(": ") + std::to_string(transitions) + " (") != std::string::npos);
    spit(dir / "scenario.yaml", scenario_with(data("orders.asl.json"), f.out));
    CliResult run = run_flowcost({"run", (dir / "scenario.yaml").string(), "--format", "json"});
    REQUIRE(run.code == 0);
    auto j = nlohmann::json::parse(run.out);
    CHECK(j["performance"]["simulated_transitions"] == transitions);
    bool found = false;
    for (const auto& line : j["designs"][0]["lines"]) {
      if (line["meter"] == "sfn.standard.transitions") {
        CHECK(line["quantity_mean"] == static_cast<double>(transitions));
        found = true;
      }
    }
    CHECK(found);
  }
}

TEST_CASE("fit: bad input is an error at its position, exit 1, nothing written", "[fit]") {
  auto dir = scratch_folder("fit_errors");
  spit(dir / "app.log", "START RequestId: a Version: 1\nhello\n");
  const auto out = dir / "out.yaml";
  CliResult r = run_flowcost({"fit", (dir / "app.log").string(), "-o", out.string()});
  CHECK(r.code == 1);
  CHECK(r.err.find((dir / "app.log").string() +
                   ":1:1: error: no Lambda REPORT line (\"REPORT RequestId: ... Duration: ... ms ...\") in this file\n") == 0);
  CHECK_FALSE(std::filesystem::exists(out));

  CliResult h = run_flowcost({"fit", data("histories/small-order.json"), "-o", out.string()});
  CHECK(h.code == 1);
  CHECK(h.err.find(data("histories/small-order.json") +
                   ": error: execution histories need --definition (the state machine's ASL definition), which names "
                   "the Choice states' Default targets\n") == 0);
  CHECK_FALSE(std::filesystem::exists(out));

  // A history that does not match the definition: every mismatch at its event or state.
  spit(dir / "wrong.json",
       "{\"events\": [\n"
       " {\"id\": 1, \"previousEventId\": 0, \"type\": \"ExecutionStarted\", \"timestamp\": 1.0},\n"
       " {\"id\": 2, \"previousEventId\": 1, \"type\": \"PassStateEntered\", \"timestamp\": 1.1, "
       "\"stateEnteredEventDetails\": {\"name\": \"Validate\"}},\n"
       " {\"id\": 3, \"previousEventId\": 2, \"type\": \"PassStateExited\", \"timestamp\": 1.2, "
       "\"stateExitedEventDetails\": {\"name\": \"Validate\"}},\n"
       " {\"id\": 4, \"previousEventId\": 3, \"type\": \"ChoiceStateEntered\", \"timestamp\": 1.3, "
       "\"stateEnteredEventDetails\": {\"name\": \"IsLarge\"}},\n"
       " {\"id\": 5, \"previousEventId\": 4, \"type\": \"ChoiceStateExited\", \"timestamp\": 1.4, "
       "\"stateExitedEventDetails\": {\"name\": \"IsLarge\"}},\n"
       " {\"id\": 6, \"previousEventId\": 5, \"type\": \"SucceedStateEntered\", \"timestamp\": 1.5, "
       "\"stateEnteredEventDetails\": {\"name\": \"Done\"}}\n"
       "]}\n");
  CliResult w = run_flowcost({"fit", (dir / "wrong.json").string(), "--definition", data("orders.asl.json"), "-o", out.string()});
  CHECK(w.code == 1);
  CHECK(w.err.find((dir / "wrong.json").string() + ":3:2: error: state \"Validate\" of the history is not a Pass state of " +
                   data("orders.asl.json") + "\n") != std::string::npos);
  CHECK(w.err.find(data("orders.asl.json") +
                   ":12:5: error: the histories leave Choice \"IsLarge\" to \"Done\", which is none of its targets\n") !=
        std::string::npos);
  CHECK_FALSE(std::filesystem::exists(out));

  spit(dir / "q.csv", "@duration,@log\n12,\"abc\n");
  CliResult q = run_flowcost({"fit", (dir / "q.csv").string(), "-o", out.string()});
  CHECK(q.code == 1);
  CHECK(q.err.find((dir / "q.csv").string() + ":2:4: error: unterminated quoted field\n") == 0);
  CHECK_FALSE(std::filesystem::exists(out));

  CliResult same = run_flowcost({"fit", data("checkout.log"), "-o", data("checkout.log")});
  CHECK(same.code == 1);
  CHECK(same.err.find("error: refusing to overwrite input file " + data("checkout.log")) != std::string::npos);
}

TEST_CASE("fit: a SnapStart restore is a cold start, its init the billed restore time", "[fit]") {
  // Four invocations: an INIT cold start (150.44 ms), a timeout, a SnapStart restore (Restore Duration
  // 412.10 ms, of which 120 ms billed) and a warm one.
  auto dir = scratch_folder("fit_snapstart");
  CliResult r = run_flowcost({"fit", data("snapstart.log"), "--format", "json", "-o", (dir / "fit.json").string()});
  REQUIRE(r.code == 0);
  auto j = nlohmann::json::parse(slurp(dir / "fit.json"));
  const auto& f = j["lambda"]["functions"][0];
  CHECK(f["invocations"] == 4);
  CHECK(f["cold_starts"] == 2);
  CHECK(f["cold_start_probability"] == 0.5);
  CHECK(slurp(dir / "fit.snapstart.init.csv") == "duration_ms\n120\n150.44\n");
}

}  // namespace flowcost
