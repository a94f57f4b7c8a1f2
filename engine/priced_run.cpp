#include "engine/priced_run.h"

#include <algorithm>
#include <cmath>

#include "engine/assumptions.h"
#include "engine/report_paths.h"
#include "model/diagnostic_text.h"
#include "model/errors.h"
#include "model/number_format.h"
#include "pricing/borrowed_prices.h"
#include "sim/statistics.h"

namespace flowcost::engine {

namespace {

double mean_of(const std::vector<double>& values) { return sim::summarize(values).mean; }

// (value / events per month) of every draw with events, in draw order.
std::vector<double> per_execution_values(const std::vector<double>& values, const std::vector<double>& events) {
  std::vector<double> out;
  for (std::size_t i = 0; i < values.size() && i < events.size(); ++i)
    if (events[i] > 0) out.push_back(values[i] / events[i]);
  return out;
}

// Mean over draws with events of (value / events per month); 0 when no draw has events.
double per_execution_mean(const std::vector<double>& values, const std::vector<double>& events) {
  sim::Welford w;
  for (double v : per_execution_values(values, events)) w.add(v);
  return w.mean();
}

double fraction(std::uint64_t part, std::uint64_t whole) {
  return whole == 0 ? 0.0 : static_cast<double>(part) / static_cast<double>(whole);
}

DesignReport design_report(const sim::DesignResult& dr, const PricedDesign& pd) {
  DesignReport out;
  out.name = dr.name;
  sim::Summary total = sim::summarize(pd.monthly_cost_usd);
  sim::Welford draw_variance;
  for (double se : pd.draw_std_error_usd) draw_variance.add(se * se);
  out.monthly_cost_usd = {total.mean, monthly_cost_std_error(pd), total.p05, total.p50, total.p95,
                          std::sqrt(draw_variance.mean())};
  out.per_execution_cost_usd_mean = per_execution_mean(pd.monthly_cost_usd, pd.events_per_month);
  const sim::Summary per_execution = sim::summarize(per_execution_values(pd.monthly_cost_usd, pd.events_per_month));
  out.per_execution_cost_usd_p05 = per_execution.p05;
  out.per_execution_cost_usd_p50 = per_execution.p50;
  out.per_execution_cost_usd_p95 = per_execution.p95;
  out.draw_cost_usd = pd.monthly_cost_usd;
  out.events_per_month_mean = mean_of(pd.events_per_month);
  for (const auto& meter : pd.meters) {
    sim::Welford monthly;
    const auto column = dr.column(meter);
    for (const auto& draw : dr.draws)
      monthly.add(column && *column < draw.monthly.size() ? draw.monthly[*column] : 0.0);
    out.meters[meter] = {monthly.mean(), dr.per_execution_mean(meter)};
  }
  for (const auto& line : pd.lines) {
    sim::Summary cost = sim::summarize(line.cost_usd);
    out.lines.push_back({line.meter, line.line, line.unit, mean_of(line.quantity), cost.mean, cost.p05, cost.p50,
                         cost.p95, per_execution_mean(line.cost_usd, pd.events_per_month), line.cost_usd,
                         cost_std_error(line.cost_usd, line.draw_std_error_usd)});
  }
  const sim::LatencyHistogram& latency = dr.latency_ms;
  const std::vector<double> q = latency.quantiles({0.50, 0.90, 0.95, 0.99});
  out.latency = {dr.latency_mean_ms(), q[0], q[1], q[2], q[3]};
  out.outcomes = {dr.outcomes.succeeded, dr.outcomes.failed, dr.outcomes.lost, dr.outcomes.caught,
                  dr.outcomes.failed_by_error};
  out.executions = dr.executions;
  out.warnings = dr.warnings;
  out.unpriced = dr.unpriced;
  return out;
}

ComparisonReport comparison_report(const DesignReport& base, const PricedDesign& base_priced,
                                            const DesignReport& cand, const PricedDesign& cand_priced) {
  sim::Paired p = sim::compare_paired(base_priced.monthly_cost_usd, cand_priced.monthly_cost_usd);
  ComparisonReport c;
  c.baseline = base.name;
  c.candidate = cand.name;
  c.saving_usd = {p.saving_mean, p.saving_p05, p.saving_p95, p.saving_ci95_low, p.saving_ci95_high};
  c.saving_fraction_mean = p.saving_fraction_mean;
  c.p_candidate_cheaper = p.p_candidate_cheaper;
  c.ratio_mean = p.ratio;
  c.latency_p95_delta_ms = cand.latency.p95_ms - base.latency.p95_ms;
  c.failed_fraction_delta =
      fraction(cand.outcomes.failed, cand.executions) - fraction(base.outcomes.failed, base.executions);
  c.lost_fraction_delta = fraction(cand.outcomes.lost, cand.executions) - fraction(base.outcomes.lost, base.executions);
  const auto& b = base_priced.monthly_cost_usd;
  const auto& k = cand_priced.monthly_cost_usd;
  for (std::size_t i = 0; i < b.size() && i < k.size(); ++i) c.draw_saving_usd.push_back(b[i] - k[i]);
  return c;
}

}  // namespace

std::vector<PricedDesign> price_run(const sim::RunResult& run, const pricing::PriceTable& table,
                                    const pricing::CostOptions& options) {
  std::vector<PricedDesign> out;
  for (const auto& design : run.designs) out.push_back(price_design(design, table, options));
  return out;
}

void update_priced_run(std::vector<PricedDesign>& priced, const sim::RunResult& run, const pricing::PriceTable& table,
                       const pricing::CostOptions& options) {
  priced.resize(run.designs.size());
  for (std::size_t i = 0; i < run.designs.size(); ++i) update_priced_design(priced[i], run.designs[i], table, options);
}

bool run_converged(const std::vector<PricedDesign>& priced, double rel_error) {
  for (const auto& d : priced) {
    if (d.monthly_cost_usd.size() < 2) return false;
    if (monthly_cost_relative_error(d) > rel_error) return false;
  }
  return true;
}

RunReport build_run_report(const PricedRunInputs& in) {
  if (in.priced.size() != in.run.designs.size()) throw model::InternalError("priced designs do not match the run");
  RunReport r;
  r.scenario = in.scenario.id;
  r.title = in.scenario.title;
  r.scenario_file = path_from_scenario(in.scenario.file, in.scenario.file);
  model::InputFiles files = in.scenario.input_file_hashes;
  for (const auto& [path, sha] : pricing::table_files(in.table)) files[path] = sha;
  r.input_files = files_from_scenario(files, in.scenario.file);
  r.seed = in.run.seed;
  r.tool_version = FLOWCOST_VERSION;
  r.prices = {in.table.name, in.table.effective_date, in.table.region, in.table.sha256};
  r.free_tier = in.options.free_tier;
  r.draws = in.run.designs.empty() ? 0 : in.run.designs.front().draws.size();
  r.executions_per_draw = in.run.executions_per_draw;
  r.rel_error_target = in.rel_error_target;
  for (std::size_t i = 0; i < in.priced.size(); ++i) {
    r.designs.push_back(design_report(in.run.designs[i], in.priced[i]));
    r.designs.back().assumptions = engine::design_assumptions(in.priced[i].meters, in.table, in.options.free_tier);
    engine::apply_design_orchestration(in.scenario, in.run.designs[i].name, r.designs.back().assumptions);
    for (auto& a : engine::map_sample_assumptions(in.scenario, in.run.designs[i].name))
      r.designs.back().assumptions.push_back(std::move(a));
    r.relative_error = std::max(r.relative_error, monthly_cost_relative_error(in.priced[i]));
  }
  for (std::size_t i = 1; i < r.designs.size(); ++i)
    r.comparisons.push_back(comparison_report(r.designs[0], in.priced[0], r.designs[i], in.priced[i]));
  r.converged = !in.rel_error_target || run_converged(in.priced, *in.rel_error_target);
  if (!r.converged) {
    r.warnings.push_back("the stop rule did not converge: the 95% half-width of the mean monthly cost is " +
                         model::format_fixed(r.relative_error * 100, 2) + "% of the mean after " +
                         std::to_string(r.draws) + " draws (target " +
                         model::format_shortest(*in.rel_error_target * 100) + "%); raise --max-draws or --executions");
  }
  for (const auto& w : in.table.warnings) r.warnings.push_back("price table: " + model::diagnostic_text(w));
  r.performance = {in.run.simulated_executions, in.run.simulated_transitions, in.run.wall_seconds};
  return r;
}

}  // namespace flowcost::engine
