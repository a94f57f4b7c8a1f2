// Every shipped scenario (scenarios/*.yaml) run as `flowcost run SCENARIO --format csv --threads 2` must
// match its golden CSV in tests/data/golden/scenarios/ (numbers within a relative 1e-9, text exact).
// After an intended change of results, regenerate with
//   FLOWCOST_UPDATE_GOLDEN=1 build/tests/tests_cli "golden*"
// and review the diff of tests/data/golden/ before committing it.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>

#include "golden_compare.h"
#include "run_cli_helpers.h"

using namespace flowcost::testing;
namespace fs = std::filesystem;

TEST_CASE("golden CSV of every shipped scenario") {
  std::vector<fs::path> scenarios;
  for (const auto& entry : fs::directory_iterator(FLOWCOST_SCENARIOS_DIR))
    if (entry.path().extension() == ".yaml") scenarios.push_back(entry.path());
  std::sort(scenarios.begin(), scenarios.end());
  REQUIRE_FALSE(scenarios.empty());
  const fs::path golden_dir = fs::path(FLOWCOST_TEST_DATA) / "golden" / "scenarios";
  for (const auto& scenario : scenarios) {
    SECTION(scenario.filename().string()) {
      CliResult r = run_flowcost({"run", scenario.string(), "--format", "csv", "--threads", "2"});
      INFO(r.err);
      REQUIRE(r.code == 0);
      fs::path golden = golden_dir / (scenario.stem().string() + ".csv");
      if (update_golden_requested()) {
        fs::create_directories(golden_dir);
        write_text_file(golden.string(), r.out);
      }
      INFO("golden file " << golden.string() << " (regenerate with FLOWCOST_UPDATE_GOLDEN=1)");
      REQUIRE(fs::exists(golden));
      CHECK(csv_difference(read_text_file(golden.string()), r.out) == "");
    }
  }
}
