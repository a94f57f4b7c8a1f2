#include "reports/run_markdown_writer.h"

#include <ostream>
#include <string>

#include "reports/comparison_sentence.h"
#include "reports/display_format.h"
#include "reports/run_report_text.h"

namespace flowcost::reports {

namespace {

// Escapes what Markdown would read as markup in a table or a list: '|', '\\' and '$' (GitHub math).
std::string cell(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '|' || c == '\\' || c == '$') out += '\\';
    out += c == '\n' ? ' ' : c;
  }
  return out;
}

std::string usd(double value) { return cell(display_usd_cents(value)); }

void write_design(const engine::DesignReport& d, std::ostream& out) {
  out << "\n## " << cell(d.name) << "\n\n";
  out << "| line item | quantity/month | unit | mean | p05 | p95 |\n";
  out << "|---|---:|---|---:|---:|---:|\n";
  for (const auto& l : d.lines) {
    out << "| " << cell(line_item_label(l)) << " | " << display_quantity(l.quantity_mean) << " | " << cell(l.unit)
        << " | " << usd(l.cost_usd_mean) << " | " << usd(l.cost_usd_p05) << " | "
        << usd(l.cost_usd_p95) << " |\n";
  }
  const auto& t = d.monthly_cost_usd;
  out << "| **total** |  | USD | **" << usd(t.mean) << "** | " << usd(t.p05) << " | "
      << usd(t.p95) << " |\n\n";
  out << "- Standard error of the mean monthly cost: " << usd(t.std_error) << "\n";
  out << "- Per execution: " << cell(display_usd_small(d.per_execution_cost_usd_mean)) << " (events per month "
      << display_quantity(d.events_per_month_mean) << ")\n";
  out << "- Latency: " << latency_text(d.latency) << "\n";
  out << "- Outcomes: " << cell(outcomes_text(d.outcomes, d.executions)) << "\n";
  for (const auto& [source, settings] : assumptions_by_source(d.assumptions))
    out << "- Assumptions (" << cell(source) << "): " << cell(settings) << "\n";
  if (!d.unpriced.empty()) {
    out << "\n**Not priced** (not in the totals above):\n\n";
    out << "| state | service | action | reason |\n|---|---|---|---|\n";
    for (const auto& u : d.unpriced)
      out << "| " << cell(u.state) << " | " << cell(u.service) << " | " << cell(u.action) << " | " << cell(u.reason)
          << " |\n";
    out << "\n";
  }
  for (const auto& w : d.warnings) out << "- Warning: " << cell(w) << "\n";
}

void write_comparisons(const engine::RunReport& r, std::ostream& out) {
  out << "\n## Comparison\n\n";
  for (const auto& c : r.comparisons) out << "- " << cell(comparison_sentence(c)) << "\n";
  out << "\n| baseline | candidate | saving/month | 90% interval | 95% CI of the mean | P(candidate cheaper) |\n";
  out << "|---|---|---:|---|---|---:|\n";
  for (const auto& c : r.comparisons) {
    const auto& s = c.saving_usd;
    out << "| " << cell(c.baseline) << " | " << cell(c.candidate) << " | " << usd(s.mean) << " | "
        << usd(s.p05) << " to " << usd(s.p95) << " | " << usd(s.ci95_low)
        << " to " << usd(s.ci95_high) << " | " << display_percent(c.p_candidate_cheaper) << " |\n";
  }
}

}  // namespace

void write_run_markdown(const engine::RunReport& r, std::ostream& out) {
  out << "# " << cell(r.scenario);
  if (!r.title.empty()) out << ": " << cell(r.title);
  out << "\n\n";
  out << "- Prices: " << cell(prices_text(r)) << "\n";
  out << "- Run: " << cell(run_settings_text(r)) << "\n";
  if (!r.scenario_file.empty()) out << "- Scenario file: `" << r.scenario_file << "`\n";
  for (const auto& d : r.designs) write_design(d, out);
  if (!r.comparisons.empty()) write_comparisons(r, out);
  if (!r.warnings.empty()) {
    out << "\n## Warnings\n\n";
    for (const auto& w : r.warnings) out << "- " << cell(w) << "\n";
  }
}

}  // namespace flowcost::reports
