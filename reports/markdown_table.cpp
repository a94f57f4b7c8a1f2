#include "reports/markdown_table.h"

#include <ostream>

namespace flowcost::reports {

std::string md_cell(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '|' || c == '\\' || c == '$') out += '\\';
    out += c == '\n' ? ' ' : c;
  }
  return out;
}

MarkdownTable::MarkdownTable(std::vector<std::string> headers, std::vector<bool> right_aligned)
    : headers_(std::move(headers)), right_aligned_(std::move(right_aligned)) {}

void MarkdownTable::add_row(std::vector<std::string> cells) { rows_.push_back(std::move(cells)); }

void MarkdownTable::write(std::ostream& out) const {
  auto write_row = [&out](const std::vector<std::string>& cells) {
    out << "|";
    for (const auto& c : cells) out << " " << c << " |";
    out << "\n";
  };
  write_row(headers_);
  out << "|";
  for (std::size_t i = 0; i < headers_.size(); ++i)
    out << (i < right_aligned_.size() && right_aligned_[i] ? "---:|" : "---|");
  out << "\n";
  for (const auto& row : rows_) write_row(row);
}

}  // namespace flowcost::reports
