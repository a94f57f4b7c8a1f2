#pragma once
// Diagnostics: problems found in an input, each at its position. Loaders report every problem they can
// find into a Diagnostics list, then throw InputError if any of them is an error.
#include <string>
#include <string_view>
#include <vector>

#include "model/source_location.h"

namespace flowcost::model {

enum class Severity { error, warning };

struct Diagnostic {
  Severity severity = Severity::error;
  SourceLocation where;
  std::string message;
};

class Diagnostics {
 public:
  void error(const SourceLocation& where, std::string message);
  void warning(const SourceLocation& where, std::string message);
  void add(Diagnostic d) { items_.push_back(std::move(d)); }
  void append(const Diagnostics& other);

  bool has_errors() const;
  std::size_t error_count() const;
  const std::vector<Diagnostic>& items() const { return items_; }
  bool empty() const { return items_.empty(); }

  // Sorts by file, line, column (stable), so that reports read top to bottom.
  void sort();
  // Throws InputError carrying every diagnostic when at least one is an error.
  void throw_if_errors() const;

 private:
  std::vector<Diagnostic> items_;
};

// "FILE:LINE:COL: error: message", then the source line and a caret under the column when
// `file_text` holds the file's contents (empty: no excerpt).
std::string render_diagnostic(const Diagnostic& d, std::string_view file_text);

// Only the first line: "FILE:LINE:COL: error: message".
std::string diagnostic_headline(const Diagnostic& d);

}  // namespace flowcost::model
