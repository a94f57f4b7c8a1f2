#include "engine/tornado.h"

#include <algorithm>
#include <cmath>
#include <utility>
#include <vector>

#include "model/scenario/values.h"
#include "sim/scenario_values.h"
#include "sim/whatif.h"

namespace flowcost::engine {

namespace {

// An input drawn per outer draw from a (non-constant, numeric) distribution.
bool uncertain(const model::InputSpec& in) {
  return in.value.kind == model::ValueSpec::Kind::distribution && !in.value.distribution.is_constant() &&
         in.value.distribution.labels.empty();
}

bool decision_flips(double low, double base, double high) {
  return sim::changes_sign(low, base) || sim::changes_sign(base, high) || sim::changes_sign(low, high);
}

}  // namespace

WhatIfRun<TornadoReport> run_tornado(const std::string& scenario_path, const RunSettings& user_settings,
                                     const ScenarioLoaders& loaders) {
  ScenarioSession session(scenario_path, user_settings, loaders);
  const model::Scenario& scenario = session.scenario();
  const RunSettings settings = whatif_settings(scenario, user_settings);
  WhatIfRun<TornadoReport> run;
  TornadoReport& out = run.report;
  out.scenario = scenario.id;
  out.seed = *settings.seed;

  // Every input at the base: uncertain ones at their medians, expressions evaluated there. A distribution
  // whose parameters name inputs is taken at the base values of those inputs (the other inputs stay at
  // their medians while one varies).
  FixedInputs medians;
  sim::DrawInputs base_values;
  for (const auto& in : scenario.inputs) {
    if (in.value.kind != model::ValueSpec::Kind::distribution) {
      base_values.values[in.name] = sim::per_draw_value(in.value, base_values);
      continue;
    }
    const model::DistributionSpec spec = model::resolve_distribution(
        in.value.distribution, [&](std::string_view name) { return base_values.values.at(std::string(name)); },
        "at the medians of the inputs above it");
    auto q = sim::distribution_quantiles(spec, {0.05, 0.5, 0.95}, out.seed);
    base_values.values[in.name] = q[1];
    if (!uncertain(in)) continue;
    out.inputs.push_back({in.name, q[0], q[1], q[2], {}});
    medians.emplace_back(in.name, q[1]);
  }
  session.fix_inputs(medians);
  ScenarioRun base = session.run(settings, medians);
  run.input_paths = base.input_paths;
  run.warnings = base.warnings;
  out.draws = base.report.draws;
  out.executions_per_draw = base.report.executions_per_draw;
  out.base = cost_summaries(base.report);
  out.basis = design_basis(base.report);
  for (const auto& s : pair_savings(base.report)) out.pairs.push_back({s.baseline, s.candidate, s.saving_usd_mean, {}});

  for (auto& in : out.inputs) {
    FixedInputs low_inputs = medians, high_inputs = medians;
    low_inputs.emplace_back(in.name, in.p05);  // a later value of the same name wins
    high_inputs.emplace_back(in.name, in.p95);
    const RunReport low = session.run(settings, low_inputs).report;
    const RunReport high = session.run(settings, high_inputs).report;
    for (std::size_t d = 0; d < low.designs.size(); ++d)
      in.designs.push_back({low.designs[d].name, low.designs[d].monthly_cost_usd.mean,
                            high.designs[d].monthly_cost_usd.mean});
    for (auto& pair : out.pairs) {
      const double saving_low = saving_of(low, pair.candidate);
      const double saving_high = saving_of(high, pair.candidate);
      pair.bars.push_back({in.name, saving_low, saving_high, std::abs(saving_high - saving_low),
                           decision_flips(saving_low, pair.base_saving_usd, saving_high)});
    }
  }
  for (auto& pair : out.pairs)
    std::stable_sort(pair.bars.begin(), pair.bars.end(),
                     [](const TornadoBar& a, const TornadoBar& b) { return a.swing_usd > b.swing_usd; });
  return run;
}

}  // namespace flowcost::engine
