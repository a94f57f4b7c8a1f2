#include "reports/run_csv_writer.h"

#include <ostream>
#include <string>
#include <vector>

#include "reports/csv_text.h"

namespace flowcost::reports {

namespace {

const engine::ComparisonReport* comparison_for(const engine::RunReport& report, const engine::DesignReport& design) {
  for (const auto& c : report.comparisons)
    if (c.candidate == design.name) return &c;
  return nullptr;
}

// The columns every row of a run ends with: seed, prices, prices_effective_date, tool_version.
std::vector<std::string> provenance(const engine::RunReport& r) {
  return {std::to_string(r.seed), csv_field(r.prices.name), csv_field(r.prices.effective_date),
          csv_field(r.tool_version)};
}

void write_row(std::ostream& out, std::vector<std::string> cells, const std::vector<std::string>& tail) {
  cells.insert(cells.end(), tail.begin(), tail.end());
  write_csv_record(out, cells);
}

// A row without numbers: row kind, label and detail only.
void write_text_row(std::ostream& out, const std::string& scenario, const std::string& design, const std::string& row,
                    const std::string& label, const std::string& detail, const std::vector<std::string>& tail) {
  write_row(out, {scenario, design, row, "", csv_field(label), "", "", "", "", "", "", "", "", "", "", "", "", "", "",
                  csv_field(detail)},
            tail);
}

// "SERVICE:ACTION: reason", or the reason alone when the Resource names no service.
std::string unpriced_detail(const model::UnpricedCall& u) {
  if (u.service.empty()) return u.reason;
  return u.service + (u.action.empty() ? "" : ":" + u.action) + ": " + u.reason;
}

}  // namespace

void write_run_csv_header(std::ostream& out) {
  write_csv_record(out, {"scenario", "design", "row", "meter", "label", "unit", "quantity_mean", "cost_usd_mean",
                         "cost_usd_p05", "cost_usd_p50", "cost_usd_p95", "per_execution_cost_usd",
                         "per_execution_cost_usd_p05", "per_execution_cost_usd_p50", "per_execution_cost_usd_p95",
                         "per_million_events_cost_usd", "saving_usd_mean", "saving_fraction_mean",
                         "p_candidate_cheaper", "detail", "seed", "prices", "prices_effective_date", "tool_version"});
}

void write_run_csv_rows(const engine::RunReport& report, std::ostream& out) {
  const std::string scenario = csv_field(report.scenario);
  const std::vector<std::string> tail = provenance(report);
  const auto million = engine::per_million_events_usd;
  for (const auto& d : report.designs) {
    const std::string design = csv_field(d.name);
    for (const auto& line : d.lines) {
      write_row(out, {scenario, design, "line", csv_field(line.meter), csv_field(line.line), csv_field(line.unit),
                      csv_number(line.quantity_mean), csv_number(line.cost_usd_mean), csv_number(line.cost_usd_p05),
                      csv_number(line.cost_usd_p50), csv_number(line.cost_usd_p95),
                      csv_number(line.per_execution_cost_usd_mean), "", "", "",
                      csv_number(million(line.per_execution_cost_usd_mean)), "", "", "", ""},
                tail);
    }
    const auto& total = d.monthly_cost_usd;
    const engine::ComparisonReport* c = comparison_for(report, d);
    write_row(out, {scenario, design, "total", "", "", "USD", "", csv_number(total.mean), csv_number(total.p05),
                    csv_number(total.p50), csv_number(total.p95), csv_number(d.per_execution_cost_usd_mean),
                    csv_number(d.per_execution_cost_usd_p05), csv_number(d.per_execution_cost_usd_p50),
                    csv_number(d.per_execution_cost_usd_p95), csv_number(million(d.per_execution_cost_usd_mean)),
                    c ? csv_number(c->saving_usd.mean) : "", c ? csv_number(c->saving_fraction_mean) : "",
                    c ? csv_number(c->p_candidate_cheaper) : "", ""},
              tail);
    for (const auto& u : d.unpriced)
      write_text_row(out, scenario, design, "unpriced", u.state, unpriced_detail(u), tail);
    for (const auto& a : d.assumptions) write_text_row(out, scenario, design, "setting", a.name, a.value, tail);
  }
}

void write_run_csv(const engine::RunReport& report, std::ostream& out) {
  write_run_csv_header(out);
  write_run_csv_rows(report, out);
}

}  // namespace flowcost::reports
