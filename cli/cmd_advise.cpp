// flowcost advise: the article's three patterns per Step Functions design and the alternatives derived
// from it, priced on the same draws (docs/cli.md "advise"). Wiring only: the engine is engine/advise.h,
// the formatting reports/advise_writers.h.
#include <memory>
#include <sstream>

#include "cli/command.h"
#include "cli/diagnostic_printer.h"
#include "cli/output.h"
#include "cli/run_options.h"
#include "cli/scenario_inputs.h"
#include "engine/advise.h"
#include "model/errors.h"
#include "model/scenario/scenario.h"
#include "pricing/borrowed_prices.h"
#include "reports/advise_writers.h"

namespace flowcost::cli {

namespace {

struct AdviseCommand {
  std::string scenario;
  RunOptions options;
  std::string format = "table";
  std::string output;
};

std::string render(const engine::AdviceReport& report, const std::string& format) {
  std::ostringstream out;
  if (format == "json") reports::write_advice_json(report, out);
  else if (format == "md") reports::write_advice_markdown(report, out);
  else reports::write_advice_table(report, out);
  return out.str();
}

void run_advise(const AdviseCommand& c, Context& ctx) {
  const ScenarioInputs loaded(c.scenario, c.options);
  check_output(c.output, loaded.paths());
  const engine::RunSettings settings = run_settings(c.options);
  if (settings.rel_error || settings.max_draws)
    throw model::InputError(model::SourceLocation{"command line", 0, 0},
                            "advise runs a fixed number of draws (--draws); --rel-error and --max-draws do not apply");
  const engine::ScenarioLoaders loaders = loaded.loaders();
  model::Diagnostics diags;
  const model::Scenario scenario = loaders.load_scenario(c.scenario, settings.set, diags);
  diags.throw_if_errors();
  print_diagnostics(ctx.err, diags.items());
  pricing::PriceTable table = loaders.load_table(scenario, settings.prices);
  if (settings.strict_prices) table = pricing::without_borrowed_prices(std::move(table));
  const engine::AdviceReport report = engine::advise(scenario, table, settings);
  write_output(c.output, render(report, c.format), ctx.out, loaded.paths());
}

}  // namespace

void add_advise_command(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand(
      "advise", "The article's patterns per Step Functions design, and its alternatives priced on the same draws");
  auto state = std::make_shared<AdviseCommand>();
  cmd->add_option("SCENARIO", state->scenario, "scenario file (.yaml)")->required();
  add_run_options(*cmd, state->options);
  cmd->add_option("--format", state->format, "output format")->check(CLI::IsMember({"table", "json", "md"}));
  cmd->add_option("-o,--output", state->output, "write to FILE atomically instead of standard output");
  cmd->callback([&ctx, state] { run_advise(*state, ctx); });
}

}  // namespace flowcost::cli
