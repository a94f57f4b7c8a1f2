#include <cstdlib>
#include <memory>
#include <optional>
#include <sstream>

#include "cli/command.h"
#include "cli/diagnostic_printer.h"
#include "cli/output.h"
#include "cli/progress_bar.h"
#include "cli/run_options.h"
#include "cli/run_render.h"
#include "cli/scenario_inputs.h"
#include "cli/shard_option.h"
#include "engine/partial_run.h"
#include "engine/run_pipeline.h"
#include "model/errors.h"
#include "reports/per_draw_csv_writer.h"
#include "sim/work_crew.h"

namespace flowcost::cli {

namespace {

struct RunCommand {
  std::string scenario;
  RunOptions options;
  std::string format = "table";
  std::string output;
  std::string per_draw;
  std::string shard;
  CLI::Option* format_option = nullptr;
};

// `run --shard`: this shard's slice of the draws as a partial result for `flowcost merge`.
void run_shard(Context& ctx, const RunCommand& cmd, const engine::ShardSpec& shard, engine::ScenarioSession& session,
               const engine::RunSettings& settings, const std::vector<std::string>& inputs) {
  ProgressBar bar(ctx.err, ctx.err_is_terminal, "flowcost run --shard " + cmd.shard);
  engine::PartialRun part = session.run_shard(cmd.scenario, settings, shard, progress_for(bar, ctx.err_is_terminal));
  bar.finish();
  print_diagnostics(ctx.err, session.warnings());
  std::ostringstream out;
  engine::write_partial_run(part, out);
  write_output(cmd.output, out.str(), ctx.out, inputs);
}

}  // namespace

void add_run_command(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("run", "Simulate every design of a scenario, price the month, compare the designs");
  auto state = std::make_shared<RunCommand>();
  cmd->add_option("SCENARIO", state->scenario, "scenario file (.yaml)")->required();
  add_run_options(*cmd, state->options);
  state->format_option = cmd->add_option("--format", state->format, "output format")
                             ->check(CLI::IsMember({"table", "csv", "json", "md"}));
  cmd->add_option("-o,--output", state->output, "write to FILE atomically instead of standard output");
  cmd->add_option("--per-draw", state->per_draw,
                  "also write every draw's monthly cost per design and line item to FILE (CSV)");
  cmd->add_option("--fail-above", state->options.settings.fail_above,
                  "exit 3 when DESIGN's mean monthly cost exceeds USD (repeatable): DESIGN=USD")
      ->expected(1)
      ->take_all()
      ->allow_extra_args(false);
  add_shard_option(*cmd, state->shard);
  cmd->callback([&ctx, state] {
    // The run's threads start first, so that they are ready when the simulation starts (sim/work_crew.h).
    const std::unique_ptr<sim::WorkCrew> crew = engine::start_run_threads(state->options.settings);
    ScenarioInputs loaded(state->scenario, state->options, crew.get());
    const std::vector<std::string>& inputs = loaded.paths();
    check_output(state->output, inputs);
    if (!state->per_draw.empty()) {
      check_output(state->per_draw, inputs);
      check_distinct_outputs(state->output, state->per_draw);
    }
    std::optional<engine::ShardSpec> shard;
    if (!state->shard.empty()) {
      check_shard_format(state->format_option->count() > 0);
      shard = parse_shard(state->shard, [](const char* name) { return std::getenv(name); });
    }
    const engine::RunSettings settings = run_settings(state->options);
    engine::ScenarioSession session(state->scenario, settings, loaded.take_loaders(), crew.get());
    session.fix_inputs({});
    if (shard) return run_shard(ctx, *state, *shard, session, settings, inputs);
    ProgressBar bar(ctx.err, ctx.err_is_terminal, "flowcost run");
    engine::ScenarioRun run = session.run(settings, {}, progress_for(bar, ctx.err_is_terminal));
    crew->release();  // simulated: the helpers end while the report is written
    bar.finish();
    print_diagnostics(ctx.err, run.warnings);
    const std::string report = render_run_report(run.report, state->format);
    std::vector<OutputFile> outputs;
    if (!state->per_draw.empty()) {
      std::ostringstream per_draw;
      reports::write_per_draw_csv(run.report, per_draw);
      outputs.push_back({state->per_draw, per_draw.str()});
    }
    outputs.push_back({state->output, report});
    write_outputs(outputs, ctx.out, inputs);  // both or neither
    report_budgets(ctx, run.report, "");
  });
}

}  // namespace flowcost::cli
