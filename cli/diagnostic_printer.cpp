#include "cli/diagnostic_printer.h"

#include <filesystem>
#include <map>
#include <memory>
#include <ostream>
#include <set>
#include <tuple>
#include <vector>

#include "model/errors.h"
#include "model/line_index.h"
#include "model/source_file.h"

namespace flowcost::cli {

namespace {

// A file's text and its line index, read once however many diagnostics point into it.
struct Excerpts {
  std::string text;
  std::unique_ptr<model::LineIndex> lines;  // points into `text`
};

}  // namespace

void print_diagnostics(std::ostream& err, const std::vector<model::Diagnostic>& diagnostics,
                       std::size_t max_printed) {
  // The same diagnostic twice (a YAML anchor's node is checked once per alias) is printed once.
  std::vector<const model::Diagnostic*> unique;
  std::set<std::tuple<int, std::string, int, int, std::string>> seen;
  for (const auto& d : diagnostics)
    if (seen.emplace(static_cast<int>(d.severity), d.where.file, d.where.line, d.where.column, d.message).second)
      unique.push_back(&d);
  std::map<std::string, Excerpts> files;
  std::size_t printed = 0;
  for (const model::Diagnostic* p : unique) {
    const model::Diagnostic& d = *p;
    if (printed == max_printed) break;
    ++printed;
    const std::string& file = d.where.file;
    std::string_view line;
    if (!file.empty() && d.where.line > 0) {
      auto [it, inserted] = files.try_emplace(file);
      if (inserted) {
        // Only a regular file is read again: a pipe or a device (/dev/stdin) would not give the same text.
        std::error_code ec;
        if (std::filesystem::is_regular_file(file, ec)) {
          try {
            it->second.text = model::read_source_file(file).text;
          } catch (const model::InputError&) {
            it->second.text.clear();  // no excerpt for a file that cannot be read again
          }
        }
        it->second.lines = std::make_unique<model::LineIndex>(it->second.text);
      }
      line = it->second.lines->line(d.where.line);
    }
    err << model::render_diagnostic_at_line(d, line);
  }
  if (printed < unique.size()) {
    std::size_t errors = 0, warnings = 0;
    for (std::size_t i = printed; i < unique.size(); ++i)
      (unique[i]->severity == model::Severity::error ? errors : warnings) += 1;
    err << "... and " << unique.size() - printed << " more (" << errors << (errors == 1 ? " error, " : " errors, ")
        << warnings << (warnings == 1 ? " warning)" : " warnings)") << "\n";
  }
}

}  // namespace flowcost::cli
