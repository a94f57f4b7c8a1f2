// Every shipped scenario (scenarios/*.yaml) under every shipped price table (pricing/tables/*.yaml), with few
// draws and executions to stay fast: each pair runs (exit 0), so a table or scenario added that does not run
// under all the others fails here. A meter that a table prices with another table's figure (its `assumed:`,
// docs/price-tables.md "Borrowed prices") is listed in each design's assumptions as borrowed_price.METER,
// exactly for the borrowed meters the design used. Under --strict-prices a pair either runs or fails with one
// error line per design, naming only meters the table borrows, and nothing on standard output.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <set>
#include <sstream>

#include "pricing/table_loader.h"
#include "run_cli_helpers.h"

using namespace flowcost::testing;
namespace fs = std::filesystem;

namespace {

std::vector<fs::path> yaml_files(const std::string& dir) {
  std::vector<fs::path> out;
  for (const auto& entry : fs::directory_iterator(dir))
    if (entry.path().extension() == ".yaml") out.push_back(entry.path());
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

const std::string kBorrowed = "borrowed_price.";

}  // namespace

TEST_CASE("every shipped scenario runs under every shipped price table") {
  const auto scenarios = yaml_files(FLOWCOST_SCENARIOS_DIR);
  const auto tables = yaml_files(FLOWCOST_TABLES_DIR);
  REQUIRE(scenarios.size() >= 4);
  REQUIRE(tables.size() >= 2);
  std::size_t borrowing_designs = 0;
  for (const auto& table_path : tables) {
    const auto table = flowcost::pricing::load_price_table(table_path.string());
    for (const auto& scenario : scenarios) {
      const std::string pair_name = scenario.stem().string() + " x " + table.name;
      INFO(pair_name);
      const std::vector<std::string> args = {"run", scenario.string(), "--prices", table.name, "--draws", "4",
                                             "--executions", "20", "--format", "json"};
      CliResult r = run_flowcost(args);
      INFO(r.err);
      REQUIRE(r.code == 0);
      const auto j = nlohmann::json::parse(r.out);
      for (const auto& d : j["designs"]) {
        std::set<std::string> used, listed;
        for (const auto& [meter, value] : d["meters"].items())
          if (table.assumed.count(meter)) used.insert(meter);
        for (const auto& [name, value] : d["assumptions"].items()) {
          if (name.rfind(kBorrowed, 0) != 0) continue;
          listed.insert(name.substr(kBorrowed.size()));
          CHECK(value == table.assumed.at(name.substr(kBorrowed.size())).from_table);
        }
        CHECK(used == listed);
        if (!used.empty()) ++borrowing_designs;
      }
      if (table.assumed.empty()) continue;
      std::vector<std::string> strict_args = args;
      strict_args.push_back("--strict-prices");
      CliResult s = run_flowcost(strict_args);
      INFO(s.err);
      if (s.code == 0) continue;
      CHECK(s.code == 1);
      CHECK(s.out == "");
      std::set<std::string> designs;
      for (const auto& line : lines_of(s.err)) {
        if (line.find(": error: ") == std::string::npos) continue;
        const auto name_at = line.find("design \"") + 8;
        const std::string design = line.substr(name_at, line.find('"', name_at) - name_at);
        CHECK(designs.insert(design).second);  // one line per design
        CHECK(line.find("price table \"" + table.name + "\"") != std::string::npos);
        // Every other quoted name of the line (after the design and the table) is a meter the table borrows.
        std::vector<std::string> quoted;
        for (std::size_t q = line.find('"'); q != std::string::npos; q = line.find('"', line.find('"', q + 1) + 1))
          quoted.push_back(line.substr(q + 1, line.find('"', q + 1) - q - 1));
        std::size_t meters = 0;
        for (std::size_t i = 1; i < quoted.size(); ++i) {
          if (quoted[i] == table.name) continue;
          CHECK(table.assumed.count(quoted[i]) == 1);
          ++meters;
        }
        CHECK(meters > 0);
      }
      CHECK_FALSE(designs.empty());
    }
  }
  CHECK(borrowing_designs > 0);  // iot-telemetry's Express and IoT rules designs under aws-eu-west-1
}
