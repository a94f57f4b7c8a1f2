#pragma once
// Aligned plain-text columns for the terminal report: the first column left-aligned, the others
// right-aligned, two spaces between columns, every line prefixed by `indent`, no trailing spaces.
#include <cstddef>
#include <iosfwd>
#include <string>
#include <vector>

namespace flowcost::reports {

class TextTable {
 public:
  void add_row(std::vector<std::string> cells);
  void write(std::ostream& out, const std::string& indent) const;

 private:
  std::vector<std::vector<std::string>> rows_;
};

}  // namespace flowcost::reports
