// `flowcost explain` end to end through run_cli (docs/cli.md "explain").
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <string>

#include "run_cli_helpers.h"

namespace flowcost {
namespace {

using testing::CliResult;
using testing::run_flowcost;

const std::string kArticle = std::string(FLOWCOST_SOURCE_DIR) + "/scenarios/article-choice.yaml";
const std::string kDesigns = std::string(FLOWCOST_TEST_DATA) + "/explain/designs.yaml";

TEST_CASE("explain: a table row per state and the totals", "[explain]") {
  CliResult r = run_flowcost({"explain", kArticle});
  REQUIRE(r.code == 0);
  CHECK(r.err.empty());
  CHECK(r.out.find("  DefaultState        Fail  0.2000       0.2000    1.0000    0.2000     $0.00000500\n") !=
        std::string::npos);
  CHECK(r.out.find("  expected transitions per execution: 3.8000\n") != std::string::npos);
  CHECK(r.out.find("  P(succeed): 0.8000; P(fail DefaultStateError): 0.2000\n") != std::string::npos);
}

TEST_CASE("explain: JSON keys and values", "[explain]") {
  CliResult r = run_flowcost({"explain", kDesigns, "--design", "retry", "--format", "json"});
  REQUIRE(r.code == 0);
  auto j = nlohmann::json::parse(r.out);
  CHECK(j["scenario"] == "explain-tests");
  REQUIRE(j["designs"].size() == 1);
  const auto& d = j["designs"][0];
  CHECK(d["name"] == "retry");
  CHECK(d["states"][0]["name"] == "Work");
  CHECK(std::fabs(d["states"][0]["attempts_per_visit"].get<double>() - 1.248) < 1e-12);
  CHECK(std::fabs(d["transitions_per_execution"].get<double>() - 1.248) < 1e-12);
  CHECK(std::fabs(d["failures"]["Custom.Error"].get<double>() - 0.0016) < 1e-12);
  CHECK(d["events_per_month"].get<double>() == 1000000.0);
  // 1.248 transitions x $0.000025 + 1.248 requests x $0.0000002 + 1.248 x 0.00625 GB-s x $0.0000166667
  const double per_execution = 1.248 * 0.000025 + 1.248 * 0.0000002 + 1.248 * 0.00625 * 0.0000166667;
  CHECK(d["cost_per_execution_usd"].get<double>() == Approx(per_execution).epsilon(1e-9));
  CHECK(d["monthly_cost_usd"].get<double>() == Approx(per_execution * 1e6).epsilon(1e-9));
  for (const char* key : {"states", "transitions_per_execution", "p_success", "failures", "meters_per_execution",
                          "cost_per_execution_usd", "events_per_month", "monthly_cost_usd", "notes"})
    CHECK(d.contains(key));
}

TEST_CASE("explain: CSV header and an IoT design's note", "[explain]") {
  CliResult csv = run_flowcost({"explain", kDesigns, "--design", "chain", "--format", "csv"});
  REQUIRE(csv.code == 0);
  CHECK(csv.out.rfind("design,state,type,depth,visits,transitions,attempts_per_visit,p_reach,cost_per_execution_usd\r\n"
                      "chain,Start,Pass,0,1,1,1,1,",
                      0) == 0);
  CliResult iot = run_flowcost({"explain", std::string(FLOWCOST_SOURCE_DIR) + "/scenarios/iot-telemetry.yaml"});
  REQUIRE(iot.code == 0);
  CHECK(iot.out.find("  note: explain covers Step Functions designs; use run\n") != std::string::npos);
}

TEST_CASE("explain: an unknown design is an input error (exit 1)", "[explain]") {
  CliResult r = run_flowcost({"explain", kArticle, "--design", "article-choise"});
  CHECK(r.code == 1);
  CHECK(r.err.find("unknown design \"article-choise\"; did you mean \"article-choice\"?") != std::string::npos);
  CHECK(run_flowcost({"explain", kDesigns + ".missing"}).code == 1);
}

}  // namespace
}  // namespace flowcost

namespace flowcost {
namespace {

TEST_CASE("explain: a loop that is never left is an input error at the design", "[explain]") {
  const std::string designs = std::string(FLOWCOST_TEST_DATA) + "/sfn/designs.yaml";
  testing::CliResult r = testing::run_flowcost({"explain", designs, "--design", "loop"});
  CHECK(r.code == 1);
  CHECK(r.err.find("designs.yaml:") != std::string::npos);
  CHECK(r.err.find("error: design \"loop\": state \"Ping\" starts a loop that is never left, so executions never end") !=
        std::string::npos);
}

}  // namespace
}  // namespace flowcost
