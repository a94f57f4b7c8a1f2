#include "engine/whatif.h"

#include <algorithm>

#include "model/errors.h"

namespace flowcost::engine {

RunSettings whatif_settings(const model::Scenario& scenario, const RunSettings& settings) {
  RunSettings out = settings;
  if (!out.draws) out.draws = std::min(scenario.run.draws, kWhatIfMaxDefaultDraws);
  if (!out.seed) out.seed = scenario.run.seed;
  return out;
}

std::vector<CostSummary> cost_summaries(const RunReport& report) {
  std::vector<CostSummary> out;
  for (const auto& d : report.designs)
    out.push_back({d.name, d.monthly_cost_usd.mean, d.monthly_cost_usd.p05, d.monthly_cost_usd.p95});
  return out;
}

std::vector<PairSaving> pair_savings(const RunReport& report) {
  std::vector<PairSaving> out;
  for (const auto& c : report.comparisons) out.push_back({c.baseline, c.candidate, c.saving_usd.mean});
  return out;
}

std::vector<DesignBasis> design_basis(const RunReport& report) {
  std::vector<DesignBasis> out;
  for (const auto& d : report.designs) out.push_back({d.name, d.unpriced, d.assumptions});
  return out;
}

double saving_of(const RunReport& report, const std::string& candidate) {
  for (const auto& c : report.comparisons)
    if (c.candidate == candidate) return c.saving_usd.mean;
  throw model::InternalError("no comparison for design \"" + candidate + "\"");
}

}  // namespace flowcost::engine
