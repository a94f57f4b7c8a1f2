#pragma once
// The result of `flowcost run`, already priced: plain data that every run writer (table, CSV, JSON,
// Markdown) takes. engine/priced_run.h builds it from a sim::RunResult and a pricing::PriceTable; the writers
// do no simulation, no pricing and no parsing.
//
// Conventions: money in USD per month unless named otherwise; quantiles are of the per-draw values (one
// value per outer draw); `p05`..`p95` is the 90% interval of the draws.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "engine/assumptions.h"
#include "model/unpriced_call.h"

namespace flowcost::engine {

// A quantity summarised over the outer draws.
struct DrawSummary {
  double mean = 0;
  double std_error = 0;  // standard error of `mean` (written as "stderr")
  double p05 = 0;
  double p50 = 0;
  double p95 = 0;
  // Root mean square over draws of each draw's own Monte Carlo standard error (from its batches): how
  // much of a single draw's value is simulation noise rather than input uncertainty ("draw_stderr").
  double draw_std_error = 0;
};

// One rate line of the price table (a meter may have several, e.g. requests and duration).
struct LineReport {
  std::string meter;
  std::string line;  // rate-line label
  std::string unit;
  double quantity_mean = 0;  // monthly quantity of the meter, mean over draws
  double cost_usd_mean = 0;
  double cost_usd_p05 = 0;
  double cost_usd_p50 = 0;
  double cost_usd_p95 = 0;
  double per_execution_cost_usd_mean = 0;  // mean over draws of (line cost / events per month)
  std::vector<double> draw_cost_usd;  // monthly cost of this line in each draw, in draw order
  double cost_usd_std_error = 0;      // standard error of cost_usd_mean over draws (one draw: from its batches)
};

struct MeterReport {
  double monthly_mean = 0;        // monthly total in the meter's unit, mean over draws (JSON "mean")
  double per_execution_mean = 0;  // per simulated execution
};

// End-to-end latency of one event (trigger, execution with its orchestration latency, or message through
// the rules) over the pooled latency sample (the first 2,000 events of every draw): the exact mean, and
// type-7 quantiles read from a log-bucketed histogram (sim/latency_histogram.h: within 0.05% relatively).
struct LatencyReport {
  double mean_ms = 0;
  double p50_ms = 0;
  double p90_ms = 0;
  double p95_ms = 0;
  double p99_ms = 0;
};

struct OutcomeReport {
  std::uint64_t succeeded = 0;
  std::uint64_t failed = 0;
  std::uint64_t lost = 0;
  std::uint64_t caught = 0;
  std::map<std::string, std::uint64_t> failed_by_error;
};

// The cost of one event (execution or message) from a per-execution figure: USD per 1,000,000 events.
inline double per_million_events_usd(double per_execution_usd) { return per_execution_usd * 1e6; }

struct DesignReport {
  std::string name;
  DrawSummary monthly_cost_usd;
  double per_execution_cost_usd_mean = 0;  // mean over draws of (monthly cost / events per month)
  // Quantiles over the draws with events of (monthly cost / events per month).
  double per_execution_cost_usd_p05 = 0;
  double per_execution_cost_usd_p50 = 0;
  double per_execution_cost_usd_p95 = 0;
  double events_per_month_mean = 0;
  std::map<std::string, MeterReport> meters;  // by meter name
  std::vector<LineReport> lines;              // in price-table order
  LatencyReport latency;
  OutcomeReport outcomes;
  std::uint64_t executions = 0;  // simulated executions of this design (all draws)
  std::vector<std::string> warnings;
  std::vector<model::UnpricedCall> unpriced;  // calls no meter counts: their cost is in no total
  std::vector<engine::Assumption> assumptions;  // the settings that decided these numbers
  std::vector<double> draw_cost_usd;  // monthly cost of each draw, in draw order (the draws summarised above)
};

// Paired comparison of `candidate` against `baseline` on the same draws (common random numbers).
struct SavingReport {
  double mean = 0;  // baseline cost - candidate cost, USD per month
  double p05 = 0;
  double p95 = 0;
  double ci95_low = 0;  // 95% confidence interval of the mean saving
  double ci95_high = 0;
};

struct ComparisonReport {
  std::string baseline;
  std::string candidate;
  SavingReport saving_usd;
  double saving_fraction_mean = 0;  // mean saving / mean baseline cost
  double p_candidate_cheaper = 0;   // fraction of draws where the candidate costs less
  double ratio_mean = 0;            // mean candidate cost / mean baseline cost
  double latency_p95_delta_ms = 0;  // candidate p95 - baseline p95
  double failed_fraction_delta = 0;  // candidate - baseline, fractions of executions
  double lost_fraction_delta = 0;
  std::vector<double> draw_saving_usd;  // baseline - candidate monthly cost of each draw, in draw order
};

struct PricesReport {
  std::string name;
  std::string effective_date;
  std::string region;
  std::string sha256;
};

struct PerformanceReport {
  std::uint64_t simulated_executions = 0;
  std::uint64_t simulated_transitions = 0;
  double wall_seconds = 0;  // the only field that varies between identical runs
};

// A limit on one design's mean monthly cost (`run --fail-above DESIGN=USD` or the scenario's `budgets:`).
struct BudgetReport {
  std::string design;
  double limit_usd = 0;
  double mean_usd = 0;  // the design's mean monthly cost
  bool passed = true;   // mean_usd <= limit_usd
  std::string source;   // "scenario budgets:" or "--fail-above"
};

struct RunReport {
  std::string scenario;  // the scenario id
  std::string title;
  std::string scenario_file;
  std::map<std::string, std::string> input_files;  // path -> SHA-256 of every input file read
  std::uint64_t seed = 0;
  std::string tool_version;
  // Every `--set NAME=VALUE`, in the order given (a later one of a name wins).
  std::vector<std::pair<std::string, std::string>> overrides;
  // The command that reproduces the run, built from the effective settings (never from argv): `flowcost run
  // SCENARIO --seed N --draws D --executions E`, then the stop rule, `--prices`, `--free-tier`, every `--set`
  // and `--fail-above` as given (engine/reproduce_command.h). Never -o, --format, --threads or --per-draw.
  std::string reproduce_command;
  PricesReport prices;
  bool free_tier = false;
  std::uint64_t draws = 0;
  std::uint64_t executions_per_draw = 0;
  std::optional<double> rel_error_target;  // the stop rule, when one was asked for
  bool converged = true;
  double relative_error = 0;  // achieved: max over designs of 95% half-width / |mean| of monthly cost
  std::vector<DesignReport> designs;
  std::vector<ComparisonReport> comparisons;  // every design after the first against the first
  std::vector<std::string> warnings;          // run-level (e.g. the stop rule did not converge)
  std::vector<BudgetReport> budgets;          // the scenario's, then --fail-above's, in order
  PerformanceReport performance;
};

}  // namespace flowcost::engine
