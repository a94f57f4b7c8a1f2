// The empirical-distribution CSV reader on arbitrary text, by column number and by header name.
#include <cstddef>
#include <cstdint>

#include "fuzz_util.h"
#include "model/errors.h"
#include "model/scenario/empirical_csv.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace flowcost::model;
  const std::string path = flowcost::fuzz::scratch_file("fuzz.csv", flowcost::fuzz::text_of(data, size));
  const SourceLocation at{"fuzz.yaml", 1, 1};
  for (const std::optional<std::string>& column :
       {std::optional<std::string>(), std::optional<std::string>("2"), std::optional<std::string>("duration")}) {
    try {
      Diagnostics diags;
      read_empirical_csv(path, at, column, at, Dimension::duration_ms, diags);
    } catch (const InputError&) {
    }
  }
  return 0;
}
