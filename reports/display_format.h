#pragma once
// Human-readable numbers for the terminal table and Markdown (never for CSV or JSON, which carry
// round-trip numbers): money, quantities and percentages, '.' as decimal point and ',' between thousands
// whatever the locale (built on pricing/number_format.h, which uses std::to_chars).
#include <string>

namespace flowcost::reports {

// "$1,234" at or above $100, "$12.34" at or above one cent, and three significant digits below
// ("$0.000123"); "-$5.00" for negatives; "$0" for zero.
std::string display_usd(double usd);

// Like display_usd, with three significant digits below $1 ("$0.0143", "$0.471") so that small per-unit
// costs keep their precision.
std::string display_usd_small(double usd);

// Like display_usd with cents always shown at or above one cent ("$1,234.56"): line items and totals.
std::string display_usd_cents(double usd);

// Whole numbers with thousands separators ("1,250,000", "7"), or three significant digits below 100
// ("0.573", "12.5"); "0" for zero.
std::string display_quantity(double value);

// A fraction as a percentage: no decimals from 10% up ("48%"), one below ("4.5%"). Never shows 0% or 100%
// for a value that is not exactly 0 or 1 ("<0.1%", ">99.9%").
std::string display_percent(double fraction);

// A duration given in milliseconds, in the largest unit that keeps it at or above 1, with three significant
// digits: "46.3 ms", "120 ms", "1.20 s", "14.2 min", "23.8 h", "6.88 d" ("0 ms" for zero).
std::string display_duration(double ms);

}  // namespace flowcost::reports
