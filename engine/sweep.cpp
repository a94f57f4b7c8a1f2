#include "engine/sweep.h"

#include <algorithm>
#include <vector>

#include "model/errors.h"
#include "model/suggest.h"

namespace flowcost::engine {

namespace {

const model::SourceLocation kVary{"--vary", 0, 0};

// Bisection of a break-even bracket: until it is within 1% of the crossing, at most 6 extra runs.
constexpr double kBracketRelTolerance = 0.01;
constexpr int kMaxExtraRuns = 6;

SweepPoint point_of(double value, const RunReport& report) {
  return {value, cost_summaries(report), pair_savings(report)};
}

// Every sign change of `candidate`'s mean saving between adjacent points, refined by bisection (each
// bisection point one more run of the same session).
void find_break_evens(ScenarioSession& session, const RunSettings& settings, const VarySpec& vary,
                      const PairSaving& pair, std::size_t index, SweepReport& out) {
  auto saving_at = [&](double value) {
    return saving_of(session.run(settings, {{vary.name, value}}).report, pair.candidate);
  };
  bool found = false;
  for (std::size_t i = 0; i + 1 < out.points.size(); ++i) {
    const double y0 = out.points[i].comparisons[index].saving_usd_mean;
    const double y1 = out.points[i + 1].comparisons[index].saving_usd_mean;
    if (!sim::changes_sign(y0, y1)) continue;
    // A zero at a grid point is one crossing, reported once (from the bracket that starts there).
    if (y1 == 0 && i + 2 < out.points.size()) continue;
    found = true;
    auto bracket = sim::make_bracket(out.points[i].value, y0, out.points[i + 1].value, y1);
    bracket = sim::refine_crossing(bracket, saving_at, kBracketRelTolerance, kMaxExtraRuns);
    out.break_even.push_back({pair.baseline, pair.candidate, bracket.value, bracket.lo, bracket.hi,
                              bracket.evaluations, y1 > y0});
  }
  if (!found) out.without_break_even.push_back({pair.baseline, pair.candidate, out.points.front().comparisons[index].saving_usd_mean});
}

}  // namespace

void check_vary_name(const model::Scenario& scenario, const std::string& name) {
  std::vector<std::string> known;
  for (const auto& in : scenario.inputs) known.push_back(in.name);
  known.push_back("events_per_month");
  for (const auto& item : scenario.workload.items) known.push_back(item.name);
  if (std::find(known.begin(), known.end(), name) != known.end()) return;
  throw model::InputError(kVary, model::unknown_name_message("input", name, known));
}

WhatIfRun<SweepReport> run_sweep(const std::string& scenario_path, const RunSettings& user_settings,
                                 const VarySpec& vary, const ScenarioLoaders& loaders) {
  ScenarioSession session(scenario_path, user_settings, loaders);
  check_vary_name(session.scenario(), vary.name);
  const RunSettings settings = whatif_settings(session.scenario(), user_settings);
  const std::vector<double> values = sim::grid_points(vary.from, vary.to, vary.points, vary.scale);
  session.fix_inputs({{vary.name, values.front()}});
  WhatIfRun<SweepReport> run;
  SweepReport& out = run.report;
  out.scenario = session.scenario().id;
  out.seed = *settings.seed;
  out.input = vary.name;
  out.from = vary.from;
  out.to = vary.to;
  out.scale = vary.scale == sim::GridScale::log ? "log" : "linear";
  for (double value : values) {
    ScenarioRun point = session.run(settings, {{vary.name, value}});
    if (out.points.empty()) {
      run.input_paths = point.input_paths;
      run.warnings = point.warnings;
      out.basis = design_basis(point.report);
    }
    const RunReport& report = point.report;
    out.draws = report.draws;
    out.executions_per_draw = report.executions_per_draw;
    out.points.push_back(point_of(value, report));
  }
  const auto pairs = out.points.front().comparisons;
  for (std::size_t k = 0; k < pairs.size(); ++k) find_break_evens(session, settings, vary, pairs[k], k, out);
  return run;
}

}  // namespace flowcost::engine
