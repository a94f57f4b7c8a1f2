// `flowcost advise` end to end through run_cli (docs/cli.md "advise").
#include <catch2/catch.hpp>

#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <string>

#include "run_cli_helpers.h"

namespace flowcost {
namespace {

using testing::CliResult;
using testing::run_flowcost;

const std::string kPromotion = std::string(FLOWCOST_SOURCE_DIR) + "/scenarios/promotion-approval.yaml";
const std::string kTelemetry = std::string(FLOWCOST_SOURCE_DIR) + "/scenarios/iot-telemetry.yaml";

TEST_CASE("advise: JSON patterns, a refused Express alternative and the verdict", "[advise]") {
  CliResult r = run_flowcost({"advise", kPromotion, "--draws", "4", "--executions", "200", "--format", "json"});
  REQUIRE(r.code == 0);
  auto j = nlohmann::json::parse(r.out);
  CHECK(j["scenario"] == "promotion-approval");
  CHECK(j["draws"] == 4);
  REQUIRE(j["designs"].size() == 1);
  const auto& d = j["designs"][0];
  CHECK(d["name"] == "promotion-approval");
  for (const char* key : {"mean", "p05", "p50", "p95"}) CHECK(d["monthly_cost_usd"][key].is_number());
  CHECK(d["patterns"]["decisions"]["found"] == true);
  CHECK(d["patterns"]["decisions"]["states"] == nlohmann::json::array({"AutomatedChecks", "ApprovalDecision"}));
  CHECK(d["patterns"]["failure_handling"]["states"] == nlohmann::json::array({"RequestManagerApproval"}));
  CHECK(d["patterns"]["long_running"]["states"] == nlohmann::json::array({"RequestManagerApproval"}));
  const auto& express = d["alternatives"][0];
  CHECK(express["name"] == "express");
  CHECK(express["kind"] == "workflow");
  CHECK(express["allowed"] == false);
  CHECK(express["monthly_cost_usd"].is_null());
  CHECK(express["saving_usd"].is_null());
  CHECK(express["p_cheaper"].is_null());
  const auto& arch = d["alternatives"][2];
  CHECK(arch["name"] == "lambda-x86_64");
  CHECK(arch["allowed"] == true);
  for (const char* key : {"mean", "p05", "p95"}) {
    CHECK(arch["monthly_cost_usd"][key].is_number());
    CHECK(arch["saving_usd"][key].is_number());
  }
  CHECK(arch["p_cheaper"].is_number());
  CHECK(d["verdict"] == "3 of 3 patterns: Step Functions fits");
}

TEST_CASE("advise: the table names the patterns, the alternatives and the verdict", "[advise]") {
  CliResult r = run_flowcost({"advise", kTelemetry, "--draws", "4", "--executions", "300"});
  REQUIRE(r.code == 0);
  CHECK(r.out.rfind("flowcost advise: iot-telemetry (4 draws x 300 executions, seed 1, prices aws-us-east-1 ", 0) == 0);
  CHECK(r.out.find("\nstep-functions-standard: $") != std::string::npos);
  CHECK(r.out.find("  decisions: yes, IsAlarm (Choice between 2 next states)\n") != std::string::npos);
  CHECK(r.out.find("  failure handling: no\n") != std::string::npos);
  CHECK(r.out.find("  long running: no\n") != std::string::npos);
  CHECK(r.out.find("\n  alternative ") != std::string::npos);
  CHECK(r.out.find("  map-children: not derivable: the definition has no Distributed Map\n") != std::string::npos);
  CHECK(r.out.find("  verdict: 1 pattern: the cheapest alternative (") != std::string::npos);
}

TEST_CASE("advise: -o never replaces a file the loaders read (the definition)", "[advise]") {
  auto dir = testing::scratch_folder("advise_inputs");
  const std::string data = std::string(FLOWCOST_TEST_DATA) + "/run/";
  for (const char* name : {"tiny.yaml", "tiny.asl.json"}) {
    std::ifstream in(data + name, std::ios::binary);
    std::ofstream out(dir / name, std::ios::binary);
    out << in.rdbuf();
  }
  const std::string definition = (dir / "tiny.asl.json").string();
  std::string before;
  {
    std::ifstream in(definition, std::ios::binary);
    before.assign(std::istreambuf_iterator<char>(in), {});
  }
  CliResult r = run_flowcost({"advise", (dir / "tiny.yaml").string(), "--draws", "2", "--executions", "20", "-o", definition});
  CHECK(r.code == 1);
  CHECK(r.err.find(definition + ": error: refusing to overwrite input file ") != std::string::npos);
  std::ifstream in(definition, std::ios::binary);
  CHECK(std::string(std::istreambuf_iterator<char>(in), {}) == before);
}

TEST_CASE("advise: -o writes the report atomically; --rel-error is refused", "[advise]") {
  auto dir = testing::scratch_folder("advise");
  const std::string path = (dir / "advice.md").string();
  CliResult r = run_flowcost({"advise", kPromotion, "--draws", "2", "--executions", "100", "--format", "md", "-o", path});
  REQUIRE(r.code == 0);
  CHECK(r.out.empty());
  std::ifstream in(path);
  std::string first;
  std::getline(in, first);
  CHECK(first == "# flowcost advise: promotion-approval");

  CliResult bad = run_flowcost({"advise", kPromotion, "--rel-error", "0.01"});
  CHECK(bad.code == 1);
  CHECK(bad.err.find("advise runs a fixed number of draws (--draws); --rel-error and --max-draws do not apply") !=
        std::string::npos);
}

}  // namespace
}  // namespace flowcost
