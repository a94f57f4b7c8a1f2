#pragma once
// Monthly quantities of a design that do not scale with its events (docs/scenario-format.md "fixed"): a
// design's `fixed:` section (METER: quantity per month, for storage, keys or any constant the design
// declares) and IoT device connection time. Each is one number per outer draw: a number or an expression
// over inputs, never a per-event distribution. Parsed here for every design kind; sim/monthly_lines.h
// evaluates them per draw.
#include <optional>
#include <string>
#include <vector>

#include "model/diagnostics.h"
#include "model/document.h"
#include "model/scenario/values.h"

namespace flowcost::model {

struct Scenario;

struct MonthlyQuantity {
  std::string meter;  // a known meter (model/meters.h)
  SourceLocation loc;
  ValueSpec quantity;  // in the meter's unit, per month
};

// Connection time of a fleet of devices: devices x minutes per device, each device's minutes rounded up to
// whole minutes (IoT Core meters connection in one-minute increments).
struct ConnectionSpec {
  ValueSpec devices;
  ValueSpec minutes_per_device;
  SourceLocation loc;
};

// A `fixed:` mapping of meter name to monthly quantity. Unknown meters (with a suggestion), negative
// numbers and per-event values are errors at their position.
std::vector<MonthlyQuantity> parse_fixed_section(const Node& node, const Scenario& scenario, Diagnostics& diags);

// A `connection:` mapping {devices: N, minutes_per_device: M}, of an iot_rules design or of a Step Functions
// design's IoT trigger; `fields` are names the values may not use (an iot_rules design's per-message fields).
// minutes_per_device is a number of minutes or a duration (`30d`).
std::optional<ConnectionSpec> parse_connection_spec(const Node& node, const Scenario& scenario,
                                                    const std::vector<std::string>& fields, Diagnostics& diags);

}  // namespace flowcost::model
