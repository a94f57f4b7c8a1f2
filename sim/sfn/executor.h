#pragma once
// Runs executions of a compiled Plan on a virtual clock (no sleeping, no allocation per execution):
// Retry, Catch, timeouts, Choice, Wait, Parallel, Map (inline and distributed), nested executions, the
// Standard 1-year / 25,000-event and Express 5-minute limits. Meters per docs/billing-rules.md
// "How the simulator meters Step Functions". One Executor per thread and draw (it owns scratch space).
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <vector>

#include "model/asl/state_machine.h"
#include "model/event_meters.h"
#include "model/metering.h"
#include "sim/execution.h"
#include "sim/random.h"
#include "sim/sfn/plan.h"
#include "sim/value_compiler.h"

namespace flowcost::sim::sfn {

inline constexpr double kStandardMaxDurationMs = 365.0 * 24 * 3600 * 1000;  // 1 year (docs/sources.md#sfn-quotas)
inline constexpr double kExpressMaxDurationMs = model::asl::kExpressMaxSeconds * 1000;  // 5 minutes
inline constexpr std::uint64_t kStandardMaxHistoryEvents = 25'000;
// Express keeps no history; this guard ends zero-time infinite loops (documented as a simulator limit).
inline constexpr std::uint64_t kExpressMaxHistoryEvents = 1'000'000;

// The site of attempt `attempt` of a visit whose site is `visit_site`: the visit's own site for the first
// attempt (a state with attempts never draws at the visit itself), a mixed one for the retries.
inline std::uint64_t attempt_site_of(std::uint64_t visit_site, std::uint64_t attempt) {
  return attempt == 0 ? visit_site : site_key(visit_site, attempt);
}

// The orchestration latency of one machine and workflow type in one draw (model::LatencyKind order).
struct LatencySet {
  std::array<double, model::kLatencyKinds> ms{};  // a number fixed for the draw
  std::array<std::uint32_t, model::kLatencyKinds> drawn = PlanMachine::filled_none();  // else: the value read per use
  bool any = false;        // some kind is not 0
  bool drawn_any = false;  // some kind is read per use
  // Without drawn kinds: the latency before entering a state, per model::asl::StateType (state entered, and
  // a Choice's own), so the state loop adds one number.
  std::array<double, 8> entered_ms{};
};

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
    std::uint64_t steps = 0;  // Map iterations and Parallel branches (or states) run: Express memory
    const LatencySet* latency = nullptr;   // the execution's orchestration latency (set per execution)
  };

  // One execution of `machine` started at `start_ms` (child or top level); meters Express requests and
  // GB-s or the Standard per-execution transitions.
  Result run_execution(std::uint32_t machine, double start_ms, std::uint64_t ctx);
  Result run_execution_scope(std::uint32_t scope, bool express, double timeout_ms, double start_ms,
                             std::uint64_t ctx, std::uint32_t machine);
  Result run_scope(std::uint32_t scope, double t, std::uint64_t ctx, double stop_ms);
  // After the first attempt of a Task/Parallel/Map failed (`failed`): its retriers and catchers; the
  // result of the last attempt, or success with `next` set to the catcher's target when caught.
  Result recover(std::uint32_t state, Result failed, std::uint64_t occ, double stop_ms, std::uint32_t& next);
  // After the first attempt of Task/Parallel/Map state `s` (index `cur`) ended with `r`: Retry and Catch
  // after a failure, then either the next state to enter (`cur`, with `t` its entry time; false) or the
  // scope's result in `r` (true: a failure, an abort, or the end of the scope).
  bool settle(const PlanState& s, std::uint32_t& cur, Result& r, std::uint64_t occ, double stop_ms, double& t);
  // The orchestration latency of kind `kind` at place `place` (a number fixed for the draw, or a draw from
  // site_key(kLatencySite, place), slot `kind`: sim/sfn/slots.h).
  double latency_ms(model::LatencyKind kind, std::uint64_t place) {
    const LatencySet& l = *frame_.latency;
    return l.drawn_any ? drawn_latency_ms(kind, place) : l.ms[kind];
  }
  double drawn_latency_ms(model::LatencyKind kind, std::uint64_t place);
  // Before state `type` is entered at visit `place`: the state-entered latency, and a Choice's own.
  double entered_latency_ms(model::asl::StateType type, std::uint64_t place) {
    const LatencySet& l = *frame_.latency;
    if (!l.drawn_any) return l.entered_ms[static_cast<std::size_t>(type)];
    double d = drawn_latency_ms(model::kLatencyStateEntered, place);
    if (type == model::asl::StateType::choice) d += drawn_latency_ms(model::kLatencyChoice, place);
    return d;
  }
  // Before a Parallel branch or Inline Map iteration whose context is `ctx` starts.
  double branch_start_ms(std::uint64_t ctx) {
    return frame_.latency->any ? latency_ms(model::kLatencyBranchStart, ctx) : 0.0;
  }
  void enter_state(double t) {
    count_history(2, t);  // StateEntered, StateExited
    if (!frame_.express) out_->meters.add(Meter::sfn_standard_transitions, 1);
    ++out_->transitions;
  }
  double wait_ms(const PlanWait& w, double t, std::uint64_t occ);
  // The execution's deadline passed: it fails with States.Timeout at the deadline (an abort).
  Result timed_out() {
    frame_.abort_error = plan_.err_timeout;
    frame_.abort_ms = frame_.deadline_ms;
    return {frame_.abort_ms, frame_.abort_error};
  }
  Result run_state_body(std::uint32_t state, double t, std::uint64_t occurrence, double stop_ms);
  // One attempt of a Task (defined in sim/sfn/executor_attempt.h); `variates` are the attempt's (SiteVariates
  // at `occurrence`). The caller counts its history events first (task_history, or together with the state's
  // own in run_scope) and does not call it when that ended the execution.
  Result run_task(const PlanTask& task, double t, std::uint64_t occurrence, SiteVariates& variates);
  std::uint32_t mocked_error(const PlanTask& task, double t);
  // A Task attempt's history events (Scheduled, Started, Succeeded/Failed/TimedOut); false when they
  // exceed the execution's limit (the execution is then aborted).
  bool task_history(double t) {
    count_history(3, t);
    return frame_.abort_error == 0;
  }
  // The cold-start probability of this draw (per-draw values are resolved once), or of this event.
  double cold_probability(const PlanTask& task) const {
    const double p = cold_probability_[task.index];
    return p >= 0 ? p : values_.get(task.cold_probability);
  }
  double finish_special(const PlanTask& task, double t, std::uint64_t occ, double work, double elapsed,
                        std::uint32_t& error, SiteVariates& variates);
  Result run_parallel(const PlanState& s, double t, std::uint64_t occurrence, double stop_ms);
  // What the record and the frame held before a Parallel's or a Map's first pass (to undo it).
  struct Mark {
    MeterCounts meters;
    std::uint64_t transitions, retries;
    std::uint32_t caught;
    std::uint64_t history;
    std::uint64_t steps;
    std::size_t mock_depth;  // mock_marks_[mock_depth]: the mock counters then (when any_mocked_)
  };
  Mark mark();
  void undo(const Mark& m);
  struct MarkScope {  // a mark for the lifetime of one Parallel/Map attempt
    explicit MarkScope(Executor& e) : executor(e), mark(e.mark()) {}
    ~MarkScope() {
      if (executor.any_mocked_) --executor.mock_depth_;
    }
    MarkScope(const MarkScope&) = delete;
    MarkScope& operator=(const MarkScope&) = delete;
    Executor& executor;
    Mark mark;
  };
  Result run_map(const PlanState& s, double t, std::uint64_t occurrence, double stop_ms);
  Result run_distributed(const PlanMap& m, double t, std::uint64_t occurrence, double items, std::uint64_t children,
                         double cap, std::uint32_t depth);
  std::uint32_t choose(const PlanChoice& c, std::uint64_t occurrence, bool& no_match);
  double retry_delay_ms(const PlanRetrier& r, std::int64_t retry_count, std::uint64_t attempt_site) const;
  void sample_inputs(const PlanMachine& m, std::uint64_t ctx);
  // The payload of an execution of `machine` in context `ctx` (the same number at every call).
  double execution_payload(const PlanMachine& m, std::uint64_t ctx) {
    if (m.payload == kNone) return 0;
    return values_.is_distribution(m.payload) ? drawn_payload(m, ctx) : values_.get(m.payload);
  }
  double drawn_payload(const PlanMachine& m, std::uint64_t ctx);
  // The downstream calls of a Task attempt: a quantity fixed for the draw is added here, inline (the common
  // case); a drawn one by meter_drawn_call.
  void meter_calls(const PlanTask& task, SiteVariates& variates) {
    for (std::uint32_t i = 0; i < task.calls_count; ++i) {
      const CallMeter& cm = call_meters_[task.calls_first + i];
      if (cm.per_draw >= 0) out_->meters.add(cm.meter, cm.per_draw);
      else meter_drawn_call(task, i, variates);
    }
  }
  void meter_drawn_call(const PlanTask& task, std::uint32_t i, SiteVariates& variates);
  // An invocation that ran (an attempt that never started bills nothing: see run_task).
  void meter_lambda(bool arm64, std::int64_t memory_mb, double init_ms, double run_ms) {
    out_->meters.add(Meter::lambda_requests, 1);
    out_->meters.add(arm64 ? Meter::lambda_gb_seconds_arm64 : Meter::lambda_gb_seconds_x86,
                     meters_.lambda_mb_ms(memory_mb, init_ms, run_ms));
  }
  void meter_express(double definition_mb, double payload_bytes, std::uint64_t steps, double duration_ms);
  void meter_logs(const PlanMachine& m, const Result& r, std::uint64_t retries, std::uint64_t caught,
                  std::uint64_t ctx);
  void count_history(std::uint64_t events, double t) {
    frame_.history += events;
    if (frame_.history > frame_.history_cap && frame_.abort_error == 0) {
      frame_.abort_error = plan_.err_history;
      frame_.abort_ms = t;
    }
  }

  const Plan& plan_;
  const model::MeteringRules& metering_;
  DrawValues& values_;
  ExecutionRecord* out_ = nullptr;
  ExecutionFrame frame_;
  std::uint64_t last_steps_ = 0;  // the Map/Parallel steps of the execution run_execution_scope just ran
  std::uint64_t last_history_ = 0;  // and its history events
  // Scratch, sized once.
  // Per state: how often it was entered in the current run of its scope (a scope never runs inside itself,
  // so one counter per state suffices); `run` tells a stale count from a current one without clearing.
  struct Visits {
    std::uint64_t run = 0;
    std::uint64_t count = 0;
  };
  std::vector<Visits> visits_;
  std::uint64_t scope_runs_ = 0;
  std::vector<std::int64_t> retry_counts_;     // per retrier
  // A downstream call's meter, and its quantity when the call's size and count are fixed for the draw.
  struct CallMeter {
    Meter meter;
    std::int64_t per_draw = -1;     // the quantity when fixed for the draw, else -1
  };
  model::EventMeters meters_;  // one metering function per billable event
  std::vector<CallMeter> call_meters_;         // per Plan::calls entry
  std::vector<std::uint8_t> unbilled_error_;   // per error id: a Lambda attempt failing so never ran
  std::vector<std::int64_t> mock_counts_;      // per task
  bool any_mocked_ = false;
  std::vector<std::vector<std::int64_t>> mock_marks_;  // mock counters saved by mark(), a stack
  std::size_t mock_depth_ = 0;
  std::vector<double> input_numbers_;          // per input field: the drawn ones, this execution
  // An input field's number in the current execution.
  double input_value(std::uint32_t field) const {
    const PlanInputField& f = plan_.inputs[field];
    return f.drawn ? input_numbers_[field] : values_.get(f.value);
  }
  std::vector<std::vector<double>> slots_;     // per Map depth: concurrency slot free times (a min-heap)
  std::vector<double> choice_cumulative_;      // per choice weight (per draw)
  std::vector<double> error_cumulative_;       // per task error (per draw, when constant)
  std::vector<double> cold_probability_;       // per task: this draw's, or -1 when it varies per event
  // Orchestration latency of this draw per machine and workflow type ([0] Standard, [1] Express).
  std::vector<std::array<LatencySet, 2>> latency_;
};

}  // namespace flowcost::sim::sfn
