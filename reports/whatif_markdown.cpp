#include "reports/whatif_markdown.h"

#include <ostream>

#include "reports/markdown_table.h"
#include "reports/whatif_rows.h"
#include "reports/whatif_writers.h"

namespace flowcost::reports {

namespace {

// The header and rows escaped; every column but the first right-aligned (they hold numbers) unless
// `numbers_from` says where the numbers start.
void write_rows(const Rows& rows, std::ostream& out, std::size_t numbers_from = 1) {
  if (rows.empty()) return;
  std::vector<std::string> header;
  std::vector<bool> right;
  for (std::size_t i = 0; i < rows.front().size(); ++i) {
    header.push_back(md_cell(rows.front()[i]));
    right.push_back(i >= numbers_from);
  }
  MarkdownTable table(header, right);
  for (std::size_t r = 1; r < rows.size(); ++r) {
    std::vector<std::string> cells;
    for (const auto& c : rows[r]) cells.push_back(md_cell(c));
    table.add_row(cells);
  }
  table.write(out);
}

void write_items(const std::vector<std::string>& lines, std::ostream& out) {
  for (const auto& line : lines) out << "- " << md_cell(line) << "\n";
}

void write_basis(const std::vector<engine::DesignBasis>& basis, std::ostream& out) {
  const std::vector<std::string> unpriced = unpriced_lines(basis);
  if (!unpriced.empty()) {
    out << "\n## Not priced (in no cost above)\n\n";
    write_items(unpriced, out);
  }
  if (basis.empty()) return;
  out << "\n## Assumptions\n\n";
  write_items(assumption_lines(basis), out);
}

}  // namespace

void write_sweep_markdown(const engine::SweepReport& r, std::ostream& out) {
  out << "# Sweep of " << md_cell(r.input) << "\n\n" << md_cell(sweep_heading(r)) << ".\n\n";
  write_rows(sweep_rows(r), out);
  out << "\n## " << md_cell(break_even_heading(r)) << "\n\n";
  write_items(break_even_lines(r), out);
  write_basis(r.basis, out);
}

void write_tornado_markdown(const engine::TornadoReport& r, std::ostream& out) {
  out << "# Tornado of " << md_cell(r.scenario) << "\n\n" << md_cell(tornado_heading(r)) << ".\n\n";
  out << "## All inputs at their medians\n\n";
  write_rows(tornado_base_rows(r), out);
  out << "\n## Inputs\n\n";
  write_rows(tornado_input_rows(r), out);
  for (const auto& pair : r.pairs) {
    out << "\n## " << md_cell(tornado_pair_heading(pair)) << "\n\n";
    write_rows(tornado_bar_rows(pair), out);
    out << "\n" << md_cell(tornado_sentence(pair)) << "\n";
  }
  write_basis(r.basis, out);
}

}  // namespace flowcost::reports
