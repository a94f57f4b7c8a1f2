#include "reports/run_markdown_writer.h"

#include <ostream>
#include <string>

#include "reports/comparison_sentence.h"
#include "reports/display_format.h"
#include "reports/markdown_table.h"
#include "reports/run_report_text.h"

namespace flowcost::reports {

namespace {

std::string usd(double value) { return md_cell(display_usd_cents(value)); }

void write_design(const engine::DesignReport& d, std::ostream& out) {
  out << "\n## " << md_cell(d.name) << "\n\n";
  MarkdownTable lines({"line item", "quantity/month", "unit", "mean", "p05", "p95"},
                      {false, true, false, true, true, true});
  for (const auto& l : d.lines) {
    lines.add_row({md_cell(line_item_label(l)), display_quantity(l.quantity_mean), md_cell(l.unit),
                   usd(l.cost_usd_mean), usd(l.cost_usd_p05), usd(l.cost_usd_p95)});
  }
  const auto& t = d.monthly_cost_usd;
  lines.add_row({"**total**", "", "USD", "**" + usd(t.mean) + "**", usd(t.p05), usd(t.p95)});
  lines.write(out);
  out << "\n";
  out << "- Standard error of the mean monthly cost: " << usd(t.std_error) << "\n";
  out << "- Per execution: " << md_cell(per_event_cost_text(d)) << "\n";
  out << "- Latency: " << latency_text(d.latency) << "\n";
  out << "- Outcomes: " << md_cell(outcomes_text(d.outcomes, d.executions)) << "\n";
  for (const auto& [source, settings] : assumptions_by_source(d.assumptions))
    out << "- Assumptions (" << md_cell(source) << "): " << md_cell(settings) << "\n";
  if (!d.unpriced.empty()) {
    out << "\n**Not priced** (not in the totals above):\n\n";
    MarkdownTable unpriced({"state", "service", "action", "reason"}, {});
    for (const auto& u : d.unpriced)
      unpriced.add_row({md_cell(u.state), md_cell(u.service), md_cell(u.action), md_cell(u.reason)});
    unpriced.write(out);
    out << "\n";
  }
  for (const auto& w : d.warnings) out << "- Warning: " << md_cell(w) << "\n";
}

void write_comparisons(const engine::RunReport& r, std::ostream& out) {
  out << "\n## Comparison\n\n";
  for (const auto& c : r.comparisons) out << "- " << md_cell(comparison_sentence(c)) << "\n";
  out << "\n";
  MarkdownTable table({"baseline", "candidate", "saving/month", "90% interval", "95% CI of the mean",
                       "P(candidate cheaper)"},
                      {false, false, true, false, false, true});
  for (const auto& c : r.comparisons) {
    const auto& s = c.saving_usd;
    table.add_row({md_cell(c.baseline), md_cell(c.candidate), usd(s.mean), usd(s.p05) + " to " + usd(s.p95),
                   usd(s.ci95_low) + " to " + usd(s.ci95_high), display_percent(c.p_candidate_cheaper)});
  }
  table.write(out);
}

void write_budgets(const engine::RunReport& r, std::ostream& out) {
  out << "\n## Budgets\n\n";
  MarkdownTable table({"design", "mean/month", "budget", "result", "set by"}, {false, true, true, false, false});
  for (const auto& b : r.budgets) {
    table.add_row({md_cell(b.design), usd(b.mean_usd), usd(b.limit_usd), b.passed ? "passed" : "**FAILED**",
                   md_cell(b.source)});
  }
  table.write(out);
}

}  // namespace

void write_run_markdown(const engine::RunReport& r, std::ostream& out) {
  out << "# " << md_cell(r.scenario);
  if (!r.title.empty()) out << ": " << md_cell(r.title);
  out << "\n\n";
  out << "- Prices: " << md_cell(prices_text(r)) << "\n";
  out << "- Run: " << md_cell(run_settings_text(r)) << "\n";
  if (!r.scenario_file.empty()) out << "- Scenario file: `" << r.scenario_file << "`\n";
  out << "- Overrides: " << md_cell(overrides_text(r)) << "\n\n";
  MarkdownTable files({"input file", "SHA-256"}, {});
  for (const auto& [path, sha256] : r.input_files) files.add_row({md_cell(path), md_cell(sha256)});
  files.write(out);
  out << "\nReproduce:\n\n```sh\n" << r.reproduce_command << "\n```\n";
  for (const auto& d : r.designs) write_design(d, out);
  if (!r.comparisons.empty()) write_comparisons(r, out);
  if (!r.budgets.empty()) write_budgets(r, out);
  if (!r.warnings.empty()) {
    out << "\n## Warnings\n\n";
    for (const auto& w : r.warnings) out << "- " << md_cell(w) << "\n";
  }
}

}  // namespace flowcost::reports
