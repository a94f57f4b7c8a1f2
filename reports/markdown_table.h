#pragma once
// GitHub-flavoured Markdown pieces shared by every `--format md` writer: escaping text for a table cell or
// a list item, and a table with a header row and per-column alignment.
#include <iosfwd>
#include <string>
#include <vector>

namespace flowcost::reports {

// Escapes what Markdown would read as markup in a table or a list: '|', '\\' and '$' (GitHub reads $...$ as
// math); a line break becomes a space.
std::string md_cell(const std::string& text);

// Rows of cells already escaped with md_cell (or deliberately marked up, e.g. "**total**").
class MarkdownTable {
 public:
  // One header per column; `right_aligned[i]` right-aligns column i (numbers). Missing entries: left.
  MarkdownTable(std::vector<std::string> headers, std::vector<bool> right_aligned);
  void add_row(std::vector<std::string> cells);
  // "| a | b |\n|---|---:|\n| ... |\n" (an empty cell is two spaces; no blank line before or after).
  void write(std::ostream& out) const;

 private:
  std::vector<std::string> headers_;
  std::vector<bool> right_aligned_;
  std::vector<std::vector<std::string>> rows_;
};

}  // namespace flowcost::reports
