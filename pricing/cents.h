#pragma once
// Money rounded to whole cents and written as such (the totals a report prints to the cent).
#include <cstdint>
#include <string>

namespace flowcost::pricing {

// Money rounded to whole cents, halves away from zero. A value within 1e-9 USD of a half cent counts
// as the half (so 0.125 written in decimal becomes 0.13 even when its double is 0.12499999...).
std::int64_t round_to_cents(double usd);

// "18.34" from 1834 cents; "-0.05" from -5.
std::string format_cents(std::int64_t cents);

}  // namespace flowcost::pricing
