#include "reports/display_format.h"

#include <cmath>

#include "model/number_format.h"

namespace flowcost::reports {

namespace {

// Decimals that show three significant digits of |value| (at least `min_decimals`).
int significant_decimals(double value, int min_decimals) {
  double magnitude = std::fabs(value);
  if (magnitude == 0 || !std::isfinite(magnitude)) return min_decimals;
  int exponent = static_cast<int>(std::floor(std::log10(magnitude)));
  int decimals = 2 - exponent;
  return decimals < min_decimals ? min_decimals : decimals;
}

// "120", "46.3", "1.20", "0.500"; whole thousands separated from 100 up ("1,204").
std::string three_significant(double value) {
  if (std::fabs(value) >= 99.95) return model::format_grouped(value, 0);
  return model::format_fixed(value, significant_decimals(value, 0));
}

std::string signed_usd(double usd, const std::string& magnitude_text) {
  return (usd < 0 ? "-$" : "$") + magnitude_text;
}

}  // namespace

std::string display_usd(double usd) {
  if (!std::isfinite(usd)) return model::format_shortest(usd);
  double magnitude = std::fabs(usd);
  if (magnitude == 0) return "$0";
  if (magnitude >= 99.995) return signed_usd(usd, model::format_grouped(magnitude, 0));
  if (magnitude >= 0.005) return signed_usd(usd, model::format_fixed(magnitude, 2));
  return signed_usd(usd, model::format_fixed(magnitude, significant_decimals(magnitude, 2)));
}

std::string display_usd_small(double usd) {
  if (!std::isfinite(usd)) return model::format_shortest(usd);
  double magnitude = std::fabs(usd);
  if (magnitude == 0 || magnitude >= 1) return display_usd(usd);
  return signed_usd(usd, model::format_fixed(magnitude, significant_decimals(magnitude, 2)));
}

std::string display_usd_cents(double usd) {
  if (!std::isfinite(usd)) return model::format_shortest(usd);
  double magnitude = std::fabs(usd);
  if (magnitude == 0) return "$0.00";
  if (magnitude >= 0.005) return signed_usd(usd, model::format_grouped(magnitude, 2));
  return signed_usd(usd, model::format_fixed(magnitude, significant_decimals(magnitude, 2)));
}

std::string display_quantity(double value) {
  if (!std::isfinite(value)) return model::format_shortest(value);
  if (value == 0) return "0";
  if (std::fabs(value) >= 99.5 || value == std::trunc(value)) return model::format_grouped(value, 0);
  return model::format_fixed(value, significant_decimals(value, 0));
}

std::string display_percent(double fraction) {
  if (!std::isfinite(fraction)) return model::format_shortest(fraction);
  double percent = fraction * 100;
  double magnitude = std::fabs(percent);
  std::string sign = percent < 0 ? "-" : "";
  if (magnitude == 0) return "0%";
  if (magnitude < 0.05) return "<" + sign + "0.1%";
  if (magnitude > 99.95 && magnitude < 100) return ">" + sign + "99.9%";
  if (magnitude >= 9.95) return sign + model::format_fixed(magnitude, 0) + "%";
  return sign + model::format_fixed(magnitude, 1) + "%";
}

std::string display_duration(double ms) {
  if (!std::isfinite(ms)) return model::format_shortest(ms);
  if (ms == 0) return "0 ms";
  struct Unit {
    double ms;
    const char* name;
  };
  static constexpr Unit kUnits[] = {{86400000.0, "d"}, {3600000.0, "h"}, {60000.0, "min"}, {1000.0, "s"}};
  for (const Unit& u : kUnits)
    if (std::fabs(ms) >= u.ms) return three_significant(ms / u.ms) + " " + u.name;
  return three_significant(ms) + " ms";
}

}  // namespace flowcost::reports
