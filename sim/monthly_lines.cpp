#include "sim/monthly_lines.h"

#include <algorithm>
#include <cmath>

#include "model/errors.h"
#include "sim/scenario_values.h"

namespace flowcost::sim {

double connection_minutes(double devices, double minutes_per_device) {
  return std::max(0.0, devices) * std::ceil(std::max(0.0, minutes_per_device));
}

model::MeterTotals connection_line(const model::ConnectionSpec& connection, const DrawInputs& inputs) {
  return {{"iot.connection_minutes", connection_minutes(per_draw_value(connection.devices, inputs),
                                                       per_draw_value(connection.minutes_per_device, inputs))}};
}

void add_fixed_lines(const std::vector<model::MonthlyQuantity>& fixed, const DrawInputs& inputs,
                     model::MeterTotals& out) {
  for (const auto& q : fixed) {
    const double v = per_draw_value(q.quantity, inputs);
    if (!std::isfinite(v) || v < 0)
      throw model::InputError(q.loc, "fixed." + q.meter + " is " + std::to_string(v) + " in draw " +
                                         std::to_string(inputs.draw) +
                                         "; a monthly quantity must be finite and not negative");
    out[q.meter] += v;
  }
}

}  // namespace flowcost::sim
