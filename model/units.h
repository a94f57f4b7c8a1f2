#pragma once
// Quantities with units as written in scenario files: durations (`35ms`, `2 s`, `1.5min`, `3h`, `2d`) in
// milliseconds, sizes (`900B`, `5KB`, `1.5MB`, `1GB`; 1 KB = 1024 B) in bytes, money (`$0.25`) in USD.
// A bare number is taken in the dimension's base unit (ms, bytes, USD).
#include <optional>
#include <string>
#include <string_view>

#include "model/distribution.h"

namespace flowcost::model {

// Parses `text` in dimension `d`; std::nullopt when it is not a valid quantity of that dimension.
// On failure `error` (if given) says why, e.g. "unknown duration unit \"mss\"; use ms, s, min, h or d".
std::optional<double> parse_quantity(std::string_view text, Dimension d, std::string* error = nullptr);

const char* dimension_name(Dimension d);  // "duration", "size", "amount of money", ...

}  // namespace flowcost::model
