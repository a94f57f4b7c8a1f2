#include "cli/app.h"

#include <unistd.h>

#include <iostream>

#include "cli/command.h"
#include "cli/diagnostic_printer.h"
#include "cli/output.h"
#include "model/errors.h"

namespace flowcost::cli {

int run_cli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  // A progress bar only when the error stream really is the process's terminal (tests pass string streams).
  const bool err_is_terminal = &err == &std::cerr && isatty(STDERR_FILENO) != 0;
  Context ctx{out, err, err_is_terminal};
  CLI::App app{"flowcost: what a serverless data flow will cost per month, with evidence"};
  app.set_version_flag("--version", std::string("flowcost ") + FLOWCOST_VERSION);
  app.require_subcommand(1);

  add_validate_command(app, ctx);
  add_quote_command(app, ctx);
  add_prices_command(app, ctx);
  add_run_command(app, ctx);
  add_batch_command(app, ctx);
  add_explain_command(app, ctx);
  add_sweep_command(app, ctx);
  add_tornado_command(app, ctx);
  add_advise_command(app, ctx);
  add_fit_command(app, ctx);
  add_merge_command(app, ctx);
  add_diff_command(app, ctx);
  add_report_command(app, ctx);

  std::vector<std::string> reversed(args.rbegin(), args.rend());
  try {
    app.parse(reversed);
    finish_standard_output(out);  // a report that did not reach standard output is a failure (exit 1)
  } catch (const CLI::CallForHelp&) {
    out << app.help();
    return 0;
  } catch (const CLI::CallForAllHelp&) {
    out << app.help("", CLI::AppFormatMode::All);
    return 0;
  } catch (const CLI::CallForVersion&) {
    out << "flowcost " << FLOWCOST_VERSION << "\n";
    return 0;
  } catch (const CLI::ParseError& e) {
    err << "flowcost: error: " << e.what() << "\n";
    err << "Run 'flowcost --help' for usage.\n";
    return 1;
  } catch (const model::InputError& e) {
    print_diagnostics(err, e.diagnostics());
    return 1;
  } catch (const model::InternalError& e) {
    err << "flowcost: internal error: " << e.what() << "\n";
    return 2;
  } catch (const std::bad_alloc&) {
    err << "flowcost: internal error: out of memory\n";
    return 2;
  } catch (const std::exception& e) {
    err << "flowcost: internal error: " << e.what() << "\n";
    return 2;
  }
  return ctx.exit_code;
}

}  // namespace flowcost::cli
