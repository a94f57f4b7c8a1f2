#include <vector>

#include "cli/command.h"
#include "cli/diagnostic_printer.h"
#include "model/document.h"
#include "model/errors.h"

namespace flowcost::cli {

void add_validate_command(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("validate", "Check ASL definitions (.json/.yaml) or scenarios; print diagnostics");
  auto files = std::make_shared<std::vector<std::string>>();
  cmd->add_option("FILE", *files, "files to check")->required();
  cmd->callback([&ctx, files] {
    model::Diagnostics all;
    for (const auto& path : *files) {
      try {
        auto src = model::read_source_file(path);
        model::parse_document(src, all);
      } catch (const model::InputError& e) {
        for (const auto& d : e.diagnostics()) all.add(d);
      }
    }
    print_diagnostics(ctx.err, all.items());
    if (all.has_errors()) ctx.exit_code = 1;
  });
}

}  // namespace flowcost::cli
