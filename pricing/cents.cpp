#include "pricing/cents.h"

#include <cmath>
#include <cstdlib>

namespace flowcost::pricing {

std::int64_t round_to_cents(double usd) {
  long double cents = static_cast<long double>(usd) * 100.0L;
  long double nudge = 1e-7L;  // cents, i.e. 1e-9 USD
  return static_cast<std::int64_t>(cents >= 0 ? std::floor(cents + 0.5L + nudge) : -std::floor(-cents + 0.5L + nudge));
}

std::string format_cents(std::int64_t cents) {
  std::int64_t whole = std::llabs(cents) / 100;
  std::int64_t frac = std::llabs(cents) % 100;
  std::string out = cents < 0 ? "-" : "";
  out += std::to_string(whole) + "." + (frac < 10 ? "0" : "") + std::to_string(frac);
  return out;
}

}  // namespace flowcost::pricing
