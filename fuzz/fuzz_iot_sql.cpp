// The IoT rule SQL parser on arbitrary text.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "fuzz_util.h"
#include "model/scenario/iot_sql.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace flowcost::model;
  Diagnostics diags;
  auto sql = parse_iot_sql(flowcost::fuzz::text_of(data, size), SourceLocation{"fuzz.yaml", 1, 1}, diags);
  if (sql && sql->where) {
    std::vector<const SqlOperand*> fields;
    collect_sql_fields(*sql->where, fields);
  }
  return 0;
}
