#include "cli/diagnostic_printer.h"

#include <map>
#include <ostream>

#include "model/errors.h"
#include "model/source_file.h"

namespace flowcost::cli {

void print_diagnostics(std::ostream& err, const std::vector<model::Diagnostic>& diagnostics) {
  std::map<std::string, std::string> texts;
  for (const auto& d : diagnostics) {
    const std::string& file = d.where.file;
    if (!file.empty() && d.where.line > 0 && !texts.count(file)) {
      try {
        texts[file] = model::read_source_file(file).text;
      } catch (const model::InputError&) {
        texts[file] = "";
      }
    }
    auto it = texts.find(file);
    err << model::render_diagnostic(d, it == texts.end() ? std::string_view() : std::string_view(it->second));
  }
}

}  // namespace flowcost::cli
