#include <cmath>
#include <algorithm>
#include <memory>
#include <sstream>

#include "cli/command.h"
#include "cli/diagnostic_printer.h"
#include "cli/output.h"
#include "cli/whatif.h"
#include "reports/whatif_writers.h"

namespace flowcost::cli {

namespace {

struct TornadoCommand {
  std::string scenario;
  RunOptions options;
  std::string format = "table";
  std::string output;
};

using Fixed = std::vector<std::pair<std::string, double>>;

// The inputs drawn per outer draw from a (non-constant, numeric) distribution.
std::vector<const model::InputSpec*> uncertain_inputs(const model::Scenario& scenario) {
  std::vector<const model::InputSpec*> out;
  for (const auto& in : scenario.inputs) {
    if (in.value.kind != model::ValueSpec::Kind::distribution) continue;
    if (in.value.distribution.is_constant() || !in.value.distribution.labels.empty()) continue;
    out.push_back(&in);
  }
  return out;
}

bool decision_flips(double low, double base, double high) {
  return sim::changes_sign(low, base) || sim::changes_sign(base, high) || sim::changes_sign(low, high);
}

std::string render(const reports::TornadoReport& report, const std::string& format) {
  std::ostringstream out;
  if (format == "csv") reports::write_tornado_csv(report, out);
  else if (format == "json") reports::write_tornado_json(report, out);
  else reports::write_tornado_table(report, out);
  return out.str();
}

}  // namespace

WhatIfRun<reports::TornadoReport> run_tornado(const std::string& scenario_path, const RunOptions& user_options) {
  model::Scenario scenario = load_whatif_scenario(scenario_path, user_options);
  const RunOptions options = whatif_options(scenario, user_options);
  WhatIfRun<reports::TornadoReport> run;
  reports::TornadoReport& out = run.report;
  out.scenario = scenario.id;
  out.seed = *options.seed;

  Fixed medians;
  for (const auto* in : uncertain_inputs(scenario)) {
    auto q = sim::distribution_quantiles(in->value.distribution, {0.05, 0.5, 0.95}, out.seed);
    out.inputs.push_back({in->name, q[0], q[1], q[2], {}});
    medians.emplace_back(in->name, q[1]);
  }
  ScenarioRun base = run_with_inputs(scenario_path, options, medians);
  run.input_paths = base.input_paths;
  run.warnings = base.warnings;
  out.draws = base.report.draws;
  out.executions_per_draw = base.report.executions_per_draw;
  out.base = cost_summaries(base.report);
  for (const auto& s : pair_savings(base.report)) out.pairs.push_back({s.baseline, s.candidate, s.saving_usd_mean, {}});

  for (auto& in : out.inputs) {
    Fixed low_inputs = medians, high_inputs = medians;
    low_inputs.emplace_back(in.name, in.p05);  // a later --set of the same name wins
    high_inputs.emplace_back(in.name, in.p95);
    const reports::RunReport low = run_with_inputs(scenario_path, options, low_inputs).report;
    const reports::RunReport high = run_with_inputs(scenario_path, options, high_inputs).report;
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
                     [](const reports::TornadoBar& a, const reports::TornadoBar& b) { return a.swing_usd > b.swing_usd; });
  return run;
}

void add_tornado_command(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("tornado", "Which uncertain input moves the decision most (one-way sensitivity)");
  auto state = std::make_shared<TornadoCommand>();
  cmd->add_option("SCENARIO", state->scenario, "scenario file (.yaml)")->required();
  add_run_options(*cmd, state->options);
  cmd->add_option("--format", state->format, "output format")->check(CLI::IsMember({"table", "csv", "json"}));
  cmd->add_option("-o,--output", state->output, "write to FILE atomically instead of standard output");
  cmd->callback([&ctx, state] {
    check_output(state->output, {state->scenario});
    WhatIfRun<reports::TornadoReport> run = run_tornado(state->scenario, state->options);
    print_diagnostics(ctx.err, run.warnings);
    std::vector<std::string> inputs = run.input_paths;
    inputs.push_back(state->scenario);
    write_output(state->output, render(run.report, state->format), ctx.out, inputs);
  });
}

}  // namespace flowcost::cli
