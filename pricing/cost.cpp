#include "pricing/cost.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>

#include "model/errors.h"
#include "model/number_format.h"
#include "model/source_location.h"
#include "pricing/cents.h"

namespace flowcost::pricing {

namespace {

const model::SourceLocation kNoFile{"flowcost", 0, 0};

const model::SourceLocation& given_at_or_none(const QuantityLocations& given_at, const std::string& meter) {
  const auto it = given_at.find(meter);
  return it == given_at.end() ? kNoFile : it->second;
}

// " (FILE:LINE:COL)" of a rate line's price read from a file (of the line itself when it has several
// tiers); "" for a line built in code.
std::string rate_line_place(const RateLine& line) {
  const bool one_price = line.tiers.size() == 1 && line.tiers[0].where.known();
  const model::SourceLocation& where = one_price ? line.tiers[0].where : line.where;
  return where.known() ? " (" + model::location_text(where) + ")" : "";
}

void check_totals(const model::MeterTotals& totals, const PriceTable& table, const QuantityLocations& given_at) {
  std::vector<model::Diagnostic> problems;
  for (const auto& [meter, quantity] : totals) {
    const model::SourceLocation& loc = given_at_or_none(given_at, meter);
    if (!std::isfinite(quantity) || quantity < 0) {
      problems.push_back({model::Severity::error, loc,
                          "meter \"" + meter + "\" has quantity " + model::format_shortest(quantity) +
                              "; quantities must be finite and not negative"});
      continue;
    }
    if (table.has_meter(meter)) continue;
    std::string message = "price table \"" + table.name + "\" (" + table.path + ") has no rate line for meter \"" + meter + "\"";
    auto gap = table.gaps.find(meter);
    if (gap != table.gaps.end()) message += " (a known gap: " + gap->second + ")";
    problems.push_back({model::Severity::error, loc, message});
  }
  if (!problems.empty()) throw model::InputError(problems);
}

long double to_resolution(long double usd) {
  const long double steps_per_usd = 1.0L / static_cast<long double>(kCostResolutionUsd);  // 1e10
  return std::round(usd * std::round(steps_per_usd)) / std::round(steps_per_usd);
}

// Bills `quantity` units of `line`, of which the first `free_units` are free.
LineItem bill_line(const RateLine& line, double quantity, double free_units) {
  LineItem item;
  item.meter = line.meter;
  item.line = line.label;
  item.unit = line.unit;
  item.quantity = quantity;
  item.free_quantity = free_units;
  long double line_cost = 0;
  for (const Tier& tier : line.tiers) {
    const double to = tier.to.value_or(kUnbounded);
    if (quantity <= tier.from) break;
    const double top = std::min(quantity, to);
    // Units of [tier.from, top) not covered by the free band [0, free_units).
    const double billed = top - std::max(tier.from, std::min(free_units, top));
    if (billed <= 0) continue;
    TierUse use;
    use.from = tier.from;
    use.to = to;
    use.quantity = billed;
    use.price_per_unit_usd = tier.price_usd / line.per;
    use.price_usd = tier.price_usd;
    use.per = line.per;
    long double tier_cost = to_resolution(static_cast<long double>(billed) * tier.price_usd / line.per);
    use.cost_usd = static_cast<double>(tier_cost);
    line_cost += tier_cost;
    item.tiers.push_back(use);
  }
  item.cost_usd = static_cast<double>(to_resolution(line_cost));
  return item;
}

}  // namespace

CostResult cost(const model::MeterTotals& totals, const PriceTable& table, const CostOptions& options,
                const QuantityLocations& given_at) {
  check_totals(totals, table, given_at);
  CostResult result;
  result.lines.reserve(totals.size());
  std::map<std::string, double> pool_left;  // shared free allowances still unused, per pool
  long double total = 0;
  for (const RateLine& line : table.lines) {
    auto it = totals.find(line.meter);
    if (it == totals.end()) continue;
    const double quantity = it->second;
    double free_units = 0;
    if (options.free_tier && line.free_tier) {
      const FreeTier& ft = *line.free_tier;
      if (ft.shared_pool.empty()) {
        free_units = std::min(quantity, ft.quantity);
      } else {
        auto [pool, inserted] = pool_left.emplace(ft.shared_pool, ft.quantity);
        free_units = std::min(quantity, pool->second);
        pool->second -= free_units;
      }
    }
    result.lines.push_back(bill_line(line, quantity, free_units));
    total += result.lines.back().cost_usd;
    if (!(result.lines.back().cost_usd <= kMaxCostUsd) || !(total <= kMaxCostUsd)) {
      throw model::InputError(given_at_or_none(given_at, line.meter),
                              "meter \"" + line.meter + "\" with quantity " + model::format_shortest(quantity) +
                                  " brings the monthly cost above $" + model::format_shortest(kMaxCostUsd) +
                                  ", the largest amount flowcost prices; check the quantity, and the price of rate "
                                  "line \"" + line.label + "\" in price table \"" + table.name + "\"" +
                                  rate_line_place(line));
    }
  }
  result.total_usd = static_cast<double>(to_resolution(total));
  return result;
}

CentsBreakdown to_cents(const CostResult& result) {
  CentsBreakdown out;
  out.total_cents = round_to_cents(result.total_usd);
  std::vector<long double> exact(result.lines.size());
  std::int64_t floor_sum = 0;
  out.line_cents.resize(result.lines.size());
  for (std::size_t i = 0; i < result.lines.size(); ++i) {
    exact[i] = static_cast<long double>(result.lines[i].cost_usd) * 100.0L;
    out.line_cents[i] = static_cast<std::int64_t>(std::floor(exact[i] + 1e-7L));
    floor_sum += out.line_cents[i];
  }
  // Hand the missing cents to the lines with the largest remainders (ties: first line first).
  std::vector<std::size_t> order(result.lines.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return exact[a] - out.line_cents[a] > exact[b] - out.line_cents[b];
  });
  std::int64_t missing = out.total_cents - floor_sum;
  for (std::size_t k = 0; k < order.size() && missing > 0; ++k, --missing) ++out.line_cents[order[k]];
  return out;
}

}  // namespace flowcost::pricing
