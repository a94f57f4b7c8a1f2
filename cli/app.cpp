#include "cli/app.h"

#include <unistd.h>

#include <algorithm>
#include <iostream>
#include <iterator>

#include "cli/command.h"
#include "cli/diagnostic_printer.h"
#include "cli/output.h"
#include "model/errors.h"
#include "model/suggest.h"

namespace flowcost::cli {

namespace {

// The verbs in the order `flowcost --help` lists them; `name` is the subcommand that `add` builds.
struct Verb {
  const char* name;
  void (*add)(CLI::App&, Context&);
};

constexpr Verb kVerbs[] = {
    {"validate", add_validate_command}, {"quote", add_quote_command},     {"prices", add_prices_command},
    {"run", add_run_command},           {"batch", add_batch_command},     {"explain", add_explain_command},
    {"sweep", add_sweep_command},       {"tornado", add_tornado_command}, {"advise", add_advise_command},
    {"fit", add_fit_command},           {"merge", add_merge_command},     {"diff", add_diff_command},
    {"report", add_report_command},
};

}  // namespace

int run_cli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  // A progress bar only when the error stream really is the process's terminal (tests pass string streams).
  const bool err_is_terminal = &err == &std::cerr && isatty(STDERR_FILENO) != 0;
  Context ctx{out, err, err_is_terminal};
  CLI::App app{"flowcost: what a serverless data flow will cost per month, with evidence"};
  app.set_version_flag("--version", std::string("flowcost ") + FLOWCOST_VERSION);
  app.require_subcommand(1);

  // Only the verb that the first argument names is built: building every verb's options takes longer than
  // reading a small scenario. Any other first argument (--help, --version, a typo) builds them all, so
  // that help lists every verb and CLI11 reports the unknown one.
  const auto named = std::find_if(std::begin(kVerbs), std::end(kVerbs),
                                  [&](const Verb& v) { return !args.empty() && args.front() == v.name; });
  if (named != std::end(kVerbs)) {
    named->add(app, ctx);
  } else if (!args.empty() && !args.front().empty() && args.front()[0] != '-') {
    // Not a verb (CLI11 would say "A subcommand is required"): name it, with the nearest verb.
    std::vector<std::string> verbs;
    for (const Verb& v : kVerbs) verbs.emplace_back(v.name);
    err << "flowcost: error: " << model::unknown_name_message("command", args.front(), verbs) << "\n";
    err << "Run 'flowcost --help' for usage.\n";
    return 1;
  } else {
    for (const Verb& v : kVerbs) v.add(app, ctx);
  }

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
