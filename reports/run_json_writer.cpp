#include "reports/run_json_writer.h"

#include <nlohmann/json.hpp>
#include <ostream>

#include "reports/basis_json.h"

namespace flowcost::reports {

namespace {

using Json = nlohmann::ordered_json;

Json design_json(const engine::DesignReport& d) {
  Json j;
  j["name"] = d.name;
  const auto& m = d.monthly_cost_usd;
  j["monthly_cost_usd"] = {{"mean", m.mean}, {"stderr", m.std_error}, {"p05", m.p05},
                           {"p50", m.p50},   {"p95", m.p95},          {"draw_stderr", m.draw_std_error}};
  j["per_execution_cost_usd"] = {{"mean", d.per_execution_cost_usd_mean},
                                 {"p05", d.per_execution_cost_usd_p05},
                                 {"p50", d.per_execution_cost_usd_p50},
                                 {"p95", d.per_execution_cost_usd_p95}};
  const auto million = engine::per_million_events_usd;
  j["per_million_events_cost_usd"] = {{"mean", million(d.per_execution_cost_usd_mean)},
                                      {"p05", million(d.per_execution_cost_usd_p05)},
                                      {"p50", million(d.per_execution_cost_usd_p50)},
                                      {"p95", million(d.per_execution_cost_usd_p95)}};
  j["events_per_month"] = {{"mean", d.events_per_month_mean}};
  Json meters = Json::object();
  for (const auto& [name, meter] : d.meters)
    meters[name] = {{"mean", meter.monthly_mean}, {"per_execution", meter.per_execution_mean}};
  j["meters"] = std::move(meters);
  Json lines = Json::array();
  for (const auto& l : d.lines) {
    lines.push_back({{"meter", l.meter},
                     {"line", l.line},
                     {"unit", l.unit},
                     {"quantity_mean", l.quantity_mean},
                     {"cost_usd_mean", l.cost_usd_mean},
                     {"cost_usd_stderr", l.cost_usd_std_error},
                     {"cost_usd_p05", l.cost_usd_p05},
                     {"cost_usd_p50", l.cost_usd_p50},
                     {"cost_usd_p95", l.cost_usd_p95},
                     {"per_execution_cost_usd_mean", l.per_execution_cost_usd_mean}});
  }
  j["lines"] = std::move(lines);
  j["unpriced"] = unpriced_json(d.unpriced);
  j["assumptions"] = assumptions_json(d.assumptions);
  j["latency_ms"] = {{"mean", d.latency.mean_ms}, {"p50", d.latency.p50_ms}, {"p90", d.latency.p90_ms},
                     {"p95", d.latency.p95_ms}, {"p99", d.latency.p99_ms}};
  const auto& o = d.outcomes;
  Json by_error = Json::object();
  for (const auto& [error, n] : o.failed_by_error) by_error[error] = n;
  j["outcomes"] = {{"succeeded", o.succeeded}, {"failed", o.failed}, {"lost", o.lost}, {"caught", o.caught},
                   {"failed_by_error", std::move(by_error)}};
  j["executions"] = d.executions;
  j["warnings"] = d.warnings;
  return j;
}

Json comparison_json(const engine::ComparisonReport& c) {
  const auto& s = c.saving_usd;
  Json j;
  j["baseline"] = c.baseline;
  j["candidate"] = c.candidate;
  j["saving_usd"] = {{"mean", s.mean}, {"p05", s.p05}, {"p95", s.p95}, {"ci95_low", s.ci95_low},
                     {"ci95_high", s.ci95_high}};
  j["saving_fraction_mean"] = c.saving_fraction_mean;
  j["p_candidate_cheaper"] = c.p_candidate_cheaper;
  j["ratio_mean"] = c.ratio_mean;
  j["latency_p95_delta_ms"] = c.latency_p95_delta_ms;
  j["failed_fraction_delta"] = c.failed_fraction_delta;
  j["lost_fraction_delta"] = c.lost_fraction_delta;
  return j;
}

}  // namespace

void write_run_json(const engine::RunReport& r, std::ostream& out) {
  Json j;
  j["scenario"] = r.scenario;
  j["title"] = r.title;
  j["scenario_file"] = r.scenario_file;
  Json files = Json::object();
  for (const auto& [path, sha] : r.input_files) files[path] = sha;
  j["input_files"] = std::move(files);
  j["seed"] = r.seed;
  j["tool_version"] = r.tool_version;
  Json overrides = Json::array();
  for (const auto& [name, value] : r.overrides) overrides.push_back({{"name", name}, {"value", value}});
  j["overrides"] = std::move(overrides);
  j["reproduce_command"] = r.reproduce_command;
  j["prices"] = {{"name", r.prices.name}, {"effective_date", r.prices.effective_date}, {"region", r.prices.region},
                 {"sha256", r.prices.sha256}};
  j["free_tier"] = r.free_tier;
  j["draws"] = r.draws;
  j["executions_per_draw"] = r.executions_per_draw;
  j["rel_error_target"] = r.rel_error_target ? Json(*r.rel_error_target) : Json(nullptr);
  j["converged"] = r.converged;
  j["relative_error"] = r.relative_error;
  Json designs = Json::array();
  for (const auto& d : r.designs) designs.push_back(design_json(d));
  j["designs"] = std::move(designs);
  Json comparisons = Json::array();
  for (const auto& c : r.comparisons) comparisons.push_back(comparison_json(c));
  j["comparisons"] = std::move(comparisons);
  j["warnings"] = r.warnings;
  Json budgets = Json::array();
  for (const auto& b : r.budgets) {
    budgets.push_back({{"design", b.design}, {"limit_usd", b.limit_usd}, {"mean_usd", b.mean_usd},
                       {"passed", b.passed}, {"source", b.source}});
  }
  j["budgets"] = std::move(budgets);
  const auto& p = r.performance;
  j["performance"] = {{"simulated_executions", p.simulated_executions},
                      {"simulated_transitions", p.simulated_transitions},
                      {"wall_seconds", p.wall_seconds}};
  out << j.dump(2) << '\n';
}

}  // namespace flowcost::reports
