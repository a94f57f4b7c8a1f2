#pragma once
// The assembly of `flowcost run`'s report: a sim::RunResult priced draw by draw (engine/draw_pricing.h),
// summarised per design (mean, standard error, 90% interval of the monthly cost; per-line costs; cost per
// execution; meters; latency percentiles; outcomes) and compared pairwise, every design against the first
// on the same draws (common random numbers).
#include <optional>
#include <vector>

#include "engine/draw_pricing.h"
#include "model/scenario/scenario.h"
#include "pricing/cost.h"
#include "pricing/price_table.h"
#include "engine/run_report.h"
#include "sim/run_result.h"

namespace flowcost::engine {

struct PricedRunInputs {
  const model::Scenario& scenario;
  const sim::RunResult& run;
  const std::vector<PricedDesign>& priced;  // one per design of `run`, same order
  const pricing::PriceTable& table;
  pricing::CostOptions options;
  std::optional<double> rel_error_target;  // the stop rule asked for, if any
};

// The whole report. `converged` is true without a stop rule; with one, it is whether every design's
// monthly cost has 1.96 x standard error <= target x |mean| (a warning says so when not).
RunReport build_run_report(const PricedRunInputs& in);

// Every design of `run` priced (see price_design).
std::vector<PricedDesign> price_run(const sim::RunResult& run, const pricing::PriceTable& table,
                                    const pricing::CostOptions& options);

// `priced` (one per design, or empty) brought up to date with `run` (see update_priced_design).
void update_priced_run(std::vector<PricedDesign>& priced, const sim::RunResult& run, const pricing::PriceTable& table,
                       const pricing::CostOptions& options);

// Whether every design meets the stop rule (and has at least two draws).
bool run_converged(const std::vector<PricedDesign>& priced, double rel_error);

}  // namespace flowcost::engine
