// The price-table parser on arbitrary YAML; a table that parses is priced once with every meter it has.
#include <cstddef>
#include <cstdint>

#include "fuzz_util.h"
#include "model/errors.h"
#include "model/source_file.h"
#include "pricing/cost.h"
#include "pricing/table_loader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace flowcost;
  try {
    model::Diagnostics diags;
    pricing::PriceTable table =
        pricing::parse_price_table(model::make_source_file("fuzz.yaml", fuzz::text_of(data, size)), diags);
    if (diags.has_errors()) return 0;
    for (double quantity : {0.0, 1.0, 1e6, 1e15}) {
      model::MeterTotals totals;
      for (const auto& line : table.lines) totals[line.meter] = quantity;
      for (bool free_tier : {false, true}) pricing::to_cents(pricing::cost(totals, table, {free_tier}));
    }
  } catch (const model::InputError&) {
  }
  return 0;
}
