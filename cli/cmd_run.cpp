#include <memory>
#include <sstream>

#include "cli/command.h"
#include "cli/diagnostic_printer.h"
#include "cli/output.h"
#include "cli/scenario_inputs.h"
#include "cli/progress_bar.h"
#include "cli/run_options.h"
#include "engine/run_pipeline.h"
#include "model/errors.h"
#include "reports/run_csv_writer.h"
#include "reports/run_json_writer.h"
#include "reports/run_markdown_writer.h"
#include "reports/run_table_writer.h"

namespace flowcost::cli {

namespace {

struct RunCommand {
  std::string scenario;
  RunOptions options;
  std::string format = "table";
  std::string output;
};

std::string render(const engine::RunReport& report, const std::string& format) {
  std::ostringstream out;
  if (format == "csv") reports::write_run_csv(report, out);
  else if (format == "json") reports::write_run_json(report, out);
  else if (format == "md") reports::write_run_markdown(report, out);
  else reports::write_run_table(report, out);
  return out.str();
}

}  // namespace

void add_run_command(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("run", "Simulate every design of a scenario, price the month, compare the designs");
  auto state = std::make_shared<RunCommand>();
  cmd->add_option("SCENARIO", state->scenario, "scenario file (.yaml)")->required();
  add_run_options(*cmd, state->options);
  cmd->add_option("--format", state->format, "output format")
      ->check(CLI::IsMember({"table", "csv", "json", "md"}));
  cmd->add_option("-o,--output", state->output, "write to FILE atomically instead of standard output");
  cmd->callback([&ctx, state] {
    check_output(state->output, scenario_input_paths(state->scenario, state->options));
    ProgressBar bar(ctx.err, ctx.err_is_terminal, "flowcost run");
    engine::ScenarioRun run = engine::run_scenario(state->scenario, run_settings(state->options),
                                                   progress_for(bar, ctx.err_is_terminal));
    bar.finish();
    print_diagnostics(ctx.err, run.warnings);
    std::vector<std::string> inputs = run.input_paths;
    inputs.push_back(state->scenario);
    write_output(state->output, render(run.report, state->format), ctx.out, inputs);
  });
}

}  // namespace flowcost::cli
