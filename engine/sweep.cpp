#include "engine/sweep.h"

#include <algorithm>
#include <optional>
#include <vector>

#include "engine/partial_sweep.h"
#include "model/errors.h"
#include "model/suggest.h"

namespace flowcost::engine {

namespace {

const model::SourceLocation kVary{"--vary", 0, 0};

// Bisection of a break-even bracket: until it is within 1% of the crossing, at most 6 extra runs.
constexpr double kBracketRelTolerance = 0.01;
constexpr int kMaxExtraRuns = 6;

// What a sweep and each of its shards share: the session with the varied input fixed (to the grid's first
// value while the designs compile), the settings of every point's run, the grid.
struct Sweep {
  ScenarioSession session;
  RunSettings settings;
  std::vector<double> values;

  Sweep(const std::string& scenario_path, const RunSettings& user_settings, const VarySpec& vary,
        const ScenarioLoaders& loaders)
      : session(scenario_path, user_settings, loaders) {
    check_vary_name(session.scenario(), vary.name);
    settings = whatif_settings(session.scenario(), user_settings);
    values = sim::grid_points(vary.from, vary.to, vary.points, vary.scale);
    session.fix_inputs({{vary.name, values.front()}});
  }

  // The report's fields that no point decides.
  SweepReport header(const VarySpec& vary) const {
    SweepReport out;
    out.scenario = session.scenario().id;
    out.seed = *settings.seed;
    out.input = vary.name;
    out.from = vary.from;
    out.to = vary.to;
    out.scale = vary.scale == sim::GridScale::log ? "log" : "linear";
    return out;
  }
};

SweepPoint point_of(double value, const RunReport& report) {
  return {value, cost_summaries(report), pair_savings(report)};
}

// The crossing of comparison `index`'s mean saving in the bracket from point `i` (`p0`) to point `i + 1`
// (`p1`), refined by bisection (each bisection point one more run of the same session); none when the sign
// does not change there.
std::optional<BreakEven> bracket_break_even(Sweep& sweep, const VarySpec& vary, std::size_t index, std::size_t i,
                                            const SweepPoint& p0, const SweepPoint& p1) {
  const PairSaving& pair = p0.comparisons[index];
  const double y0 = p0.comparisons[index].saving_usd_mean;
  const double y1 = p1.comparisons[index].saving_usd_mean;
  if (!sim::changes_sign(y0, y1)) return std::nullopt;
  // A zero at a grid point is one crossing, reported once (from the bracket that starts there).
  if (y1 == 0 && i + 2 < sweep.values.size()) return std::nullopt;
  auto saving_at = [&](double value) {
    return saving_of(sweep.session.run(sweep.settings, {{vary.name, value}}).report, pair.candidate);
  };
  auto bracket = sim::make_bracket(p0.value, y0, p1.value, y1);
  bracket = sim::refine_crossing(bracket, saving_at, kBracketRelTolerance, kMaxExtraRuns);
  return BreakEven{pair.baseline, pair.candidate, bracket.value, bracket.lo, bracket.hi, bracket.evaluations, y1 > y0};
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
  Sweep sweep(scenario_path, user_settings, vary, loaders);
  WhatIfRun<SweepReport> run;
  SweepReport& out = run.report;
  out = sweep.header(vary);
  for (double value : sweep.values) {
    ScenarioRun point = sweep.session.run(sweep.settings, {{vary.name, value}});
    if (out.points.empty()) {
      run.input_paths = point.input_paths;
      run.warnings = point.warnings;
      out.basis = design_basis(point.report);
    }
    out.draws = point.report.draws;
    out.executions_per_draw = point.report.executions_per_draw;
    out.points.push_back(point_of(value, point.report));
  }
  for (std::size_t k = 0; k < out.points.front().comparisons.size(); ++k) {
    bool found = false;
    for (std::size_t i = 0; i + 1 < out.points.size(); ++i)
      if (auto crossing = bracket_break_even(sweep, vary, k, i, out.points[i], out.points[i + 1])) {
        out.break_even.push_back(*crossing);
        found = true;
      }
    if (!found) out.without_break_even.push_back(without_break_even(out.points.front(), k));
  }
  return run;
}

PairSaving without_break_even(const SweepPoint& first, std::size_t index) {
  const PairSaving& pair = first.comparisons.at(index);
  return {pair.baseline, pair.candidate, pair.saving_usd_mean};
}

WhatIfRun<PartialSweep> run_sweep_shard(const std::string& scenario_path, const RunSettings& user_settings,
                                        const VarySpec& vary, const ShardSpec& shard, const ScenarioLoaders& loaders) {
  Sweep sweep(scenario_path, user_settings, vary, loaders);
  const ShardSlice slice = shard_slice(sweep.values.size(), shard);
  WhatIfRun<PartialSweep> run;
  run.input_paths = sweep.session.input_paths();
  run.warnings = sweep.session.warnings();
  PartialSweep& part = run.report;
  part.header = new_shard_header("sweep", sweep_config_hash(sweep.session.config_hash(sweep.settings), vary), shard);
  part.scenario_path = scenario_path;
  part.settings = sweep.session.effective_settings(sweep.settings);
  part.vary = vary;
  SweepReport& out = part.report;
  out = sweep.header(vary);
  // The shard's points, then the next shard's first point (the far end of the last bracket).
  const std::size_t end = slice.first + slice.count;
  std::vector<SweepPoint> points;
  for (std::size_t i = slice.first; slice.count > 0 && i < std::min(end + 1, sweep.values.size()); ++i) {
    const ScenarioRun point = sweep.session.run(sweep.settings, {{vary.name, sweep.values[i]}});
    if (i == 0) out.basis = design_basis(point.report);
    if (i < end) {
      out.draws = point.report.draws;
      out.executions_per_draw = point.report.executions_per_draw;
      out.points.push_back(point_of(sweep.values[i], point.report));
    }
    points.push_back(point_of(sweep.values[i], point.report));
  }
  if (points.empty()) return run;
  for (std::size_t k = 0; k < points.front().comparisons.size(); ++k)
    for (std::size_t i = slice.first; i < end && i + 1 < sweep.values.size(); ++i)
      if (auto crossing =
              bracket_break_even(sweep, vary, k, i, points[i - slice.first], points[i + 1 - slice.first])) {
        out.break_even.push_back(*crossing);
        part.break_even_at.emplace_back(k, i);
      }
  return run;
}

}  // namespace flowcost::engine
