#include <memory>
#include <optional>
#include <sstream>

#include "cli/command.h"
#include "cli/diagnostic_printer.h"
#include "cli/output.h"
#include "cli/progress_bar.h"
#include "cli/run_options.h"
#include "cli/scenario_inputs.h"
#include "cli/vary_option.h"
#include "engine/review.h"
#include "reports/review_html_writer.h"

namespace flowcost::cli {

namespace {

struct ReportCommand {
  std::string scenario;
  RunOptions options;
  std::string vary;
  std::string output;
};

}  // namespace

void add_report_command(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand(
      "report", "A self-contained HTML page for a design review: the answer, charts, inputs, assumptions, stamp");
  auto state = std::make_shared<ReportCommand>();
  cmd->add_option("SCENARIO", state->scenario, "scenario file (.yaml)")->required();
  add_run_options(*cmd, state->options);
  cmd->add_option("--vary", state->vary,
                  "NAME=FROM..TO[:log][:N]: also sweep this input (cost curves and break-even), as `flowcost sweep`");
  cmd->add_option("-o,--output", state->output, "write the page to FILE atomically instead of standard output");
  cmd->callback([&ctx, state] {
    const ScenarioInputs loaded(state->scenario, state->options);
    check_output(state->output, loaded.paths());
    std::optional<engine::VarySpec> vary;
    if (!state->vary.empty()) vary = parse_vary(state->vary);
    ProgressBar bar(ctx.err, ctx.err_is_terminal, "flowcost report");
    engine::ReviewRun run = engine::run_review(state->scenario, run_settings(state->options), vary, state->vary,
                                               progress_for(bar, ctx.err_is_terminal), loaded.loaders());
    bar.finish();
    print_diagnostics(ctx.err, run.warnings);
    std::ostringstream page;
    reports::write_review_html(run.report, page);
    write_output(state->output, page.str(), ctx.out, loaded.paths());
  });
}

}  // namespace flowcost::cli
