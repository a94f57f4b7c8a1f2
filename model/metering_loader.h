#pragma once
// Reading the `metering:` section of a price table into MeteringRules. Every key is optional (absent
// keys keep the AWS defaults of model/metering.h); unknown keys, wrong types and values that are not
// positive are errors at their position. The keys carry their units (docs/price-tables.md).
#include "model/diagnostics.h"
#include "model/document.h"
#include "model/metering.h"

namespace flowcost::model {

// Starts from `MeteringRules{}` and applies every key of `section` (a mapping of service -> mapping).
// Problems go to `diags`; the rules returned are the defaults where a value was bad.
MeteringRules parse_metering_rules(const Node& section, Diagnostics& diags);

}  // namespace flowcost::model
