#pragma once
// JSON writes a character outside the Basic Multilingual Plane (an emoji, say) as a UTF-16 surrogate pair of
// escapes, "\ud83d\ude80" (RFC 8259 section 7; Python's json.dumps does so by default). libyaml, which builds
// flowcost's document tree, refuses surrogate escapes, so the JSON text it is given carries each pair as the
// one escape YAML has for the same character, "\U0001f680": two characters shorter. ColumnShifts maps a
// column of that text back to the column of the file.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace flowcost::model {

// The value of the `digits` hex digits at text[at] (a \\u escape's 4, YAML's \\x 2 and \\U 8), or -1 when
// they are not all hex digits or run past the end.
long hex_digits_at(std::string_view text, std::size_t at, std::size_t digits);

class ColumnShifts {
 public:
  // The column (0-based, in characters) in the file of column `column` of line `line` (0-based) of the text
  // libyaml read.
  std::size_t original_column(std::size_t line, std::size_t column) const;
  bool empty() const { return at_.empty(); }
  void add(std::size_t line, std::size_t column) { at_.push_back({line, column}); }

 private:
  struct At {
    std::size_t line, column;  // where a joined escape starts in the text libyaml read
  };
  std::vector<At> at_;  // in text order
};

// `json` (strict JSON, already checked: every surrogate escape is one of a valid pair) with each surrogate
// pair of escapes written as one \U escape; `shifts` gets where. Empty (and no shift) when it has none.
std::string join_surrogate_escapes(const std::string& json, ColumnShifts& shifts);

}  // namespace flowcost::model
