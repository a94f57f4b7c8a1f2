// The ASL loader and validator on arbitrary text: JSON when it starts with '{' (then strict JSON first),
// YAML otherwise.
#include <cstddef>
#include <cstdint>

#include "fuzz_util.h"
#include "model/asl/loader.h"
#include "model/asl/validator.h"
#include "model/errors.h"
#include "model/source_file.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace flowcost::model;
  std::string text = flowcost::fuzz::text_of(data, size);
  const bool json = !text.empty() && text[0] == '{';
  try {
    SourceFile file = make_source_file(json ? "fuzz.asl.json" : "fuzz.asl.yaml", std::move(text));
    for (bool express : {false, true}) {
      Diagnostics diags;
      auto machine = asl::load_state_machine(file, diags);
      if (machine) asl::validate(*machine, asl::ValidateOptions{express}, diags);
    }
  } catch (const InputError&) {
  }
  return 0;
}
