#pragma once
#include <string_view>

namespace flowcost::model::asl {

// RFC 3339 date-time with upper-case T and Z, as ASL timestamps are (docs/sources.md#asl-states): a
// calendar date that exists, HH:MM:SS (a leap second 60 allowed), optional fraction, then Z or ±HH:MM.
bool is_rfc3339(std::string_view s);

}  // namespace flowcost::model::asl
