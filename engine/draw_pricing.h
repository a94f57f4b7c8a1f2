#pragma once
// Pricing a simulation run draw by draw: every outer draw's monthly meter totals of a design go through
// pricing::cost, so tiers and free tiers apply to whole months (never to a mean); the per-draw costs are
// what the report summarises (mean, quantiles) and what paired comparisons pair. This is where sim/ and
// pricing/ meet (ARCHITECTURE.md "Rooms").
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "pricing/cost.h"
#include "pricing/price_table.h"
#include "sim/run_result.h"

namespace flowcost::engine {

struct PricedLine {
  std::string meter;
  std::string line;
  std::string unit;
  std::vector<double> quantity;  // per draw
  std::vector<double> cost_usd;  // per draw
  // Monte Carlo standard error of each draw's cost of this line, from its batch totals as for the
  // design's total (PricedDesign::draw_std_error_usd).
  std::vector<double> draw_std_error_usd;
};

struct PricedDesign {
  std::string name;
  // Every meter the design produced in any draw (a draw without it counts 0), in price-table order.
  std::vector<std::string> meters;
  std::vector<double> monthly_cost_usd;   // per draw
  std::vector<double> events_per_month;   // per draw
  // Monte Carlo standard error of each draw's monthly cost, from the spread of its batch totals' costs
  // (sample standard deviation over the batches / sqrt(number of batches)); 0 with fewer than 2 batches.
  std::vector<double> draw_std_error_usd;
  std::vector<PricedLine> lines;  // in price-table order
};

// `produced` in price-table order, then the meters without a rate line (sorted).
std::vector<std::string> priced_meters(const std::vector<std::string>& produced, const pricing::PriceTable& table);

// Puts `priced.lines` in `order` (meter, line label), adding the lines it lacks with quantity and cost 0 in
// every draw priced so far (`units[i]` is the unit of order[i]).
void align_lines(PricedDesign& priced, const std::vector<std::pair<std::string, std::string>>& order,
                 const std::vector<std::string>& units);

// Meters of `design` (any draw) that `table` has no rate line for.
std::vector<std::string> unpriced_meters(const sim::DesignResult& design, const pricing::PriceTable& table);

// Prices every draw (and every batch total) of `design`; needs the batch totals of every draw (see
// sim::release_batch_totals). Throws model::InputError from pricing::cost when a
// meter has no rate line (check unpriced_meters first for a positioned message).
PricedDesign price_design(const sim::DesignResult& design, const pricing::PriceTable& table,
                          const pricing::CostOptions& options);

// Brings `priced` up to date with `design` after more draws were appended to it: prices only the new
// draws (a meter not seen before adds its lines with 0 to the earlier draws). Same result as
// price_design(design, ...); only the new draws need their batch totals.
void update_priced_design(PricedDesign& priced, const sim::DesignResult& design, const pricing::PriceTable& table,
                          const pricing::CostOptions& options);

// The standard error of a mean over draws of `cost_usd`: over the draws when there are at least two,
// otherwise the single draw's Monte Carlo standard error (from its batches, `draw_std_error_usd`).
double cost_std_error(const std::vector<double>& cost_usd, const std::vector<double>& draw_std_error_usd);
// The standard error of the mean monthly cost (cost_std_error of the design's totals).
double monthly_cost_std_error(const PricedDesign& design);

// The achieved relative error of the mean monthly cost: 1.96 x standard error / |mean| (0 when both are 0).
double monthly_cost_relative_error(const PricedDesign& design);

}  // namespace flowcost::engine
