// Provenance in every format, --per-draw, paths relative to the scenario, budgets (exit 3) and `diff`.
#include <catch2/catch.hpp>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "golden_compare.h"
#include "run_cli_helpers.h"

using namespace flowcost::testing;
namespace fs = std::filesystem;

namespace {

std::string diff_data(const std::string& name) { return std::string(FLOWCOST_TEST_DATA) + "/diff/" + name; }

// Exact comparison with a golden file (FLOWCOST_UPDATE_GOLDEN=1 rewrites it).
void check_golden(const std::string& name, const std::string& actual) {
  const fs::path path = fs::path(FLOWCOST_TEST_DATA) / "golden" / "diff" / name;
  if (update_golden_requested()) write_text_file(path.string(), actual);
  CHECK(actual == read_text_file(path.string()));
}

}  // namespace

TEST_CASE("run JSON and Markdown: the same scenario folder run from two places gives the same bytes") {
  const fs::path root = scratch_folder("relative_paths");
  const fs::path one = root / "x" / "a";
  const fs::path two = root / "y" / "b" / "c";
  for (const fs::path& cwd : {one, two}) {
    fs::create_directories(cwd / "scn");
    fs::copy_file(run_data("tiny.yaml"), cwd / "scn" / "tiny.yaml");
    fs::copy_file(run_data("tiny.asl.json"), cwd / "scn" / "tiny.asl.json");
  }
  for (const std::string format : {"json", "md", "csv", "table"}) {
    CliResult a = run_flowcost_in(one, {"run", "scn/tiny.yaml", "--format", format, "--set", "devices=1000"});
    CliResult b = run_flowcost_in(two, {"run", "scn/tiny.yaml", "--format", format, "--set", "devices=1000"});
    REQUIRE(a.code == 0);
    REQUIRE(b.code == 0);
    if (format == "json") {
      CHECK(json_without_wall_time(a.out) == json_without_wall_time(b.out));
      auto j = nlohmann::json::parse(a.out);
      CHECK(j["scenario_file"] == "tiny.yaml");
      std::vector<std::string> keys;
      for (const auto& item : j["input_files"].items()) keys.push_back(item.key());
      CHECK(keys == std::vector<std::string>{"shipped:aws-us-east-1.yaml", "tiny.asl.json", "tiny.yaml"});
      CHECK(j["overrides"] == nlohmann::json::parse(R"([{"name": "devices", "value": "1000"}])"));
      CHECK(j["reproduce_command"] == "flowcost run scn/tiny.yaml --seed 5 --draws 6 --executions 400 --set devices=1000");
    } else {
      CHECK(a.out == b.out);
    }
  }
  fs::remove_all(root);
}

TEST_CASE("run: the reproduce command reproduces the run") {
  CliResult first = run_flowcost({"run", run_data("tiny.yaml"), "--format", "json", "--draws", "4", "--set",
                                  "devices=1200", "--threads", "1"});
  REQUIRE(first.code == 0);
  const std::string command = nlohmann::json::parse(first.out)["reproduce_command"];
  CHECK(command == "flowcost run " + run_data("tiny.yaml") + " --seed 5 --draws 4 --executions 400 --set devices=1200");
  std::vector<std::string> args;
  std::istringstream words(command.substr(std::string("flowcost ").size()));
  for (std::string w; words >> w;) args.push_back(w);
  args.insert(args.end(), {"--format", "json"});
  CliResult again = run_flowcost(args);
  REQUIRE(again.code == 0);
  CHECK(json_without_wall_time(again.out) == json_without_wall_time(first.out));
}

TEST_CASE("run CSV: provenance columns on every row, the meter apart from its label") {
  CliResult r = run_flowcost({"run", run_data("tiny.yaml"), "--format", "csv"});
  REQUIRE(r.code == 0);
  auto records = split_csv(r.out);
  REQUIRE(records.size() > 3);
  CHECK(records[0] == std::vector<std::string>{
                          "scenario", "design", "row", "meter", "label", "unit", "quantity_mean", "cost_usd_mean",
                          "cost_usd_p05", "cost_usd_p50", "cost_usd_p95", "per_execution_cost_usd",
                          "per_execution_cost_usd_p05", "per_execution_cost_usd_p50", "per_execution_cost_usd_p95",
                          "per_million_events_cost_usd", "saving_usd_mean", "saving_fraction_mean",
                          "p_candidate_cheaper", "detail", "seed", "prices", "prices_effective_date", "tool_version"});
  for (std::size_t i = 1; i < records.size(); ++i) {
    REQUIRE(records[i].size() == 24);
    CHECK(records[i][20] == "5");
    CHECK(records[i][21] == "aws-us-east-1");
    CHECK_FALSE(records[i][22].empty());
    CHECK(records[i][23] == FLOWCOST_VERSION);
  }
  CHECK(records[1][2] == "line");
  CHECK(records[1][3] == "sfn.standard.transitions");
  CHECK(records[1][4] == "transitions");
}

TEST_CASE("run --per-draw: one total row and one row per line item per draw, savings per draw") {
  const fs::path dir = scratch_folder("per_draw");
  const fs::path per_draw = dir / "draws.csv";
  CliResult r = run_flowcost({"run", run_data("tiny.yaml"), "--format", "json", "--per-draw", per_draw.string()});
  REQUIRE(r.code == 0);
  auto j = nlohmann::json::parse(r.out);
  auto records = split_csv(read_text_file(per_draw.string()));
  REQUIRE(!records.empty());
  CHECK(records[0] == std::vector<std::string>{"scenario", "design", "draw", "row", "meter", "label", "usd"});
  const std::size_t draws = j["draws"];
  const std::size_t workflow_lines = j["designs"][0]["lines"].size();
  const std::size_t rule_lines = j["designs"][1]["lines"].size();
  CHECK(records.size() == 1 + draws * (1 + workflow_lines) + draws * (1 + rule_lines) + draws);
  // The mean of each design's totals is the report's mean; the savings are baseline - candidate per draw.
  std::map<std::string, std::vector<double>> totals;
  std::vector<double> savings;
  for (std::size_t i = 1; i < records.size(); ++i) {
    if (records[i][3] == "total") totals[records[i][1]].push_back(std::stod(records[i][6]));
    if (records[i][3] == "saving") {
      CHECK(records[i][1] == "rule");
      CHECK(records[i][5] == "workflow");
      savings.push_back(std::stod(records[i][6]));
    }
  }
  for (const auto& design : j["designs"]) {
    const auto& values = totals[design["name"]];
    REQUIRE(values.size() == draws);
    double sum = 0;
    for (double v : values) sum += v;
    CHECK(sum / draws == Approx(design["monthly_cost_usd"]["mean"].get<double>()).epsilon(1e-12));
  }
  REQUIRE(savings.size() == draws);
  for (std::size_t i = 0; i < draws; ++i)
    CHECK(savings[i] == totals["workflow"][i] - totals["rule"][i]);
  fs::remove_all(dir);
}

TEST_CASE("run --per-draw follows -o's rules: never over an input, nothing written on error") {
  const fs::path dir = scratch_folder("per_draw_safety");
  const std::string scenario = run_data("tiny.yaml");
  const std::string before = read_text_file(scenario);
  CliResult over = run_flowcost({"run", scenario, "--per-draw", scenario});
  CHECK(over.code == 1);
  CHECK(over.err == scenario + ": error: refusing to overwrite input file " + scenario + "\n");
  CHECK(read_text_file(scenario) == before);
  const fs::path out = dir / "draws.csv";
  CliResult bad = run_flowcost({"run", run_data("bad.yaml"), "--per-draw", out.string()});
  CHECK(bad.code == 1);
  CHECK_FALSE(fs::exists(out));
  CliResult same = run_flowcost({"run", scenario, "-o", out.string(), "--per-draw", out.string()});
  CHECK(same.code == 1);
  CHECK(same.err == out.string() + ": error: two outputs of one command go to the same place; give each its own file\n");
  CHECK_FALSE(fs::exists(out));
  CHECK(run_flowcost({"run", scenario, "--per-draw", "-"}).code == 1);  // with the report on standard output
  fs::remove_all(dir);
}

TEST_CASE("budgets: exit 3 after writing the report when a design's mean is above its budget") {
  const fs::path dir = scratch_folder("budgets");
  const fs::path out = dir / "report.json";
  CliResult r = run_flowcost({"run", run_data("budgets.yaml"), "--format", "json", "-o", out.string(),
                              "--fail-above", "workflow=1e9"});
  CHECK(r.code == 3);
  auto j = nlohmann::json::parse(read_text_file(out.string()));
  REQUIRE(j["budgets"].size() == 3);
  CHECK(j["budgets"][0]["design"] == "workflow");
  CHECK(j["budgets"][0]["limit_usd"] == 1000000.0);
  CHECK(j["budgets"][0]["passed"] == true);
  CHECK(j["budgets"][0]["source"] == "scenario budgets:");
  CHECK(j["budgets"][1]["design"] == "rule");
  CHECK(j["budgets"][1]["limit_usd"] == 0.01);
  CHECK(j["budgets"][1]["mean_usd"] == j["designs"][1]["monthly_cost_usd"]["mean"]);
  CHECK(j["budgets"][1]["passed"] == false);
  CHECK(j["budgets"][2]["source"] == "--fail-above");
  CHECK(j["budgets"][2]["passed"] == true);
  CHECK(r.err.find("flowcost: over budget: rule: mean $") == 0);
  CHECK(r.err.find(" > budget $0.01, FAILED (scenario budgets:)\n") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("budgets: --fail-above passes (exit 0) or fails (exit 3); an unknown design is a positioned error") {
  const std::string tiny = run_data("tiny.yaml");
  CliResult pass = run_flowcost({"run", tiny, "--fail-above", "workflow=1000000", "--fail-above", "rule=1000000"});
  CHECK(pass.code == 0);
  CHECK(pass.out.find("budgets (mean monthly cost):\n  workflow: mean $") != std::string::npos);
  CHECK(pass.out.find(" <= budget $1,000,000.00, passed (--fail-above)\n") != std::string::npos);
  CliResult fail = run_flowcost({"run", tiny, "--format", "md", "--fail-above", "workflow=0"});
  CHECK(fail.code == 3);
  CHECK(fail.out.find("| workflow | \\$") != std::string::npos);
  CHECK(fail.out.find(" | \\$0.00 | **FAILED** | --fail-above |\n") != std::string::npos);
  CliResult unknown = run_flowcost({"run", tiny, "--fail-above", "workflw=10"});
  CHECK(unknown.code == 1);
  CHECK(unknown.out.empty());
  CHECK(unknown.err == "--fail-above: error: unknown design \"workflw\"; did you mean \"workflow\"?\n");
  CliResult malformed = run_flowcost({"run", tiny, "--fail-above", "workflow=lots"});
  CHECK(malformed.code == 1);
  CHECK(malformed.err ==
        "--fail-above: error: the budget of workflow must be a number of USD per month >= 0, got \"lots\"\n");
  const std::string scenario = run_data("budgets_unknown.yaml");
  CliResult bad = run_flowcost({"run", scenario});
  CHECK(bad.code == 1);
  CHECK(bad.err == scenario + ":35:3: error: unknown design \"rules\"; did you mean \"rule\"?\n"
                              "  rules: 5\n"
                              "  ^\n");
}

TEST_CASE("diff: table, Markdown and JSON of two run reports") {
  const std::string base = diff_data("base.json");
  const std::string head = diff_data("head.json");
  CliResult md = run_flowcost({"diff", "base.json", "head.json", "--format", "md"});
  CHECK(md.code == 1);  // relative to the test's working directory: no such files
  const fs::path dir = fs::path(FLOWCOST_TEST_DATA) / "diff";
  CliResult table = run_flowcost_in(dir, {"diff", "base.json", "head.json"});
  REQUIRE(table.code == 0);
  check_golden("diff.txt", table.out);
  CliResult markdown = run_flowcost_in(dir, {"diff", "base.json", "head.json", "--format", "md"});
  REQUIRE(markdown.code == 0);
  check_golden("diff.md", markdown.out);
  CliResult json = run_flowcost_in(dir, {"diff", "base.json", "head.json", "--format", "json"});
  REQUIRE(json.code == 0);
  check_golden("diff.json", json.out);
  auto j = nlohmann::json::parse(json.out);
  CHECK(j["designs"][0]["monthly_cost_usd"]["delta"] == 100.0);
  CHECK(j["designs"][1]["presence"] == "removed");
  CHECK(j["designs"][2]["presence"] == "added");
  CHECK(j["same_random_numbers"] == false);
}

TEST_CASE("diff: a file that is not a run report exits 1 with a positioned error") {
  const std::string sweep = diff_data("sweep.json");
  CliResult r = run_flowcost({"diff", diff_data("base.json"), sweep});
  CHECK(r.code == 1);
  CHECK(r.out.empty());
  CHECK(r.err == sweep + ":1:1: error: not a `flowcost run --format json` report: missing \"designs\"\n{\n^\n");
}

TEST_CASE("diff of a real run with itself changes nothing") {
  const fs::path dir = scratch_folder("diff_self");
  const fs::path report = dir / "r.json";
  REQUIRE(run_flowcost({"run", run_data("tiny.yaml"), "--format", "json", "-o", report.string()}).code == 0);
  CliResult r = run_flowcost({"diff", report.string(), report.string(), "--format", "json"});
  REQUIRE(r.code == 0);
  auto j = nlohmann::json::parse(r.out);
  CHECK(j["same_random_numbers"] == true);
  for (const auto& d : j["designs"]) {
    CHECK(d["monthly_cost_usd"]["delta"] == 0.0);
    CHECK(d["monthly_cost_usd"]["significant"] == false);
  }
  CHECK(j["inputs"].empty());
  CHECK(j["settings"].empty());
  fs::remove_all(dir);
}
