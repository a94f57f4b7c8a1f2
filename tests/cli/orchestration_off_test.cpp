// With every orchestration latency 0 (docs/billing-rules.md section 8) the model is off: each shipped
// scenario's CSV equals, byte for byte, the output flowcost gave before the model existed
// (tests/data/golden/orchestration_off/, kept from then), apart from the rows that list the latency
// settings themselves (`setting:express_latency.*`, `setting:standard_latency.*`, `setting:iot_latency.*`). The
// golden files keep the CSV columns of then; today's CSV is brought back to them (old_layout) before comparing.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <sstream>
#include <string>

#include "golden_compare.h"
#include "reports/csv_text.h"
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

// Today's run CSV in the columns of the golden files: scenario, design, line_item (METER/LINE, total,
// unpriced:STATE, setting:NAME), unit, quantity_mean, cost_usd_mean, cost_usd_p05, cost_usd_p50, cost_usd_p95,
// per_execution_cost_usd, saving_usd_mean, saving_fraction_mean, p_candidate_cheaper, detail.
std::string old_layout(const std::string& csv) {
  std::ostringstream out;
  const auto records = split_csv(csv);
  REQUIRE_FALSE(records.empty());
  REQUIRE(records.front().size() == 24);
  flowcost::reports::write_csv_record(
      out, {"scenario", "design", "line_item", "unit", "quantity_mean", "cost_usd_mean", "cost_usd_p05", "cost_usd_p50",
            "cost_usd_p95", "per_execution_cost_usd", "saving_usd_mean", "saving_fraction_mean", "p_candidate_cheaper",
            "detail"});
  for (std::size_t i = 1; i < records.size(); ++i) {
    const auto& r = records[i];
    REQUIRE(r.size() == 24);
    const std::string item = r[2] == "line" ? r[3] + "/" + r[4] : r[2] == "total" ? "total" : r[2] + ":" + r[4];
    std::vector<std::string> cells{r[0], r[1], item, r[5], r[6], r[7], r[8], r[9], r[10], r[11], r[16], r[17], r[18], r[19]};
    for (auto& c : cells) c = flowcost::reports::csv_field(c);
    flowcost::reports::write_csv_record(out, cells);
  }
  return out.str();
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
      if (update_golden_requested()) write_text_file(before.string(), without_latency_settings(old_layout(r.out)));
      REQUIRE(fs::exists(before));
      CHECK(without_latency_settings(old_layout(r.out)) == without_latency_settings(read_text_file(before.string())));
    }
  }
  fs::remove_all(dir);
}
