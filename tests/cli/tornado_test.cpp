// `flowcost tornado` end to end on tests/data/whatif/breakeven.yaml: the saving of `rules` against `workflow`
// is 48.7e-6 x messages - 0.003456 x devices USD a month (see the file's comment), with devices uniform on
// [500, 1500] and messages uniform on [10,000, 200,000].
#include <catch2/catch.hpp>
#include <cmath>
#include <nlohmann/json.hpp>

#include "run_cli_helpers.h"

using flowcost::testing::run_flowcost;

namespace {

std::string whatif_data(const std::string& name) { return std::string(FLOWCOST_TEST_DATA) + "/whatif/" + name; }

double saving(double messages, double devices) { return 48.7e-6 * messages - 0.003456 * devices; }

// Four standard errors of the p-quantile of 10,001 uniform samples on an interval of `width`.
double quantile_tolerance(double p, double width) { return 4 * width * std::sqrt(p * (1 - p) / 10001); }

}  // namespace

TEST_CASE("tornado: one-way swings of the saving, largest first, and the flip", "[tornado]") {
  auto r = run_flowcost({"tornado", whatif_data("breakeven.yaml"), "--format", "json"});
  INFO(r.err);
  REQUIRE(r.code == 0);
  auto j = nlohmann::json::parse(r.out);
  CHECK(j["scenario"] == "breakeven");
  REQUIRE(j["inputs"].size() == 2);
  const auto& devices = j["inputs"][0];
  const auto& messages = j["inputs"][1];
  CHECK(devices["name"] == "devices");
  CHECK(messages["name"] == "messages");
  const double d05 = devices["p05"], d50 = devices["p50"], d95 = devices["p95"];
  const double m05 = messages["p05"], m50 = messages["p50"], m95 = messages["p95"];
  CHECK(std::fabs(d05 - 550) <= quantile_tolerance(0.05, 1000));
  CHECK(std::fabs(d50 - 1000) <= quantile_tolerance(0.5, 1000));
  CHECK(std::fabs(d95 - 1450) <= quantile_tolerance(0.95, 1000));
  CHECK(std::fabs(m05 - 19500) <= quantile_tolerance(0.05, 190000));
  CHECK(std::fabs(m50 - 105000) <= quantile_tolerance(0.5, 190000));
  CHECK(std::fabs(m95 - 190500) <= quantile_tolerance(0.95, 190000));

  // Every cost is exact given the fixed inputs, so the savings follow the closed form.
  CHECK(j["base"]["designs"][0]["monthly_cost_usd"]["mean"].get<double>() == Approx(50e-6 * m50).margin(1e-9));
  CHECK(devices["designs"][1]["cost_usd_low"].get<double>() == Approx(1.3e-6 * m50 + 0.003456 * d05).margin(1e-9));
  CHECK(devices["designs"][1]["cost_usd_high"].get<double>() == Approx(1.3e-6 * m50 + 0.003456 * d95).margin(1e-9));
  REQUIRE(j["comparisons"].size() == 1);
  const auto& pair = j["comparisons"][0];
  CHECK(pair["baseline"] == "workflow");
  CHECK(pair["candidate"] == "rules");
  CHECK(pair["base_saving_usd"].get<double>() == Approx(saving(m50, d50)).epsilon(1e-9));
  REQUIRE(pair["bars"].size() == 2);
  const auto& first = pair["bars"][0];
  const auto& second = pair["bars"][1];
  // messages swings 48.7e-6 x 171,000 = $8.33, devices 0.003456 x 900 = $3.11.
  CHECK(first["input"] == "messages");
  CHECK(first["saving_usd_low"].get<double>() == Approx(saving(m05, d50)).epsilon(1e-9));
  CHECK(first["saving_usd_high"].get<double>() == Approx(saving(m95, d50)).epsilon(1e-9));
  CHECK(first["swing_usd"].get<double>() == Approx(48.7e-6 * (m95 - m05)).epsilon(1e-9));
  CHECK(first["flips"] == true);  // -$2.51 at the 5th percentile of messages, +$1.66 at the base
  CHECK(second["input"] == "devices");
  CHECK(second["swing_usd"].get<double>() == Approx(0.003456 * (d95 - d05)).epsilon(1e-9));
  CHECK(second["flips"] == false);  // +$3.21 to +$0.10
  CHECK(pair["summary"] == "For rules vs workflow, messages decides the answer (swing $8.33); the decision flips "
                           "within the 5-95% range of messages.");
}

TEST_CASE("tornado: table and CSV", "[tornado]") {
  auto table = run_flowcost({"tornado", whatif_data("breakeven.yaml")});
  INFO(table.err);
  REQUIRE(table.code == 0);
  CHECK(table.out.find("Saving of rules vs workflow (base $1.6") != std::string::npos);
  CHECK(table.out.find("  For rules vs workflow, messages decides the answer (swing $8.33); the decision flips "
                       "within the 5-95% range of messages.\n") != std::string::npos);
  auto csv = run_flowcost({"tornado", whatif_data("breakeven.yaml"), "--format", "csv"});
  REQUIRE(csv.code == 0);
  CHECK(csv.out.rfind("input,p05,p50,p95,design,cost_usd_low,cost_usd_high,baseline,saving_usd_low,saving_usd_high,"
                      "swing_usd\r\n",
                      0) == 0);
  CHECK(csv.out.find("\r\nmessages,") != std::string::npos);
}

TEST_CASE("tornado: a decision that holds across every input's range", "[tornado]") {
  auto r = run_flowcost({"tornado", whatif_data("breakeven.yaml"), "--set", "messages={uniform: [150000, 200000]}",
                         "--format", "json"});
  INFO(r.err);
  REQUIRE(r.code == 0);
  auto j = nlohmann::json::parse(r.out);
  const auto& pair = j["comparisons"][0];
  CHECK(pair["bars"][0]["flips"] == false);
  CHECK(pair["bars"][1]["flips"] == false);
  const std::string summary = pair["summary"];
  CHECK(summary.find("the decision (rules cheaper) holds across the 5-95% range of every input.") != std::string::npos);
}
