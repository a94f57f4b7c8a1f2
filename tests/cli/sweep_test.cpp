// `flowcost sweep` end to end on tests/data/whatif/breakeven.yaml, whose two designs cost straight lines in
// the message count (see the file's comment): with 1,000 devices the saving of `rules` against `workflow` is
// 48.7e-6 x messages - 3.456 USD a month, zero at 70,965.09 messages.
#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>

#include "run_cli_helpers.h"

using flowcost::testing::run_flowcost;

namespace {

std::string whatif_data(const std::string& name) { return std::string(FLOWCOST_TEST_DATA) + "/whatif/" + name; }

const double kBreakEvenMessages = 3.456 / 48.7e-6;  // 70,965.092...

double saving(double messages) { return 48.7e-6 * messages - 3.456; }

}  // namespace

TEST_CASE("sweep: costs at each point and the break-even located within the bracket rule", "[sweep]") {
  auto r = run_flowcost({"sweep", whatif_data("breakeven.yaml"), "--vary", "messages=10000..200000:5", "--set",
                         "devices=1000", "--format", "json"});
  INFO(r.err);
  REQUIRE(r.code == 0);
  auto j = nlohmann::json::parse(r.out);
  CHECK(j["scenario"] == "breakeven");
  CHECK(j["seed"] == 3);
  CHECK(j["draws"] == 3);
  CHECK(j["vary"]["name"] == "messages");
  CHECK(j["vary"]["scale"] == "linear");
  CHECK(j["vary"]["points"] == 5);
  REQUIRE(j["points"].size() == 5);
  const std::vector<double> values{10000, 57500, 105000, 152500, 200000};
  for (std::size_t i = 0; i < 5; ++i) {
    const auto& p = j["points"][i];
    CHECK(p["value"].get<double>() == values[i]);
    CHECK(p["designs"][0]["name"] == "workflow");
    CHECK(p["designs"][0]["monthly_cost_usd"]["mean"].get<double>() == Approx(50e-6 * values[i]).epsilon(1e-12));
    CHECK(p["designs"][1]["monthly_cost_usd"]["mean"].get<double>() ==
          Approx(1.3e-6 * values[i] + 3.456).epsilon(1e-12));
    CHECK(p["comparisons"][0]["candidate"] == "rules");
    CHECK(p["comparisons"][0]["saving_usd_mean"].get<double>() == Approx(saving(values[i])).epsilon(1e-12));
  }
  REQUIRE(j["break_even"].size() == 1);
  const auto& b = j["break_even"][0];
  CHECK(b["baseline"] == "workflow");
  CHECK(b["candidate"] == "rules");
  CHECK(b["candidate_cheaper"] == "above");
  // The bracket [57,500, 105,000] is halved until within 1% of the crossing (710): 7 halvings would be
  // needed, the cap is 6, so the bracket ends 47,500 / 64 = 742.19 wide, around the exact crossing.
  CHECK(b["extra_runs"] == 6);
  const double lo = b["bracket"][0].get<double>(), hi = b["bracket"][1].get<double>();
  CHECK(hi - lo == Approx(47500.0 / 64).epsilon(1e-12));
  CHECK(lo <= kBreakEvenMessages);
  CHECK(hi >= kBreakEvenMessages);
  CHECK(b["value"].get<double>() == Approx(kBreakEvenMessages).epsilon(1e-9));
  CHECK(j["no_break_even"].empty());
}

TEST_CASE("sweep: a log grid, table and CSV output", "[sweep]") {
  auto table = run_flowcost({"sweep", whatif_data("breakeven.yaml"), "--vary", "messages=10000..1000000:log:3", "--set",
                             "devices=1000"});
  INFO(table.err);
  REQUIRE(table.code == 0);
  CHECK(table.out.find("messages = 70,965 (bracket ") != std::string::npos);
  CHECK(table.out.find("rules is cheaper above it") != std::string::npos);
  auto csv = run_flowcost({"sweep", whatif_data("breakeven.yaml"), "--vary", "messages=10000..1000000:log:3", "--set",
                           "devices=1000", "--format", "csv"});
  REQUIRE(csv.code == 0);
  CHECK(csv.out.rfind("point,input,value,design,cost_usd_mean,cost_usd_p05,cost_usd_p95,saving_usd_mean\r\n"
                      "1,messages,10000,workflow,0.5,0.5,0.5,\r\n",
                      0) == 0);
  CHECK(csv.out.find("\r\n2,messages,100000,rules,") != std::string::npos);
  CHECK(csv.out.find("\r\n3,messages,1000000,workflow,50,50,50,\r\n") != std::string::npos);
}

TEST_CASE("sweep: no break-even in the range", "[sweep]") {
  auto r = run_flowcost({"sweep", whatif_data("breakeven.yaml"), "--vary", "messages=100000..200000:3", "--set",
                         "devices=1000"});
  INFO(r.err);
  REQUIRE(r.code == 0);
  CHECK(r.out.find("rules vs workflow: no break-even in the range (rules is cheaper throughout)") != std::string::npos);
}

TEST_CASE("sweep: an unknown input and malformed ranges are positioned errors", "[sweep]") {
  auto unknown = run_flowcost({"sweep", whatif_data("breakeven.yaml"), "--vary", "mesages=1..2"});
  CHECK(unknown.code == 1);
  CHECK(unknown.out.empty());
  CHECK(unknown.err == "--vary: error: unknown input \"mesages\"; did you mean \"messages\"?\n");
  auto no_range = run_flowcost({"sweep", whatif_data("breakeven.yaml"), "--vary", "messages=10-20"});
  CHECK(no_range.code == 1);
  CHECK(no_range.err == "--vary: error: \"10-20\" is not a range FROM..TO (expected NAME=FROM..TO[:log][:N], e.g. "
                        "devices=1000..20000:log:7)\n");
  auto bad = run_flowcost({"sweep", whatif_data("breakeven.yaml"), "--vary", "messages=20..1x:lg"});
  CHECK(bad.code == 1);
  CHECK(bad.err.find("--vary: error: TO \"1x\" is not a number") == 0);
  CHECK(bad.err.find("--vary: error: \"lg\" after ':' must be log, linear or a number of points from 2 to 101\n") !=
        std::string::npos);
  auto reversed = run_flowcost({"sweep", whatif_data("breakeven.yaml"), "--vary", "messages=200..100"});
  CHECK(reversed.code == 1);
  CHECK(reversed.err == "--vary: error: FROM (200) must be less than TO (100)\n");
  auto log_zero = run_flowcost({"sweep", whatif_data("breakeven.yaml"), "--vary", "messages=0..100:log"});
  CHECK(log_zero.code == 1);
  CHECK(log_zero.err == "--vary: error: a :log range needs FROM > 0, got 0\n");
}

TEST_CASE("sweep: -o writes the same output to a file, never over the scenario", "[sweep]") {
  auto dir = flowcost::testing::scratch_folder("sweep_output");
  const std::string file = (dir / "sweep.json").string();
  const std::vector<std::string> common{"sweep", whatif_data("breakeven.yaml"), "--vary", "messages=10000..200000:3",
                                        "--format", "json"};
  auto to_stdout = run_flowcost(common);
  REQUIRE(to_stdout.code == 0);
  auto with_o = common;
  with_o.insert(with_o.end(), {"-o", file});
  auto to_file = run_flowcost(with_o);
  REQUIRE(to_file.code == 0);
  CHECK(to_file.out.empty());
  std::ifstream in(file);
  std::stringstream text;
  text << in.rdbuf();
  CHECK(text.str() == to_stdout.out);
  auto over_input = common;
  over_input.insert(over_input.end(), {"-o", whatif_data("breakeven.yaml")});
  CHECK(run_flowcost(over_input).code == 1);
  std::filesystem::remove_all(dir);
}
