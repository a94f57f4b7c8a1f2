// Every shipped scenario (scenarios/*.yaml) under every shipped price table (pricing/tables/*.yaml), with few
// draws and executions to stay fast: each pair runs (exit 0), except the pairs listed in kUnpricedPairs, where
// the table lists under `gaps:` a meter the scenario uses (no sourced regional price yet). Those fail with one
// error line per design, naming only meters the table lists as gaps, and nothing on standard output.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <set>
#include <sstream>
#include <utility>

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

// (scenario stem, table name): the table cannot price every meter the scenario uses (docs/price-tables.md).
const std::set<std::pair<std::string, std::string>> kUnpricedPairs = {
    {"iot-telemetry", "aws-eu-west-1"},  // Express and IoT rules-engine prices have no Ireland source yet
};

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

}  // namespace

TEST_CASE("every shipped scenario runs under every shipped price table") {
  const auto scenarios = yaml_files(FLOWCOST_SCENARIOS_DIR);
  const auto tables = yaml_files(FLOWCOST_TABLES_DIR);
  REQUIRE(scenarios.size() >= 4);
  REQUIRE(tables.size() >= 2);
  for (const auto& table_path : tables) {
    const auto table = flowcost::pricing::load_price_table(table_path.string());
    for (const auto& scenario : scenarios) {
      const std::string pair_name = scenario.stem().string() + " x " + table.name;
      SECTION(pair_name) {
        CliResult r = run_flowcost({"run", scenario.string(), "--prices", table.name, "--draws", "4", "--executions",
                                    "20", "--format", "json"});
        INFO(pair_name << "\n" << r.err);
        if (!kUnpricedPairs.count({scenario.stem().string(), table.name})) {
          CHECK(r.code == 0);
          continue;
        }
        CHECK(r.code == 1);
        CHECK(r.out == "");
        std::set<std::string> designs;
        for (const auto& line : lines_of(r.err)) {
          if (line.find(": error: ") == std::string::npos) continue;
          const auto name_at = line.find("design \"") + 8;
          const std::string design = line.substr(name_at, line.find('"', name_at) - name_at);
          CHECK(designs.insert(design).second);  // one line per design
          CHECK(line.find("price table \"" + table.name + "\"") != std::string::npos);
          // Every other quoted name of the line (after the design and the table) is a meter the table lists as a gap.
          std::vector<std::string> quoted;
          for (std::size_t q = line.find('"'); q != std::string::npos; q = line.find('"', line.find('"', q + 1) + 1))
            quoted.push_back(line.substr(q + 1, line.find('"', q + 1) - q - 1));
          std::size_t meters = 0;
          for (std::size_t i = 1; i < quoted.size(); ++i) {
            if (quoted[i] == table.name) continue;
            CHECK(table.gaps.count(quoted[i]) == 1);
            ++meters;
          }
          CHECK(meters > 0);
        }
        CHECK_FALSE(designs.empty());
      }
    }
  }
}
