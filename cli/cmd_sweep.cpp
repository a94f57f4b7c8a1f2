#include <memory>
#include <sstream>

#include "cli/command.h"
#include "cli/diagnostic_printer.h"
#include "cli/output.h"
#include "cli/run_options.h"
#include "cli/scenario_inputs.h"
#include "cli/vary_option.h"
#include "engine/sweep.h"
#include "reports/whatif_markdown.h"
#include "reports/whatif_writers.h"

namespace flowcost::cli {

namespace {

struct SweepCommand {
  std::string scenario;
  RunOptions options;
  std::string vary;
  std::string format = "table";
  std::string output;
};

std::string render(const engine::SweepReport& report, const std::string& format) {
  std::ostringstream out;
  if (format == "csv") reports::write_sweep_csv(report, out);
  else if (format == "json") reports::write_sweep_json(report, out);
  else if (format == "md") reports::write_sweep_markdown(report, out);
  else reports::write_sweep_table(report, out);
  return out.str();
}

}  // namespace

void add_sweep_command(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("sweep", "Vary one input over a range: cost curves and the break-even point");
  auto state = std::make_shared<SweepCommand>();
  cmd->add_option("SCENARIO", state->scenario, "scenario file (.yaml)")->required();
  cmd->add_option("--vary", state->vary, "NAME=FROM..TO[:log][:N]: the input to vary (N points, default 9)")
      ->required();
  add_run_options(*cmd, state->options);
  cmd->add_option("--format", state->format, "output format")->check(CLI::IsMember({"table", "csv", "json", "md"}));
  cmd->add_option("-o,--output", state->output, "write to FILE atomically instead of standard output");
  cmd->callback([&ctx, state] {
    check_output(state->output, scenario_input_paths(state->scenario, state->options));
    const engine::VarySpec vary = parse_vary(state->vary);
    engine::WhatIfRun<engine::SweepReport> run = engine::run_sweep(state->scenario, run_settings(state->options), vary);
    print_diagnostics(ctx.err, run.warnings);
    std::vector<std::string> inputs = run.input_paths;
    inputs.push_back(state->scenario);
    write_output(state->output, render(run.report, state->format), ctx.out, inputs);
  });
}

}  // namespace flowcost::cli
