#include "reports/run_csv_writer.h"

#include <ostream>
#include <string>

#include "reports/csv_text.h"

namespace flowcost::reports {

namespace {

const engine::ComparisonReport* comparison_for(const engine::RunReport& report, const engine::DesignReport& design) {
  for (const auto& c : report.comparisons)
    if (c.candidate == design.name) return &c;
  return nullptr;
}

// A row without numbers: line_item and detail only.
void write_text_row(std::ostream& out, const std::string& scenario, const std::string& design,
                    const std::string& line_item, const std::string& detail) {
  write_csv_record(out, {scenario, design, csv_field(line_item), "", "", "", "", "", "", "", "", "", "",
                         csv_field(detail)});
}

// "SERVICE:ACTION: reason", or the reason alone when the Resource names no service.
std::string unpriced_detail(const model::UnpricedCall& u) {
  if (u.service.empty()) return u.reason;
  return u.service + (u.action.empty() ? "" : ":" + u.action) + ": " + u.reason;
}

}  // namespace

void write_run_csv_header(std::ostream& out) {
  write_csv_record(out, {"scenario", "design", "line_item", "unit", "quantity_mean", "cost_usd_mean", "cost_usd_p05",
                         "cost_usd_p50", "cost_usd_p95", "per_execution_cost_usd", "saving_usd_mean",
                         "saving_fraction_mean", "p_candidate_cheaper", "detail"});
}

void write_run_csv_rows(const engine::RunReport& report, std::ostream& out) {
  const std::string scenario = csv_field(report.scenario);
  for (const auto& d : report.designs) {
    const std::string design = csv_field(d.name);
    for (const auto& line : d.lines) {
      write_csv_record(out, {scenario, design, csv_field(line.meter + "/" + line.line), csv_field(line.unit),
                             csv_number(line.quantity_mean), csv_number(line.cost_usd_mean),
                             csv_number(line.cost_usd_p05), csv_number(line.cost_usd_p50),
                             csv_number(line.cost_usd_p95), csv_number(line.per_execution_cost_usd_mean), "", "",
                             "", ""});
    }
    const auto& total = d.monthly_cost_usd;
    const engine::ComparisonReport* c = comparison_for(report, d);
    write_csv_record(out, {scenario, design, "total", "USD", "", csv_number(total.mean), csv_number(total.p05),
                           csv_number(total.p50), csv_number(total.p95), csv_number(d.per_execution_cost_usd_mean),
                           c ? csv_number(c->saving_usd.mean) : "", c ? csv_number(c->saving_fraction_mean) : "",
                           c ? csv_number(c->p_candidate_cheaper) : "", ""});
    for (const auto& u : d.unpriced) write_text_row(out, scenario, design, "unpriced:" + u.state, unpriced_detail(u));
    for (const auto& a : d.assumptions) write_text_row(out, scenario, design, "setting:" + a.name, a.value);
  }
}

void write_run_csv(const engine::RunReport& report, std::ostream& out) {
  write_run_csv_header(out);
  write_run_csv_rows(report, out);
}

}  // namespace flowcost::reports
