#include "engine/whatif.h"

#include <algorithm>

#include "model/errors.h"
#include "model/units.h"

namespace flowcost::engine {

model::Scenario load_whatif_scenario(const std::string& scenario_path, const RunSettings& settings) {
  model::Diagnostics diags;
  model::Scenario scenario = model::load_scenario(scenario_path, settings.set, diags);
  diags.sort();
  diags.throw_if_errors();
  return scenario;
}

RunSettings whatif_settings(const model::Scenario& scenario, const RunSettings& settings) {
  RunSettings out = settings;
  if (!out.draws) out.draws = std::min(scenario.run.draws, kWhatIfMaxDefaultDraws);
  if (!out.seed) out.seed = scenario.run.seed;
  return out;
}

ScenarioRun run_with_inputs(const std::string& scenario_path, const RunSettings& settings,
                            const std::vector<std::pair<std::string, double>>& fixed) {
  RunSettings with = settings;
  for (const auto& [name, value] : fixed) with.set.emplace_back(name, model::format_number(value));
  return run_scenario(scenario_path, with, {});
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

double saving_of(const RunReport& report, const std::string& candidate) {
  for (const auto& c : report.comparisons)
    if (c.candidate == candidate) return c.saving_usd.mean;
  throw model::InternalError("no comparison for design \"" + candidate + "\"");
}

}  // namespace flowcost::engine
