#include "reports/run_report_text.h"

#include <algorithm>

#include "reports/display_format.h"

namespace flowcost::reports {

namespace {

std::string count_text(std::uint64_t n) { return display_quantity(static_cast<double>(n)); }

}  // namespace

std::string line_item_label(const engine::LineReport& line) { return line.meter + " (" + line.line + ")"; }

std::string prices_text(const engine::RunReport& report) {
  const auto& p = report.prices;
  return p.name + " (" + p.region + ", effective " + p.effective_date + "), free tier " +
         (report.free_tier ? "on" : "off");
}

std::string run_settings_text(const engine::RunReport& report) {
  std::string text = "seed " + std::to_string(report.seed) + ", " + count_text(report.draws) + " draws x " +
                     count_text(report.executions_per_draw) + " executions, flowcost " + report.tool_version;
  if (report.rel_error_target) {
    std::string achieved = display_percent(report.relative_error);
    std::string target = display_percent(*report.rel_error_target);
    text += report.converged ? ", converged (relative error " + achieved + " <= " + target + ")"
                             : ", NOT converged (relative error " + achieved + " > " + target + ")";
  }
  return text;
}

std::string overrides_text(const engine::RunReport& report) {
  if (report.overrides.empty()) return "none";
  std::string text;
  for (const auto& [name, value] : report.overrides) text += (text.empty() ? "" : ", ") + name + "=" + value;
  return text;
}

std::string per_event_cost_text(const engine::DesignReport& d) {
  const auto million = engine::per_million_events_usd;
  return display_usd_small(d.per_execution_cost_usd_mean) + " (90% interval " +
         display_usd_small(d.per_execution_cost_usd_p05) + " to " + display_usd_small(d.per_execution_cost_usd_p95) +
         "); " + display_usd_cents(million(d.per_execution_cost_usd_mean)) + " per 1 M events (90% interval " +
         display_usd_cents(million(d.per_execution_cost_usd_p05)) + " to " +
         display_usd_cents(million(d.per_execution_cost_usd_p95)) + "), " + display_quantity(d.events_per_month_mean) +
         " events per month";
}

std::string budget_text(const engine::BudgetReport& b) {
  return b.design + ": mean " + display_usd_cents(b.mean_usd) + (b.passed ? " <= " : " > ") + "budget " +
         display_usd_cents(b.limit_usd) + ", " + (b.passed ? "passed" : "FAILED") + " (" + b.source + ")";
}

std::string latency_text(const engine::LatencyReport& l) {
  return "mean " + display_duration(l.mean_ms) + ", p50 " + display_duration(l.p50_ms) + ", p90 " +
         display_duration(l.p90_ms) + ", p95 " + display_duration(l.p95_ms) + ", p99 " + display_duration(l.p99_ms);
}

std::string outcomes_text(const engine::OutcomeReport& o, std::uint64_t executions) {
  std::string text = "of " + count_text(executions) + " simulated executions, " + count_text(o.succeeded) + " succeeded, " + count_text(o.failed) + " failed";
  if (!o.failed_by_error.empty()) {
    text += " (";
    bool first = true;
    for (const auto& [error, n] : o.failed_by_error) {
      if (!first) text += ", ";
      first = false;
      text += (error.empty() ? std::string("unnamed") : error) + " " + count_text(n);
    }
    text += ")";
  }
  text += ", " + count_text(o.lost) + " lost, " + count_text(o.caught) + " caught";
  return text;
}

std::vector<std::pair<std::string, std::string>> assumptions_by_source(const std::vector<engine::Assumption>& list) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& a : list) {
    auto it = std::find_if(out.begin(), out.end(), [&](const auto& p) { return p.first == a.source; });
    if (it == out.end()) it = out.insert(out.end(), {a.source, ""});
    it->second += (it->second.empty() ? "" : ", ") + a.name + "=" + a.value;
  }
  return out;
}

}  // namespace flowcost::reports
