// The scenario expression parser on arbitrary text; a valid expression is evaluated with every name 1.5.
#include <cstddef>
#include <cstdint>

#include "fuzz_util.h"
#include "model/errors.h"
#include "model/expression.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace flowcost::model;
  Diagnostics diags;
  Expression e = Expression::parse(flowcost::fuzz::text_of(data, size), SourceLocation{"fuzz.yaml", 1, 1}, diags);
  if (e.valid()) e.evaluate([](std::string_view) { return 1.5; });
  return 0;
}
