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

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string path = flowcost::fuzz::scratch_file("fuzz-input.yaml", flowcost::fuzz::text_of(data, size));
  std::ostringstream out, err;
  const int code = flowcost::cli::run_cli({"validate", path}, out, err);
  if (code == 2) {
    std::fputs(err.str().c_str(), stderr);
    std::abort();
  }
  return 0;
}
