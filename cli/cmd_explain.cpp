// flowcost explain: expected per-state transitions and cost of each Step Functions design, analytically,
// priced at first-tier prices. Wiring only: the pricing is in engine/explain.h, the formatting in
// reports/explain_writers.h.
#include <memory>
#include <optional>
#include <sstream>

#include "cli/command.h"
#include "cli/diagnostic_printer.h"
#include "cli/output.h"
#include "engine/explain.h"
#include "reports/explain_writers.h"

namespace flowcost::cli {

namespace {

struct ExplainOptions {
  std::string scenario_path;
  std::string design;
  std::string prices;
  std::string format = "table";
  std::string output_path;
  bool strict = false;
  bool strict_prices = false;
};

std::optional<std::string> given(const std::string& value) {
  return value.empty() ? std::nullopt : std::optional<std::string>(value);
}

void run_explain(const ExplainOptions& o, Context& ctx) {
  const engine::ExplainRun run =
      engine::explain_scenario({o.scenario_path, given(o.design), given(o.prices), o.strict, o.strict_prices});
  print_diagnostics(ctx.err, run.warnings);
  std::ostringstream text;
  if (o.format == "json") reports::write_explain_json(run.report, text);
  else if (o.format == "csv") reports::write_explain_csv(run.report, text);
  else if (o.format == "md") reports::write_explain_markdown(run.report, text);
  else reports::write_explain_table(run.report, text);
  write_output(o.output_path, text.str(), ctx.out, run.input_paths);
}

}  // namespace

void add_explain_command(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("explain", "Expected per-state transitions and cost of Step Functions designs, analytically");
  auto o = std::make_shared<ExplainOptions>();
  cmd->add_option("SCENARIO", o->scenario_path, "scenario file")->required();
  cmd->add_option("--design", o->design, "explain only this design");
  cmd->add_option("--prices", o->prices, "price table: a shipped name or a path (default: the scenario's)");
  cmd->add_option("--format", o->format, "output format")->check(CLI::IsMember({"table", "csv", "json", "md"}));
  cmd->add_option("-o,--output", o->output_path, "write to FILE (atomically) instead of standard output");
  cmd->add_flag("--strict", o->strict, "fail (exit 1, nothing written) when a design makes a call flowcost does not price");
  cmd->add_flag("--strict-prices", o->strict_prices,
                "price with the table's own figures only: a meter it borrows from another table (assumed:) is unpriced");
  cmd->callback([o, &ctx] { run_explain(*o, ctx); });
}

}  // namespace flowcost::cli
