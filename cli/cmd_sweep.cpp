#include <cstdlib>
#include <memory>
#include <sstream>

#include "cli/command.h"
#include "cli/diagnostic_printer.h"
#include "cli/output.h"
#include "cli/run_options.h"
#include "cli/run_render.h"
#include "cli/scenario_inputs.h"
#include "cli/shard_option.h"
#include "cli/vary_option.h"
#include "engine/partial_sweep.h"
#include "engine/sweep.h"

namespace flowcost::cli {

namespace {

struct SweepCommand {
  std::string scenario;
  RunOptions options;
  std::string vary;
  std::string format = "table";
  std::string output;
  std::string shard;
  CLI::Option* format_option = nullptr;
};

}  // namespace

void add_sweep_command(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("sweep", "Vary one input over a range: cost curves and the break-even point");
  auto state = std::make_shared<SweepCommand>();
  cmd->add_option("SCENARIO", state->scenario, "scenario file (.yaml)")->required();
  cmd->add_option("--vary", state->vary, "NAME=FROM..TO[:log][:N]: the input to vary (N points, default 9)")
      ->required();
  add_run_options(*cmd, state->options);
  state->format_option = cmd->add_option("--format", state->format, "output format")
                             ->check(CLI::IsMember({"table", "csv", "json", "md"}));
  cmd->add_option("-o,--output", state->output, "write to FILE atomically instead of standard output");
  add_shard_option(*cmd, state->shard);
  cmd->callback([&ctx, state] {
    const ScenarioInputs loaded(state->scenario, state->options);
    check_output(state->output, loaded.paths());
    const engine::VarySpec vary = parse_vary(state->vary);
    if (!state->shard.empty()) {
      // This shard's slice of the grid points as a partial result for `flowcost merge`.
      check_shard_format(state->format_option->count() > 0);
      const engine::ShardSpec shard = parse_shard(state->shard, [](const char* name) { return std::getenv(name); });
      const auto part =
          engine::run_sweep_shard(state->scenario, run_settings(state->options), vary, shard, loaded.loaders());
      print_diagnostics(ctx.err, part.warnings);
      std::ostringstream out;
      engine::write_partial_sweep(part.report, out);
      write_output(state->output, out.str(), ctx.out, loaded.paths());
      return;
    }
    engine::WhatIfRun<engine::SweepReport> run =
        engine::run_sweep(state->scenario, run_settings(state->options), vary, loaded.loaders());
    print_diagnostics(ctx.err, run.warnings);
    write_output(state->output, render_sweep_report(run.report, state->format), ctx.out, loaded.paths());
  });
}

}  // namespace flowcost::cli
