#pragma once
// The monthly meter totals `flowcost quote` prices: a YAML usage file (meter name -> monthly quantity) and
// METER=QUANTITY arguments, an argument overriding the file. Every problem is collected and thrown together
// as a model::InputError with its position (the file's line and column, or "flowcost" for an argument).
#include <optional>
#include <string>
#include <vector>

#include "model/meters.h"
#include "pricing/cost.h"

namespace flowcost::pricing {

struct Usage {
  model::MeterTotals totals;
  QuantityLocations given_at;  // a file's quantity: its position; an argument's: "flowcost" (no position)
};

// Throws model::InputError when a meter is unknown or given twice on the command line, a quantity is not a
// finite non-negative number ("3_000_000" is one), the file is not a mapping, or nothing is left to price.
Usage read_usage(const std::optional<std::string>& usage_path, const std::vector<std::string>& arguments);

}  // namespace flowcost::pricing
