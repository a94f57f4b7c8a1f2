#pragma once
// The project's one number formatter: locale-independent text ('.' decimal point, always) built on
// std::to_chars, for messages, tables, CSV, JSON-adjacent text and the YAML that `prices import` writes.
// Money rounded to cents is pricing/cents.h.
#include <string>

namespace flowcost::model {

// Shortest text that reads back to the same double: 0.025, 2e-05, 6000000000, 1.5e+20, inf, nan.
// Whole numbers below 1e15 are written without exponent.
std::string format_shortest(double value);

// Shortest text that reads back to the same double, without exponent for magnitudes from 1e-12 to
// below 1e15 (prices: 0.0000133334, not 1.33334e-05); format_shortest outside that range.
std::string format_decimal(double value);

// Fixed notation with exactly `decimals` digits after the point: format_fixed(18.3352, 2) == "18.34".
std::string format_fixed(double value, int decimals);

// Like format_fixed, with a thousands separator ',' in the integer part: "3,000,000.00".
std::string format_grouped(double value, int decimals);

// `digits` significant digits, as printf's "%.<digits>g" in the C locale: format_significant(0.30000001, 6)
// == "0.3", format_significant(1234567, 6) == "1.23457e+06".
std::string format_significant(double value, int digits);

}  // namespace flowcost::model
