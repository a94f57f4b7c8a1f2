#include "reports/run_table_writer.h"

#include <ostream>

#include "reports/comparison_sentence.h"
#include "reports/display_format.h"
#include "reports/run_report_text.h"
#include "reports/text_table.h"

namespace flowcost::reports {

namespace {

void write_cost_table(const engine::DesignReport& d, std::ostream& out) {
  TextTable table;
  table.add_row({"line item", "quantity/month", "unit", "mean", "p05", "p95"});
  for (const auto& line : d.lines) {
    table.add_row({line_item_label(line), display_quantity(line.quantity_mean), line.unit,
                   display_usd_cents(line.cost_usd_mean), display_usd_cents(line.cost_usd_p05),
                   display_usd_cents(line.cost_usd_p95)});
  }
  const auto& total = d.monthly_cost_usd;
  table.add_row({"total", "", "USD", display_usd_cents(total.mean), display_usd_cents(total.p05),
                 display_usd_cents(total.p95)});
  table.write(out, "  ");
}

void write_design(const engine::DesignReport& d, std::ostream& out) {
  out << "\n" << d.name << ": " << display_usd_cents(d.monthly_cost_usd.mean) << "/month (90% interval "
      << display_usd_cents(d.monthly_cost_usd.p05) << " to " << display_usd_cents(d.monthly_cost_usd.p95)
      << ", standard error " << display_usd_cents(d.monthly_cost_usd.std_error) << ")\n";
  write_cost_table(d, out);
  out << "  per execution: " << per_event_cost_text(d) << "\n";
  out << "  latency: " << latency_text(d.latency) << "\n";
  out << "  outcomes: " << outcomes_text(d.outcomes, d.executions) << "\n";
  if (!d.unpriced.empty()) {
    out << "  not priced (not in the totals above):\n";
    for (const auto& u : d.unpriced) out << "    " << model::describe(u) << "\n";
  }
  for (const auto& [source, settings] : assumptions_by_source(d.assumptions))
    out << "  assumptions (" << source << "): " << settings << "\n";
  for (const auto& w : d.warnings) out << "  warning: " << w << "\n";
}

}  // namespace

void write_run_table(const engine::RunReport& report, std::ostream& out) {
  out << report.scenario;
  if (!report.title.empty()) out << ": " << report.title;
  out << "\n";
  out << "prices: " << prices_text(report) << "\n";
  out << "run: " << run_settings_text(report) << "\n";
  out << "overrides: " << overrides_text(report) << "\n";
  out << "inputs:\n";
  for (const auto& [path, sha256] : report.input_files) out << "  " << path << "  sha256 " << sha256 << "\n";
  out << "reproduce: " << report.reproduce_command << "\n";
  for (const auto& d : report.designs) write_design(d, out);
  if (!report.comparisons.empty()) {
    out << "\ncomparison (paired, same draws):\n";
    for (const auto& c : report.comparisons) out << "  " << comparison_sentence(c) << "\n";
  }
  if (!report.budgets.empty()) {
    out << "\nbudgets (mean monthly cost):\n";
    for (const auto& b : report.budgets) out << "  " << budget_text(b) << "\n";
  }
  if (!report.warnings.empty()) {
    out << "\n";
    for (const auto& w : report.warnings) out << "warning: " << w << "\n";
  }
}

}  // namespace flowcost::reports
