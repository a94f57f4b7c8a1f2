#pragma once
// Monthly quantities that do not scale with events, per outer draw (model/scenario/monthly_lines.h): a
// design's `fixed:` section (every design kind's monthly_fixed adds it) and IoT device connection minutes
// (iot_rules designs, and Step Functions designs triggered by an IoT rule).
#include <vector>

#include "model/scenario/monthly_lines.h"
#include "sim/execution.h"

namespace flowcost::sim {

// devices x ceil(minutes per device): IoT Core meters connection time in one-minute increments (negative
// values count as 0).
double connection_minutes(double devices, double minutes_per_device);
model::MeterTotals connection_line(const model::ConnectionSpec& connection, const DrawInputs& inputs);

// Adds a design's `fixed:` quantities of this draw to `out` (each meter's quantity summed with what is
// there); a value that is negative or not finite in the draw is an InputError at its position.
void add_fixed_lines(const std::vector<model::MonthlyQuantity>& fixed, const DrawInputs& inputs,
                     model::MeterTotals& out);

}  // namespace flowcost::sim
