// `flowcost validate` on an arbitrary scenario (or definition) file, next to the test scenarios' data
// files (definitions, CSVs, mock configs) so that the references in the seed corpus resolve. Bad input
// must end in exit code 1; exit code 2 (an internal error) is a finding.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <sstream>

#include "cli/app.h"
#include "model/scenario/scenario.h"
#include "fuzz_util.h"

namespace fs = std::filesystem;

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  // Links to every data file of the scenario tests, once.
  for (const char* sub : {"scenario", "run", "sfn", "iot", "whatif"}) {
    fs::path dir = fs::path(FLOWCOST_TEST_DATA) / sub;
    if (!fs::is_directory(dir)) continue;
    for (const auto& entry : fs::directory_iterator(dir)) {
      fs::path link = flowcost::fuzz::scratch() / entry.path().filename();
      std::error_code ec;
      if (!fs::exists(link, ec)) fs::create_symlink(entry.path(), link, ec);
    }
  }
  return 0;
}

// The price-table guess that `run` and `batch` make from the text (model::peek_scenario_prices) must name
// what is at its position: the line and column it gives hold the name it read.
void check_prices_guess(const std::string& path, const std::string& text) {
  const auto guess = flowcost::model::peek_scenario_prices(path, text);
  if (!guess) return;
  std::size_t at = 0;
  for (int line = 1; line < guess->prices_loc.line; ++line) at = text.find('\n', at) + 1;
  const std::size_t name_at = at + static_cast<std::size_t>(guess->prices_loc.column) - 1;
  if (guess->prices.empty() || text.compare(name_at, guess->prices.size(), guess->prices) != 0 ||
      text.compare(at, 8, "prices: ") != 0) {
    std::fprintf(stderr, "peek_scenario_prices: \"%s\" is not at %d:%d\n", guess->prices.c_str(),
                 guess->prices_loc.line, guess->prices_loc.column);
    std::abort();
  }
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text = flowcost::fuzz::text_of(data, size);
  const std::string path = flowcost::fuzz::scratch_file("fuzz-input.yaml", text);
  check_prices_guess(path, text);
  std::ostringstream out, err;
  const int code = flowcost::cli::run_cli({"validate", path}, out, err);
  if (code == 2) {
    std::fputs(err.str().c_str(), stderr);
    std::abort();
  }
  return 0;
}
