#pragma once
// Quantities with units as written in scenario files: durations (`35ms`, `2 s`, `1.5min`, `3h`, `2d`) in
// milliseconds, sizes (`900B`, `5KB`, `1.5MB`, `1GB`; 1 KB = 1024 B) in bytes, money (`$0.25`) in USD.
// A bare number is taken in the dimension's base unit (ms, bytes, USD).
// Dimension::none accepts any of these units (converted to its base unit) or a bare number; probability
// and count accept bare numbers only. Units are case-sensitive. Numbers: [+-]digits[.digits][e[+-]digits].
#include <optional>
#include <string>
#include <string_view>

#include "model/distribution.h"

namespace flowcost::model {

// Parses `text` in dimension `d`; std::nullopt when it is not a valid quantity of that dimension.
// On failure `error` (if given) says why, e.g. "unknown duration unit \"mss\"; use ms, s, min, h or d".
std::optional<double> parse_quantity(std::string_view text, Dimension d, std::string* error = nullptr);

const char* dimension_name(Dimension d);  // "duration", "size", "amount of money", ...

// Durations, sizes and money carry units; probabilities, counts and plain numbers do not.
inline bool is_physical(Dimension d) {
  return d == Dimension::duration_ms || d == Dimension::size_bytes || d == Dimension::usd;
}

// The dimension a unit belongs to ("ms" -> duration_ms, "KB" -> size_bytes, "$" -> usd) and its factor to
// the base unit; std::nullopt for an unknown unit.
struct UnitInfo {
  Dimension dimension = Dimension::none;
  double factor = 1;
};
std::optional<UnitInfo> find_unit(std::string_view unit);

// The dimension of the unit written in `text` (`35ms` -> duration_ms); Dimension::none for a bare number
// or text that is not a quantity.
Dimension quantity_dimension(std::string_view text);

// Scans a plain decimal number at the start of `text` (no inf/nan/hex); returns the characters used (0 when
// there is no number) and the value.
std::size_t scan_number(std::string_view text, double& value);


}  // namespace flowcost::model
