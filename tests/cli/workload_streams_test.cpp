// Per-event workload items draw from streams keyed by their names (docs/scenario-format.md "Random
// streams"): workload items that no design reads change no result.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <string>

#include "golden_compare.h"
#include "run_cli_helpers.h"

using namespace flowcost::testing;
namespace fs = std::filesystem;

TEST_CASE("run: an unused workload constant or distribution changes no result (byte-identical CSV)") {
  const std::string shipped = std::string(FLOWCOST_SOURCE_DIR) + "/scenarios/";
  fs::path dir = scratch_folder("workload_streams");
  fs::copy_file(shipped + "iot-telemetry.asl.json", dir / "iot-telemetry.asl.json");
  const std::string text = read_text_file(shipped + "iot-telemetry.yaml");
  // The extra items go first under workload:, before payload_bytes and temperature, which every design reads.
  const std::string anchor = "workload:\n";
  const auto at = text.find(anchor);
  REQUIRE(at != std::string::npos);
  std::string extended = text;
  extended.insert(at + anchor.size(), "  unused_noise: {uniform: [0, 1]}\n  unused_count: 7\n");
  write_text_file((dir / "plain.yaml").string(), text);
  write_text_file((dir / "extended.yaml").string(), extended);

  const std::vector<std::string> options = {"--format",     "csv",  "--draws",   "4",
                                            "--executions", "3000", "--threads", "2"};
  std::vector<std::string> plain_args = {"run", (dir / "plain.yaml").string()};
  std::vector<std::string> extended_args = {"run", (dir / "extended.yaml").string()};
  plain_args.insert(plain_args.end(), options.begin(), options.end());
  extended_args.insert(extended_args.end(), options.begin(), options.end());
  CliResult plain = run_flowcost(plain_args);
  CliResult more = run_flowcost(extended_args);
  REQUIRE(plain.code == 0);
  REQUIRE(more.code == 0);
  CHECK(plain.out == more.out);
  fs::remove_all(dir);
}
