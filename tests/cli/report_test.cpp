// `flowcost report` end to end: the page holds the run's numbers (the same as `flowcost run` at the same
// settings), its tornado and sweep; the same inputs and seed give the same bytes; bad input exits 1 and
// writes nothing; -o never overwrites an input.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "run_cli_helpers.h"

using flowcost::testing::run_flowcost;
using flowcost::testing::scratch_folder;

namespace {

std::string whatif_data(const std::string& name) { return std::string(FLOWCOST_TEST_DATA) + "/whatif/" + name; }

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::size_t count_of(const std::string& text, const std::string& part) {
  std::size_t n = 0;
  for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("report: the page, twice the same bytes, with the run's numbers and the sweep's break-even", "[report]") {
  const auto dir = scratch_folder("report_page");
  const std::string scenario = whatif_data("breakeven.yaml");
  const std::vector<std::string> args{"report", scenario, "--set", "devices=1000", "--vary", "messages=10000..200000:5"};
  auto first = args, second = args;
  first.insert(first.end(), {"-o", (dir / "a.html").string(), "--threads", "2"});
  second.insert(second.end(), {"-o", (dir / "b.html").string(), "--threads", "1"});
  auto a = run_flowcost(first);
  INFO(a.err);
  REQUIRE(a.code == 0);
  CHECK(a.out.empty());
  auto b = run_flowcost(second);
  INFO(b.err);
  REQUIRE(b.code == 0);
  const std::string page = read_file(dir / "a.html");
  CHECK(page == read_file(dir / "b.html"));  // another thread count, the same bytes
  CHECK(page.rfind("<!DOCTYPE html>", 0) == 0);
  for (const std::string id : {"chart-bill", "chart-lines", "chart-saving", "chart-tornado-1", "chart-sweep",
                               "chart-latency"})
    CHECK(count_of(page, "<svg id=\"" + id + "\"") == 1);

  // The run's numbers are `flowcost run`'s at the same settings.
  auto run = run_flowcost({"run", scenario, "--set", "devices=1000", "--format", "json"});
  REQUIRE(run.code == 0);
  const auto j = nlohmann::json::parse(run.out);
  CHECK(page.find("<tr><th>seed</th><td>" + std::to_string(j["seed"].get<int>()) + "</td></tr>") != std::string::npos);
  CHECK(page.find("<code>devices=1000</code>") != std::string::npos);
  CHECK(page.find("flowcost run " + scenario + " --seed 3 --draws 3 --executions") != std::string::npos);
  CHECK(page.find("flowcost report " + scenario + " --seed 3 --set devices=1000 --vary messages=10000..200000:5 -o review.html") !=
        std::string::npos);
  // The break-even of tests/cli/sweep_test.cpp (70,965 messages), in the verdict and under the sweep chart.
  CHECK(count_of(page, "rules vs workflow: messages = 70,") >= 2);
}

TEST_CASE("report: bad input exits 1 and writes nothing", "[report]") {
  const auto dir = scratch_folder("report_bad");
  const auto out = dir / "review.html";
  auto unknown = run_flowcost({"report", whatif_data("breakeven.yaml"), "--vary", "mesages=1..2", "-o", out.string()});
  CHECK(unknown.code == 1);
  CHECK(unknown.err == "--vary: error: unknown input \"mesages\"; did you mean \"messages\"?\n");
  CHECK_FALSE(std::filesystem::exists(out));
  auto missing = run_flowcost({"report", (dir / "nope.yaml").string(), "-o", out.string()});
  CHECK(missing.code == 1);
  CHECK_FALSE(std::filesystem::exists(out));
  CHECK(std::filesystem::is_empty(dir));
}

TEST_CASE("report: -o never writes over the scenario", "[report]") {
  const auto dir = scratch_folder("report_input");
  const auto copy = dir / "breakeven.yaml";
  std::filesystem::copy_file(whatif_data("breakeven.yaml"), copy);
  const std::string before = read_file(copy);
  auto r = run_flowcost({"report", copy.string(), "-o", copy.string()});
  CHECK(r.code == 1);
  CHECK(read_file(copy) == before);
}
