// RFC 3339 timestamps as used by ASL Wait `Timestamp` (docs/sources.md#asl-states):
// YYYY-MM-DDTHH:MM:SS[.frac](Z|±HH:MM).
#include <cctype>
#include <cstdint>
#include <optional>
#include <string_view>

#include "model/asl/timestamp.h"
#include "model/scenario/step_functions_design.h"

namespace flowcost::model {

namespace {

// The number written with the `n` digits at `pos` (the caller has checked they are digits).
int number_at(std::string_view s, std::size_t pos, std::size_t n) {
  int out = 0;
  for (std::size_t i = 0; i < n; ++i) out = out * 10 + (s[pos + i] - '0');
  return out;
}

// Days from 1970-01-01 to the civil date (proleptic Gregorian), H. Hinnant's algorithm.
std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

}  // namespace

std::optional<double> parse_rfc3339_epoch_s(std::string_view s) {
  // The one rule of what a timestamp is; past it every field below is where and what it must be.
  if (!asl::is_rfc3339(s)) return std::nullopt;
  const int year = number_at(s, 0, 4), month = number_at(s, 5, 2), day = number_at(s, 8, 2);
  const int hour = number_at(s, 11, 2), minute = number_at(s, 14, 2), second = number_at(s, 17, 2);
  std::size_t pos = 19;
  double fraction = 0;
  if (s[pos] == '.')
    for (double scale = 0.1; std::isdigit(static_cast<unsigned char>(s[++pos])); scale /= 10)
      fraction += scale * (s[pos] - '0');
  // Then Z, or an offset ±HH:MM.
  const int offset_s = s[pos] == 'Z' ? 0 : (number_at(s, pos + 1, 2) * 3600 + number_at(s, pos + 4, 2) * 60) *
                                                 (s[pos] == '+' ? 1 : -1);
  std::int64_t days = days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
  return static_cast<double>(days * 86400 + hour * 3600 + minute * 60 + second - offset_s) + fraction;
}

}  // namespace flowcost::model
