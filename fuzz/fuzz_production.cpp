// The production-data readers of `flowcost fit` on arbitrary text: the input as a Lambda log (a CloudWatch
// Logs text export in either log format, or a Logs Insights CSV) and as a Step Functions execution history.
// A history that reads counts its billable transitions.
#include <cstddef>
#include <cstdint>

#include "fuzz_util.h"
#include "model/errors.h"
#include "model/production/execution_history.h"
#include "model/production/lambda_report.h"
#include "model/source_file.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace flowcost::model;
  const std::string text = flowcost::fuzz::text_of(data, size);
  try {
    Diagnostics diags;
    production::read_lambda_log(make_source_file("fuzz.log", text), "fn", diags);
  } catch (const InputError&) {
  }
  try {
    Diagnostics diags;
    if (auto history = production::read_execution_history(make_source_file("fuzz.json", text), diags))
      (void)history->billable_transitions();
  } catch (const InputError&) {
  }
  return 0;
}
