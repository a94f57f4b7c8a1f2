#include "reports/display_format.h"

#include <cmath>

#include "pricing/number_format.h"

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

std::string signed_usd(double usd, const std::string& magnitude_text) {
  return (usd < 0 ? "-$" : "$") + magnitude_text;
}

}  // namespace

std::string display_usd(double usd) {
  if (!std::isfinite(usd)) return pricing::format_shortest(usd);
  double magnitude = std::fabs(usd);
  if (magnitude == 0) return "$0";
  if (magnitude >= 99.995) return signed_usd(usd, pricing::format_grouped(magnitude, 0));
  if (magnitude >= 0.005) return signed_usd(usd, pricing::format_fixed(magnitude, 2));
  return signed_usd(usd, pricing::format_fixed(magnitude, significant_decimals(magnitude, 2)));
}

std::string display_usd_cents(double usd) {
  if (!std::isfinite(usd)) return pricing::format_shortest(usd);
  double magnitude = std::fabs(usd);
  if (magnitude == 0) return "$0.00";
  if (magnitude >= 0.005) return signed_usd(usd, pricing::format_grouped(magnitude, 2));
  return signed_usd(usd, pricing::format_fixed(magnitude, significant_decimals(magnitude, 2)));
}

std::string display_quantity(double value) {
  if (!std::isfinite(value)) return pricing::format_shortest(value);
  if (value == 0) return "0";
  if (std::fabs(value) >= 99.5 || value == std::trunc(value)) return pricing::format_grouped(value, 0);
  return pricing::format_fixed(value, significant_decimals(value, 0));
}

std::string display_percent(double fraction) {
  if (!std::isfinite(fraction)) return pricing::format_shortest(fraction);
  double percent = fraction * 100;
  double magnitude = std::fabs(percent);
  std::string sign = percent < 0 ? "-" : "";
  if (magnitude == 0) return "0%";
  if (magnitude < 0.05) return "<" + sign + "0.1%";
  if (magnitude > 99.95 && magnitude < 100) return ">" + sign + "99.9%";
  if (magnitude >= 9.95) return sign + pricing::format_fixed(magnitude, 0) + "%";
  return sign + pricing::format_fixed(magnitude, 1) + "%";
}

std::string display_ms(double ms) {
  if (!std::isfinite(ms)) return pricing::format_shortest(ms);
  if (ms == 0) return "0";
  if (std::fabs(ms) >= 99.5 || ms == std::trunc(ms)) return pricing::format_grouped(ms, 0);
  return pricing::format_fixed(ms, significant_decimals(ms, 0));
}

}  // namespace flowcost::reports
