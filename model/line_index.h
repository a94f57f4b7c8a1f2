#pragma once
// Where every line of a text starts, found once (linear time), so that turning byte offsets into
// positions and printing the source line of many diagnostics stays linear in the size of the file and
// the number of diagnostics (diagnostic_printer reads each file once and indexes it once).
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "model/diagnostics.h"
#include "model/source_location.h"

namespace flowcost::model {

class LineIndex {
 public:
  // The text must outlive the index.
  explicit LineIndex(std::string_view text);
  // The 1-based line and column (in UTF-8 characters) of byte `offset` (clamped to the text's end).
  SourceLocation location_of(const std::string& path, std::size_t offset) const;
  // 1-based line `line` without its end of line (\n or \r\n); empty when out of range.
  std::string_view line(int line) const;
  std::size_t line_count() const { return starts_.size(); }

 private:
  std::string_view text_;
  std::vector<std::size_t> starts_;  // byte offset where each line starts
};

// "FILE:LINE:COL: error: message", then `source_line` (the text of line d.where.line) and a caret under
// the column; no excerpt when the line is empty or longer than 400 bytes. render_diagnostic is this with
// the line looked up in the whole text.
std::string render_diagnostic_at_line(const Diagnostic& d, std::string_view source_line);

}  // namespace flowcost::model
