#pragma once
// What every verb file gets: the streams, and one function per verb that adds its CLI11 subcommand.
// A verb's callback does the work; it throws model::InputError for bad input (exit 1) and anything
// else for an internal error (exit 2). Library code below cli/ never prints.
#include <CLI/CLI.hpp>

#include <iosfwd>

namespace flowcost::cli {

// `run` with a budget (--fail-above or the scenario's `budgets:`) that a design's mean monthly cost exceeds:
// the report is written as usual, then the exit code says so (docs/cli.md "Exit codes").
constexpr int kExitOverBudget = 3;

struct Context {
  std::ostream& out;
  std::ostream& err;
  bool err_is_terminal = false;
  int exit_code = 0;  // a verb sets 1 when it reports problems without throwing (validate)
};

void add_validate_command(CLI::App& app, Context& ctx);
void add_quote_command(CLI::App& app, Context& ctx);
void add_prices_command(CLI::App& app, Context& ctx);
void add_run_command(CLI::App& app, Context& ctx);
void add_sweep_command(CLI::App& app, Context& ctx);
void add_tornado_command(CLI::App& app, Context& ctx);
void add_batch_command(CLI::App& app, Context& ctx);
void add_explain_command(CLI::App& app, Context& ctx);
void add_advise_command(CLI::App& app, Context& ctx);
void add_fit_command(CLI::App& app, Context& ctx);
void add_merge_command(CLI::App& app, Context& ctx);
void add_diff_command(CLI::App& app, Context& ctx);
void add_report_command(CLI::App& app, Context& ctx);

}  // namespace flowcost::cli
