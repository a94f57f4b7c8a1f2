#include "cli/draw_pricing.h"

#include <cmath>
#include <limits>
#include <set>

#include "model/errors.h"
#include "sim/statistics.h"

namespace flowcost::cli {

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

PricedDesign price_design(const sim::DesignResult& design, const pricing::PriceTable& table,
                          const pricing::CostOptions& options) {
  PricedDesign out;
  out.name = design.name;
  const std::set<std::string> produced = produced_meters(design);
  std::set<std::string> listed;
  for (const auto& line : table.lines)
    if (produced.count(line.meter) && listed.insert(line.meter).second) out.meters.push_back(line.meter);
  for (const auto& m : produced)  // meters without a rate line: pricing::cost reports them
    if (!table.has_meter(m)) out.meters.push_back(m);

  for (const auto& draw : design.draws) {
    pricing::CostResult priced = pricing::cost(complete(draw.monthly, out.meters), table, options);
    if (out.lines.empty()) {
      for (const auto& item : priced.lines) out.lines.push_back({item.meter, item.line, item.unit, {}, {}});
    }
    if (priced.lines.size() != out.lines.size())
      throw model::InternalError("price lines differ between draws of design " + design.name);
    for (std::size_t i = 0; i < priced.lines.size(); ++i) {
      out.lines[i].quantity.push_back(priced.lines[i].quantity);
      out.lines[i].cost_usd.push_back(priced.lines[i].cost_usd);
    }
    out.monthly_cost_usd.push_back(priced.total_usd);
    out.events_per_month.push_back(draw.events_per_month);
    out.draw_std_error_usd.push_back(batch_std_error(draw.batch_monthly, out.meters, table, options));
  }
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

}  // namespace flowcost::cli
