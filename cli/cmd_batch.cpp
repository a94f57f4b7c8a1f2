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
#include "reports/batch_markdown.h"
#include "reports/run_csv_writer.h"
#include "reports/run_report_text.h"

namespace flowcost::cli {

namespace {

struct BatchCommand {
  std::vector<std::string> scenarios;
  RunOptions options;
  std::string format = "csv";
  std::string output;
};

}  // namespace

// Every scenario runs even when another fails; a failure's diagnostics go to stderr and the exit code is
// then 1, but the CSV (written atomically at the end) still holds the scenarios that ran.
void add_batch_command(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("batch", "Run many scenarios into one CSV (the columns of run --format csv)");
  auto state = std::make_shared<BatchCommand>();
  cmd->add_option("SCENARIO", state->scenarios, "scenario files")->required();
  add_run_options(*cmd, state->options);
  cmd->add_option("--format", state->format, "output format: csv (one table) or md (a summary, then each report)")
      ->check(CLI::IsMember({"csv", "md"}));
  cmd->add_option("-o,--output", state->output, "the file to write atomically (default: standard output)");
  cmd->callback([&ctx, state] {
    // Every scenario's files are known before anything runs or is written.
    std::vector<std::string> inputs;
    for (const auto& path : state->scenarios) {
      std::vector<std::string> files = scenario_input_paths(path, state->options);
      inputs.insert(inputs.end(), files.begin(), files.end());
    }
    check_output(state->output, inputs);
    std::ostringstream csv;
    reports::write_run_csv_header(csv);
    std::vector<engine::RunReport> made;  // the reports of the scenarios that ran
    std::size_t failed = 0;
    for (const auto& path : state->scenarios) {
      try {
        ProgressBar bar(ctx.err, ctx.err_is_terminal, path);
        engine::ScenarioRun run = engine::run_scenario(path, run_settings(state->options),
                                                       progress_for(bar, ctx.err_is_terminal));
        bar.finish();
        print_diagnostics(ctx.err, run.warnings);
        reports::write_run_csv_rows(run.report, csv);
        made.push_back(std::move(run.report));
        inputs.insert(inputs.end(), run.input_paths.begin(), run.input_paths.end());
      } catch (const model::InputError& e) {
        print_diagnostics(ctx.err, e.diagnostics());
        ctx.err << "flowcost batch: " << path << " failed; it is left out of the "
                << (state->format == "md" ? "report" : "CSV") << "\n";
        ++failed;
      }
    }
    std::ostringstream md;
    if (state->format == "md") reports::write_batch_markdown(made, md);
    write_output(state->output, state->format == "md" ? md.str() : csv.str(), ctx.out, inputs);
    for (const auto& r : made)
      for (const auto& b : r.budgets)
        if (!b.passed) {
          ctx.err << "flowcost: over budget: " << r.scenario << ": " << reports::budget_text(b) << "\n";
          ctx.exit_code = kExitOverBudget;
        }
    if (failed > 0) {
      ctx.err << "flowcost batch: " << failed << " of " << state->scenarios.size() << " scenarios failed\n";
      ctx.exit_code = 1;
    }
  });
}

}  // namespace flowcost::cli
