#pragma once
// Runs executions of a compiled Plan on a virtual clock (no sleeping, no allocation per execution):
// Retry, Catch, timeouts, Choice, Wait, Parallel, Map (inline and distributed), nested executions, the
// Standard 1-year / 25,000-event and Express 5-minute limits. Meters per docs/billing-rules.md
// "How the simulator meters Step Functions". One Executor per thread and draw (it owns scratch space).
#include <cstdint>
#include <vector>

#include "model/metering.h"
#include "sim/execution.h"
#include "sim/random.h"
#include "sim/sfn/plan.h"
#include "sim/sfn/values.h"

namespace flowcost::sim::sfn {

inline constexpr double kStandardMaxDurationMs = 365.0 * 24 * 3600 * 1000;  // 1 year (pricing.md 1.5)
inline constexpr double kExpressMaxDurationMs = 5.0 * 60 * 1000;            // 5 minutes
inline constexpr std::uint64_t kStandardMaxHistoryEvents = 25'000;
// Express keeps no history; this guard ends zero-time infinite loops (documented as a simulator limit).
inline constexpr std::uint64_t kExpressMaxHistoryEvents = 1'000'000;

class Executor {
 public:
  Executor(const Plan& plan, const model::MeteringRules& metering, DrawValues& values);

  // Simulates event `sample` (trigger + one execution of machine 0) and ADDS its meters, transitions,
  // retries and caught errors to `out`; sets out.latency_ms, out.outcome and out.error_id. It does not
  // clear `out` first.
  void run_event(std::uint64_t sample, ExecutionRecord& out);

 private:
  struct Result {
    double end_ms;
    std::uint32_t error;  // 0 = success
  };
  struct ExecutionFrame {
    std::uint64_t history = 0;
    std::uint64_t history_cap = 0;
    double deadline_ms = kForever;
    std::uint32_t abort_error = 0;  // an execution-level failure (not catchable)
    double abort_ms = 0;
    bool express = false;
    std::uint32_t machine = 0;
  };

  // One execution of `machine` started at `start_ms` (child or top level); meters Express requests and
  // GB-s or the Standard per-execution transitions.
  Result run_execution(std::uint32_t machine, double start_ms, std::uint64_t ctx);
  Result run_execution_scope(std::uint32_t scope, bool express, double timeout_ms, double start_ms,
                             std::uint64_t ctx, std::uint32_t machine);
  Result run_scope(std::uint32_t scope, double t, std::uint64_t ctx, double stop_ms);
  // Runs a Task/Parallel/Map with its retriers and catchers; `next` becomes the catcher's target when caught.
  Result run_with_retry(std::uint32_t state, double t, std::uint64_t occ, double stop_ms, std::uint32_t& next);
  void enter_state(double t);
  double wait_ms(const PlanWait& w, double t, std::uint64_t occ);
  Result run_state_body(std::uint32_t state, double t, std::uint64_t occurrence, double stop_ms);
  Result run_task(const PlanTask& task, double t, std::uint64_t occurrence);
  std::uint32_t task_error(const PlanTask& task, double t, SiteVariates& variates);
  Result run_parallel(const PlanState& s, double t, std::uint64_t occurrence, double stop_ms);
  Result run_map(const PlanState& s, double t, std::uint64_t occurrence, double stop_ms);
  Result run_distributed(const PlanMap& m, double t, std::uint64_t occurrence, std::uint64_t children,
                         double cap, std::uint32_t depth);
  std::uint32_t choose(const PlanChoice& c, std::uint64_t occurrence, bool& no_match);
  bool evaluate_rule(std::uint32_t rule) const;
  double retry_delay_ms(const PlanRetrier& r, std::int64_t retry_count, std::uint64_t attempt_site) const;
  void sample_inputs(const PlanMachine& m, std::uint64_t ctx);
  // The payload of an execution of `machine` in context `ctx` (the same number at every call).
  double execution_payload(const PlanMachine& m, std::uint64_t ctx);
  void meter_calls(const PlanTask& task, SiteVariates& variates);
  void meter_lambda(bool arm64, double memory_mb, double billed_ms_raw);
  void meter_express(double definition_mb, double payload_bytes, std::uint32_t map_parallel_count,
                     double duration_ms);
  void count_history(std::uint64_t events, double t);

  const Plan& plan_;
  const model::MeteringRules& metering_;
  DrawValues& values_;
  ExecutionRecord* out_ = nullptr;
  ExecutionFrame frame_;
  // Scratch, sized once.
  std::vector<std::uint32_t> visits_;          // per state
  std::vector<std::int64_t> retry_counts_;     // per retrier
  std::vector<std::int64_t> mock_counts_;      // per task
  std::vector<double> input_numbers_;          // per input field
  std::vector<std::vector<double>> slots_;     // per Map depth: concurrency slot free times (a min-heap)
  std::vector<double> choice_cumulative_;      // per choice weight (per draw)
  std::vector<double> error_cumulative_;       // per task error (per draw, when constant)
};

}  // namespace flowcost::sim::sfn
