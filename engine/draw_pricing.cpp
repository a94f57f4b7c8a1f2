#include "engine/draw_pricing.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>

#include "model/errors.h"
#include "sim/statistics.h"

namespace flowcost::engine {

namespace {

// The draw's totals of exactly `meters` (a meter it lacks counts 0), so that every draw gets the same line
// items.
model::MeterTotals totals_of(const sim::DesignResult& design, const std::vector<double>& values,
                             const std::vector<std::string>& meters) {
  model::MeterTotals out;
  for (const auto& m : meters) {
    auto c = design.column(m);
    out[m] = c && *c < values.size() ? values[*c] : 0.0;
  }
  return out;
}

// The Monte Carlo standard errors of a draw's total and of each of its `lines` (as priced), from the spread
// of its batch totals' costs.
struct BatchErrors {
  double total_usd = 0;
  std::vector<double> line_usd;  // per entry of `lines`
};

BatchErrors batch_std_errors(const sim::DesignResult& design, const sim::DrawRecord& draw,
                             const std::vector<std::string>& meters, const std::vector<pricing::LineItem>& lines,
                             const pricing::PriceTable& table, const pricing::CostOptions& options) {
  BatchErrors out;
  out.line_usd.assign(lines.size(), 0.0);
  const std::size_t width = draw.monthly.size();
  if (width == 0) return out;
  sim::Welford costs;
  std::vector<sim::Welford> line_costs(lines.size());
  for (std::size_t offset = 0; offset + width <= draw.batch_monthly.size(); offset += width) {
    std::vector<double> batch(draw.batch_monthly.begin() + static_cast<std::ptrdiff_t>(offset),
                              draw.batch_monthly.begin() + static_cast<std::ptrdiff_t>(offset + width));
    const pricing::CostResult r = pricing::cost(totals_of(design, batch, meters), table, options);
    costs.add(r.total_usd);
    // A batch prices the same meters as its draw, so the same lines (a line a batch lacks costs 0 there).
    for (std::size_t i = 0; i < lines.size(); ++i) {
      double c = 0;
      for (const auto& l : r.lines)
        if (l.meter == lines[i].meter && l.line == lines[i].line) c = l.cost_usd;
      line_costs[i].add(c);
    }
  }
  out.total_usd = costs.std_error();
  for (std::size_t i = 0; i < lines.size(); ++i) out.line_usd[i] = line_costs[i].std_error();
  return out;
}

}  // namespace

std::vector<std::string> priced_meters(const std::vector<std::string>& produced, const pricing::PriceTable& table) {
  std::vector<std::string> meters;
  std::set<std::string> listed;
  const std::set<std::string> set(produced.begin(), produced.end());
  for (const auto& line : table.lines)
    if (set.count(line.meter) && listed.insert(line.meter).second) meters.push_back(line.meter);
  for (const auto& m : set)  // meters without a rate line: pricing::cost reports them
    if (!table.has_meter(m)) meters.push_back(m);
  return meters;
}

void align_lines(PricedDesign& priced, const std::vector<std::pair<std::string, std::string>>& order,
                 const std::vector<std::string>& units) {
  std::vector<PricedLine> lines;
  const std::size_t draws = priced.monthly_cost_usd.size();
  for (std::size_t i = 0; i < order.size(); ++i) {
    auto it = std::find_if(priced.lines.begin(), priced.lines.end(),
                           [&](const PricedLine& l) { return l.meter == order[i].first && l.line == order[i].second; });
    if (it != priced.lines.end()) {
      lines.push_back(std::move(*it));
    } else {
      lines.push_back({order[i].first, order[i].second, units[i], std::vector<double>(draws, 0.0),
                       std::vector<double>(draws, 0.0), std::vector<double>(draws, 0.0)});
    }
  }
  priced.lines = std::move(lines);
}

std::vector<std::string> unpriced_meters(const sim::DesignResult& design, const pricing::PriceTable& table) {
  std::vector<std::string> out;
  for (const auto& m : std::set<std::string>(design.meters.begin(), design.meters.end()))
    if (!table.has_meter(m)) out.push_back(m);
  return out;
}

namespace {

// Prices draw `d` of `design` and appends it to `priced`.
void price_draw(PricedDesign& priced, const sim::DesignResult& design, std::size_t d, const pricing::PriceTable& table,
                const pricing::CostOptions& options) {
  const sim::DrawRecord& draw = design.draws[d];
  pricing::CostResult result = pricing::cost(totals_of(design, draw.monthly, priced.meters), table, options);
  bool same = result.lines.size() == priced.lines.size();
  for (std::size_t i = 0; same && i < result.lines.size(); ++i)
    same = result.lines[i].meter == priced.lines[i].meter && result.lines[i].line == priced.lines[i].line;
  if (!same) {
    std::vector<std::pair<std::string, std::string>> order;
    std::vector<std::string> units;
    for (const auto& item : result.lines) {
      order.emplace_back(item.meter, item.line);
      units.push_back(item.unit);
    }
    align_lines(priced, order, units);
  }
  const BatchErrors errors = batch_std_errors(design, draw, priced.meters, result.lines, table, options);
  for (std::size_t i = 0; i < result.lines.size(); ++i) {
    priced.lines[i].quantity.push_back(result.lines[i].quantity);
    priced.lines[i].cost_usd.push_back(result.lines[i].cost_usd);
    priced.lines[i].draw_std_error_usd.push_back(errors.line_usd[i]);
  }
  priced.monthly_cost_usd.push_back(result.total_usd);
  priced.events_per_month.push_back(draw.events_per_month);
  priced.draw_std_error_usd.push_back(errors.total_usd);
}

}  // namespace

void update_priced_design(PricedDesign& priced, const sim::DesignResult& design, const pricing::PriceTable& table,
                          const pricing::CostOptions& options) {
  if (priced.name != design.name || priced.monthly_cost_usd.size() > design.draws.size()) {
    priced = PricedDesign{};
    priced.name = design.name;
  }
  // A meter that first appears in a later draw counts 0 in the earlier ones: its lines are added to them with
  // quantity and cost 0, which is what pricing them again would give (pricing::cost bills a zero quantity
  // nothing and takes nothing from a free-tier pool), so a draw is priced once, on its own.
  priced.meters = priced_meters(design.meters, table);

  for (std::size_t d = priced.monthly_cost_usd.size(); d < design.draws.size(); ++d) {
    try {
      price_draw(priced, design, d, table, options);
    } catch (const model::InputError& e) {
      // A quantity too large to price is a property of the design's inputs in this draw: say which.
      std::vector<model::Diagnostic> named;
      for (model::Diagnostic item : e.diagnostics()) {
        item.message =
            "design \"" + design.name + "\", draw " + std::to_string(design.draws[d].draw) + ": " + item.message;
        named.push_back(std::move(item));
      }
      throw model::InputError(std::move(named));
    }
  }
}

PricedDesign price_design(const sim::DesignResult& design, const pricing::PriceTable& table,
                          const pricing::CostOptions& options) {
  PricedDesign out;
  update_priced_design(out, design, table, options);
  return out;
}

double cost_std_error(const std::vector<double>& cost_usd, const std::vector<double>& draw_std_error_usd) {
  if (cost_usd.size() >= 2) return sim::summarize(cost_usd).std_error;
  if (draw_std_error_usd.size() == 1) return draw_std_error_usd.front();
  return 0;
}

double monthly_cost_std_error(const PricedDesign& design) {
  return cost_std_error(design.monthly_cost_usd, design.draw_std_error_usd);
}

double monthly_cost_relative_error(const PricedDesign& design) {
  double mean = sim::summarize(design.monthly_cost_usd).mean;
  double half_width = sim::kZ975 * monthly_cost_std_error(design);
  if (half_width == 0) return 0;
  if (mean == 0) return std::numeric_limits<double>::infinity();
  return half_width / std::fabs(mean);
}

}  // namespace flowcost::engine
