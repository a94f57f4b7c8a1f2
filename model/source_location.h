#pragma once
// A position in an input file: 1-based line and column; 0 means unknown.
#include <string>

namespace flowcost::model {

struct SourceLocation {
  std::string file;
  int line = 0;
  int column = 0;

  bool known() const { return line > 0; }
};

// "FILE:LINE:COL", or "" for an unknown position.
inline std::string location_text(const SourceLocation& loc) {
  if (!loc.known()) return "";
  return loc.file + ":" + std::to_string(loc.line) + ":" + std::to_string(loc.column);
}

}  // namespace flowcost::model
