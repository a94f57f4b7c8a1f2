#pragma once
// Parsing one meter's entry of a price table (a rate line, or a list of them) with every check of
// docs/price-tables.md: unit present and equal to the meter's, prices finite and not negative, tiers
// starting at 0, contiguous (no gap, no overlap) and open-ended at the top.
#include <string>
#include <vector>

#include "model/diagnostics.h"
#include "model/document.h"
#include "model/meters.h"
#include "pricing/price_table.h"

namespace flowcost::pricing {

// Appends the rate lines of `value` (a mapping or a sequence of mappings) for `meter` to `out`.
void parse_rate_lines(const model::MeterInfo& meter, const model::Member& entry, std::vector<RateLine>& out,
                      model::Diagnostics& diags);

// A number that must be finite and >= 0 (> 0 when `positive`); reports at the node and returns empty.
std::optional<double> read_amount(const model::Node& node, const std::string& what, bool positive,
                                  model::Diagnostics& diags);

}  // namespace flowcost::pricing
