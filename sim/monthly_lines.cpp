#include "sim/monthly_lines.h"

#include <algorithm>
#include <cmath>

#include "model/errors.h"

namespace flowcost::sim {

double monthly_value(const model::ValueSpec& value, const DrawInputs& inputs) {
  switch (value.kind) {
    case model::ValueSpec::Kind::number: return value.number;
    case model::ValueSpec::Kind::expression:
      return value.expression.evaluate([&](std::string_view name) {
        auto it = inputs.values.find(name);
        if (it == inputs.values.end())
          throw model::InternalError("monthly quantity refers to \"" + std::string(name) + "\", not a draw value");
        return it->second;
      });
    case model::ValueSpec::Kind::distribution: break;
  }
  throw model::InternalError("a monthly quantity is a distribution");
}

double connection_minutes(double devices, double minutes_per_device) {
  return std::max(0.0, devices) * std::ceil(std::max(0.0, minutes_per_device));
}

model::MeterTotals connection_line(const model::ConnectionSpec& connection, const DrawInputs& inputs) {
  return {{"iot.connection_minutes", connection_minutes(monthly_value(connection.devices, inputs),
                                                       monthly_value(connection.minutes_per_device, inputs))}};
}

void add_fixed_lines(const std::vector<model::MonthlyQuantity>& fixed, const DrawInputs& inputs,
                     model::MeterTotals& out) {
  for (const auto& q : fixed) {
    const double v = monthly_value(q.quantity, inputs);
    if (!std::isfinite(v) || v < 0)
      throw model::InputError(q.loc, "fixed." + q.meter + " is " + std::to_string(v) + " in draw " +
                                         std::to_string(inputs.draw) +
                                         "; a monthly quantity must be finite and not negative");
    out[q.meter] += v;
  }
}

}  // namespace flowcost::sim
