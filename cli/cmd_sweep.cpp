#include <memory>
#include <sstream>

#include "cli/command.h"
#include "cli/diagnostic_printer.h"
#include "cli/output.h"
#include "cli/whatif.h"
#include "reports/whatif_writers.h"

namespace flowcost::cli {

namespace {

// Bisection of a break-even bracket: until it is within 1% of the crossing, at most 6 extra runs.
constexpr double kBracketRelTolerance = 0.01;
constexpr int kMaxExtraRuns = 6;

struct SweepCommand {
  std::string scenario;
  RunOptions options;
  std::string vary;
  std::string format = "table";
  std::string output;
};

reports::SweepPoint point_of(double value, const reports::RunReport& report) {
  return {value, cost_summaries(report), pair_savings(report)};
}

// Every sign change of `candidate`'s mean saving between adjacent points, refined by bisection.
void find_break_evens(const std::string& scenario_path, const RunOptions& options, const VarySpec& vary,
                      const reports::PairSaving& pair, std::size_t index, reports::SweepReport& out) {
  auto saving_at = [&](double value) {
    return saving_of(run_with_inputs(scenario_path, options, {{vary.name, value}}).report, pair.candidate);
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

std::string render(const reports::SweepReport& report, const std::string& format) {
  std::ostringstream out;
  if (format == "csv") reports::write_sweep_csv(report, out);
  else if (format == "json") reports::write_sweep_json(report, out);
  else reports::write_sweep_table(report, out);
  return out.str();
}

}  // namespace

WhatIfRun<reports::SweepReport> run_sweep(const std::string& scenario_path, const RunOptions& user_options,
                                          const VarySpec& vary) {
  model::Scenario scenario = load_whatif_scenario(scenario_path, user_options);
  check_vary_name(scenario, vary.name);
  const RunOptions options = whatif_options(scenario, user_options);
  WhatIfRun<reports::SweepReport> run;
  reports::SweepReport& out = run.report;
  out.scenario = scenario.id;
  out.seed = *options.seed;
  out.input = vary.name;
  out.from = vary.from;
  out.to = vary.to;
  out.scale = vary.scale == sim::GridScale::log ? "log" : "linear";
  for (double value : sim::grid_points(vary.from, vary.to, vary.points, vary.scale)) {
    ScenarioRun point = run_with_inputs(scenario_path, options, {{vary.name, value}});
    if (out.points.empty()) {
      run.input_paths = point.input_paths;
      run.warnings = point.warnings;
    }
    const reports::RunReport& report = point.report;
    out.draws = report.draws;
    out.executions_per_draw = report.executions_per_draw;
    out.points.push_back(point_of(value, report));
  }
  const auto pairs = out.points.front().comparisons;
  for (std::size_t k = 0; k < pairs.size(); ++k) find_break_evens(scenario_path, options, vary, pairs[k], k, out);
  return run;
}

void add_sweep_command(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("sweep", "Vary one input over a range: cost curves and the break-even point");
  auto state = std::make_shared<SweepCommand>();
  cmd->add_option("SCENARIO", state->scenario, "scenario file (.yaml)")->required();
  cmd->add_option("--vary", state->vary, "NAME=FROM..TO[:log][:N]: the input to vary (N points, default 9)")
      ->required();
  add_run_options(*cmd, state->options);
  cmd->add_option("--format", state->format, "output format")->check(CLI::IsMember({"table", "csv", "json"}));
  cmd->add_option("-o,--output", state->output, "write to FILE atomically instead of standard output");
  cmd->callback([&ctx, state] {
    check_output(state->output, {state->scenario});
    const VarySpec vary = parse_vary(state->vary);
    WhatIfRun<reports::SweepReport> run = run_sweep(state->scenario, state->options, vary);
    print_diagnostics(ctx.err, run.warnings);
    std::vector<std::string> inputs = run.input_paths;
    inputs.push_back(state->scenario);
    write_output(state->output, render(run.report, state->format), ctx.out, inputs);
  });
}

}  // namespace flowcost::cli
