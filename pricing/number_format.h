#pragma once
// Locale-independent number text ('.' decimal point, always) built on std::to_chars, for tables, CSV,
// JSON-adjacent text and the YAML that `prices import` writes; and rounding money to cents.
#include <cstdint>
#include <string>

namespace flowcost::pricing {

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

// Money rounded to whole cents, halves away from zero. A value within 1e-9 USD of a half cent counts
// as the half (so 0.125 written in decimal becomes 0.13 even when its double is 0.12499999...).
std::int64_t round_to_cents(double usd);

// "18.34" from 1834 cents; "-0.05" from -5.
std::string format_cents(std::int64_t cents);

}  // namespace flowcost::pricing
