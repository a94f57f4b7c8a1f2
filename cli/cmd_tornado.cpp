#include <memory>
#include <sstream>

#include "cli/command.h"
#include "cli/diagnostic_printer.h"
#include "cli/output.h"
#include "cli/run_options.h"
#include "cli/scenario_inputs.h"
#include "engine/tornado.h"
#include "reports/whatif_markdown.h"
#include "reports/whatif_writers.h"

namespace flowcost::cli {

namespace {

struct TornadoCommand {
  std::string scenario;
  RunOptions options;
  std::string format = "table";
  std::string output;
};

std::string render(const engine::TornadoReport& report, const std::string& format) {
  std::ostringstream out;
  if (format == "csv") reports::write_tornado_csv(report, out);
  else if (format == "json") reports::write_tornado_json(report, out);
  else if (format == "md") reports::write_tornado_markdown(report, out);
  else reports::write_tornado_table(report, out);
  return out.str();
}

}  // namespace

void add_tornado_command(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("tornado", "Which uncertain input moves the decision most (one-way sensitivity)");
  auto state = std::make_shared<TornadoCommand>();
  cmd->add_option("SCENARIO", state->scenario, "scenario file (.yaml)")->required();
  add_run_options(*cmd, state->options);
  cmd->add_option("--format", state->format, "output format")->check(CLI::IsMember({"table", "csv", "json", "md"}));
  cmd->add_option("-o,--output", state->output, "write to FILE atomically instead of standard output");
  cmd->callback([&ctx, state] {
    const ScenarioInputs loaded(state->scenario, state->options);
    check_output(state->output, loaded.paths());
    engine::WhatIfRun<engine::TornadoReport> run =
        engine::run_tornado(state->scenario, run_settings(state->options), loaded.loaders());
    print_diagnostics(ctx.err, run.warnings);
    write_output(state->output, render(run.report, state->format), ctx.out, loaded.paths());
  });
}

}  // namespace flowcost::cli
