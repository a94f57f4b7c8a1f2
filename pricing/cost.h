#pragma once
// The cost engine: monthly meter totals through a price table's tiers and (optionally) free tiers,
// giving one line item per rate line. Deterministic, no allocation beyond the result, no randomness;
// called once per Monte Carlo draw per design (docs/billing-rules.md, "Cost engine").
#include <map>
#include <string>
#include <vector>

#include "model/meters.h"
#include "pricing/price_table.h"

namespace flowcost::pricing {

// Costs are carried at this resolution (a tenth of a nano-dollar), so that binary noise such as
// 0.6000000000000001 does not show; far below a cent even summed over thousands of lines.
inline constexpr double kCostResolutionUsd = 1e-10;
// The largest monthly amount flowcost prices (one line or the total): $1e15. Above it cents no longer fit
// the exact integer arithmetic of reports, so cost() refuses it with a message instead of wrapping.
inline constexpr double kMaxCostUsd = 1e15;

struct CostOptions {
  bool free_tier = false;  // apply the account-wide free allowances (they belong to the whole account)
};

// The part of a line's quantity that fell in one tier [from, to); `quantity` excludes free units.
struct TierUse {
  double from = 0;
  double to = kUnbounded;
  double quantity = 0;            // billed units in this tier
  double price_per_unit_usd = 0;  // price_usd / per
  double price_usd = 0;           // the tier's price as written in the table, for `per` units
  double per = 1;
  double cost_usd = 0;
};

struct LineItem {
  std::string meter;
  std::string line;  // rate-line label, e.g. "requests"
  std::string unit;
  double quantity = 0;       // the monthly total of the meter
  double free_quantity = 0;  // units covered by the free tier (0 unless CostOptions::free_tier)
  std::vector<TierUse> tiers;  // tiers with billed units, in order
  double cost_usd = 0;         // not rounded to cents (resolution 1e-10 USD, see kCostResolutionUsd)
};

struct CostResult {
  std::vector<LineItem> lines;  // in table order (model::known_meters() order)
  double total_usd = 0;         // the sum of the lines' unrounded cost_usd
};

// Where each quantity of a MeterTotals was written (`flowcost quote --usage FILE`): its errors are reported
// there. A meter not listed is reported without a position.
using QuantityLocations = std::map<std::string, model::SourceLocation>;

// Throws model::InputError when a meter of `totals` has no rate line in `table` (naming the meter and
// the table, and the table's gap note if any), a quantity is negative, NaN or infinite, or a line or the
// total comes above kMaxCostUsd; each at the quantity's position in `given_at`.
// Meters with quantity 0 still get their lines (cost 0), so that outputs have stable rows.
CostResult cost(const model::MeterTotals& totals, const PriceTable& table, const CostOptions& options,
                const QuantityLocations& given_at = {});

// Line costs rounded to cents so that they add up exactly to the total rounded to cents (largest
// remainder: each line is its own value rounded down or up by less than a cent). For displays that
// must add up; index i belongs to result.lines[i].
struct CentsBreakdown {
  std::vector<std::int64_t> line_cents;
  std::int64_t total_cents = 0;
};
CentsBreakdown to_cents(const CostResult& result);

}  // namespace flowcost::pricing
