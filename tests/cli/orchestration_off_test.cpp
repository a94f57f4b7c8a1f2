// With every orchestration latency 0 (docs/billing-rules.md section 8) the model is off: each shipped
// scenario's CSV equals, byte for byte, the output flowcost gave before the model existed
// (tests/data/golden/orchestration_off/, kept from then), apart from the rows that list the latency
// settings themselves (`setting:express_latency.*`, `setting:standard_latency.*`, `setting:iot_latency.*`).
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <sstream>
#include <string>

#include "golden_compare.h"
#include "run_cli_helpers.h"

using namespace flowcost::testing;
namespace fs = std::filesystem;

namespace {

// The CSV without the rows of the latency settings.
std::string without_latency_settings(const std::string& csv) {
  std::istringstream in(csv);
  std::string line, out;
  while (std::getline(in, line))
    if (line.find(",setting:express_latency.") == std::string::npos &&
        line.find(",setting:standard_latency.") == std::string::npos &&
        line.find(",setting:iot_latency.") == std::string::npos)
      out += line + "\n";
  return out;
}

// The shipped us-east-1 table with every orchestration latency set to 0.
std::string zero_latency_table(const fs::path& dir) {
  std::string text = read_text_file(std::string(FLOWCOST_SOURCE_DIR) + "/pricing/tables/aws-us-east-1.yaml");
  const std::string zeros = "{execution_start_ms: 0, state_entered_ms: 0, task_dispatch_ms: 0, choice_ms: 0, "
                            "wait_ms: 0, branch_start_ms: 0}";
  const std::size_t at = text.find("\nmetering:\n");
  REQUIRE(at != std::string::npos);
  text.insert(at + 11, "  express_latency: " + zeros + "\n  standard_latency: " + zeros + "\n");
  const fs::path table = dir / "aws-us-east-1-no-orchestration.yaml";
  write_text_file(table.string(), text);
  return table.string();
}

}  // namespace

TEST_CASE("orchestration latency 0: every shipped scenario gives today's numbers byte for byte") {
  const fs::path dir = scratch_folder("orchestration_off");
  const std::string table = zero_latency_table(dir);
  std::vector<fs::path> scenarios;
  for (const auto& entry : fs::directory_iterator(FLOWCOST_SCENARIOS_DIR))
    if (entry.path().extension() == ".yaml") scenarios.push_back(entry.path());
  std::sort(scenarios.begin(), scenarios.end());
  REQUIRE_FALSE(scenarios.empty());
  for (const auto& scenario : scenarios) {
    SECTION(scenario.filename().string()) {
      CliResult r = run_flowcost({"run", scenario.string(), "--format", "csv", "--threads", "2", "--prices", table});
      INFO(r.err);
      REQUIRE(r.code == 0);
      const fs::path before =
          fs::path(FLOWCOST_TEST_DATA) / "golden" / "orchestration_off" / (scenario.stem().string() + ".csv");
      REQUIRE(fs::exists(before));
      CHECK(without_latency_settings(r.out) == without_latency_settings(read_text_file(before.string())));
    }
  }
  fs::remove_all(dir);
}
