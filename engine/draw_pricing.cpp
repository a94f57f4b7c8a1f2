#include "engine/draw_pricing.h"

#include <cmath>
#include <limits>
#include <set>

#include "model/errors.h"
#include "sim/statistics.h"

namespace flowcost::engine {

namespace {

std::set<std::string> produced_meters(const sim::DesignResult& design) {
  std::set<std::string> meters;
  for (const auto& draw : design.draws) {
    for (const auto& [name, quantity] : draw.monthly) meters.insert(name);
    for (const auto& batch : draw.batch_monthly)
      for (const auto& [name, quantity] : batch) meters.insert(name);
  }
  return meters;
}

// `totals` restricted or extended to exactly `meters` (absent meters count 0), so that every draw gets
// the same line items.
model::MeterTotals complete(const model::MeterTotals& totals, const std::vector<std::string>& meters) {
  model::MeterTotals out;
  for (const auto& m : meters) {
    auto it = totals.find(m);
    out[m] = it == totals.end() ? 0.0 : it->second;
  }
  return out;
}

double batch_std_error(const std::vector<model::MeterTotals>& batches, const std::vector<std::string>& meters,
                       const pricing::PriceTable& table, const pricing::CostOptions& options) {
  sim::Welford costs;
  for (const auto& batch : batches) costs.add(pricing::cost(complete(batch, meters), table, options).total_usd);
  return costs.std_error();
}

}  // namespace

std::vector<std::string> unpriced_meters(const sim::DesignResult& design, const pricing::PriceTable& table) {
  std::vector<std::string> out;
  for (const auto& m : produced_meters(design))
    if (!table.has_meter(m)) out.push_back(m);
  return out;
}

void update_priced_design(PricedDesign& priced, const sim::DesignResult& design, const pricing::PriceTable& table,
                          const pricing::CostOptions& options) {
  std::vector<std::string> meters;
  const std::set<std::string> produced = produced_meters(design);
  std::set<std::string> listed;
  for (const auto& line : table.lines)
    if (produced.count(line.meter) && listed.insert(line.meter).second) meters.push_back(line.meter);
  for (const auto& m : produced)  // meters without a rate line: pricing::cost reports them
    if (!table.has_meter(m)) meters.push_back(m);
  if (priced.name != design.name || priced.meters != meters || priced.monthly_cost_usd.size() > design.draws.size()) {
    priced = PricedDesign{};  // new meters change every draw's line items: price everything again
    priced.name = design.name;
    priced.meters = meters;
  }

  for (std::size_t d = priced.monthly_cost_usd.size(); d < design.draws.size(); ++d) {
    const sim::DrawResult& draw = design.draws[d];
    pricing::CostResult result = pricing::cost(complete(draw.monthly, priced.meters), table, options);
    if (priced.lines.empty()) {
      for (const auto& item : result.lines) priced.lines.push_back({item.meter, item.line, item.unit, {}, {}});
    }
    if (result.lines.size() != priced.lines.size())
      throw model::InternalError("price lines differ between draws of design " + design.name);
    for (std::size_t i = 0; i < result.lines.size(); ++i) {
      priced.lines[i].quantity.push_back(result.lines[i].quantity);
      priced.lines[i].cost_usd.push_back(result.lines[i].cost_usd);
    }
    priced.monthly_cost_usd.push_back(result.total_usd);
    priced.events_per_month.push_back(draw.events_per_month);
    priced.draw_std_error_usd.push_back(batch_std_error(draw.batch_monthly, priced.meters, table, options));
  }
}

PricedDesign price_design(const sim::DesignResult& design, const pricing::PriceTable& table,
                          const pricing::CostOptions& options) {
  PricedDesign out;
  update_priced_design(out, design, table, options);
  return out;
}

double monthly_cost_std_error(const PricedDesign& design) {
  if (design.monthly_cost_usd.size() >= 2) return sim::summarize(design.monthly_cost_usd).std_error;
  if (design.draw_std_error_usd.size() == 1) return design.draw_std_error_usd.front();
  return 0;
}

double monthly_cost_relative_error(const PricedDesign& design) {
  double mean = sim::summarize(design.monthly_cost_usd).mean;
  double half_width = sim::kZ975 * monthly_cost_std_error(design);
  if (half_width == 0) return 0;
  if (mean == 0) return std::numeric_limits<double>::infinity();
  return half_width / std::fabs(mean);
}

}  // namespace flowcost::engine
