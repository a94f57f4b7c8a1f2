// The state loop: executions, scopes, Retry and Catch, Choice, Wait (docs/sources.md#asl-states, #asl-errors,
// #asl-retry, #asl-catch, #asl-limits).
#include "sim/sfn/executor.h"

#include <algorithm>
#include <cmath>

#include "model/errors.h"
#include "model/number_format.h"
#include "sim/random.h"
#include "sim/sfn/call_meters.h"
#include "sim/sfn/executor_attempt.h"
#include "sim/sfn/slots.h"

namespace flowcost::sim::sfn {

using model::asl::StateType;

Executor::Executor(const Plan& plan, const model::MeteringRules& metering, DrawValues& values)
    : plan_(plan),
      metering_(metering),
      values_(values),
      meters_(metering) {
  visits_.assign(plan.states.size(), Visits{});
  retry_counts_.assign(plan.retriers.size(), 0);
  call_meters_.reserve(plan.calls.size());
  for (const auto& c : plan.calls) {
    call_meters_.push_back({call_meter(c.kind), -1});
    if (values.fixed_for_draw(c.amount) && (c.items == kNone || values.fixed_for_draw(c.items)))
      call_meters_.back().per_draw = call_quantity(meters_, c.kind, values.resolved(c.amount),
                                                   c.items == kNone ? 1 : model::EventMeters::count(values.resolved(c.items)));
  }
  unbilled_error_.assign(plan.error_names.size(), 0);
  for (std::size_t e = 1; e < plan.error_names.size(); ++e)
    for (const auto& name : metering.lambda_unbilled_errors)
      if (plan.error_names[e] == name) unbilled_error_[e] = 1;
  mock_counts_.assign(plan.tasks.size(), 0);
  for (const auto& t : plan.tasks) any_mocked_ = any_mocked_ || t.mocked;
  input_numbers_.assign(plan.inputs.size(), 0);
  slots_.resize(plan.max_depth + 2);
  for (auto& s : slots_) s.reserve(static_cast<std::size_t>(plan.max_slots) + 1);
  // Choice weights of this draw: cumulative, with `rest` = 1 - the others.
  choice_cumulative_.assign(plan.choice_weights.size(), 0);
  for (const auto& c : plan.choices) {
    if (!c.weighted) continue;
    double sum = 0;
    bool rest = false;
    for (std::uint32_t i = 0; i < c.weights_count; ++i) {
      const auto& w = plan.choice_weights[c.weights_first + i];
      if (w.weight == kNone) rest = true;
      else sum += values.resolved(w.weight);
    }
    const auto& first = plan.values[plan.choice_weights[c.weights_first].weight == kNone
                                        ? plan.choice_weights[c.weights_first + (c.weights_count > 1 ? 1 : 0)].weight
                                        : plan.choice_weights[c.weights_first].weight];
    if (sum > 1 + 1e-9 || (!rest && std::fabs(sum - 1) > 1e-9)) {
      throw model::InputError(first.loc, "Choice weights sum to " + model::format_significant(sum, 6) + " in draw " +
                                             std::to_string(values.draw()) + (rest ? "; `rest` would be negative"
                                                                                   : "; they must sum to 1"));
    }
    double acc = 0;
    for (std::uint32_t i = 0; i < c.weights_count; ++i) {
      const auto& w = plan.choice_weights[c.weights_first + i];
      acc += w.weight == kNone ? 1 - sum : values.resolved(w.weight);
      choice_cumulative_[c.weights_first + i] = acc;
    }
  }
  cold_probability_.assign(plan.tasks.size(), -1.0);
  for (const auto& t : plan.tasks) {
    if (t.cold_probability != kNone && values.fixed_for_draw(t.cold_probability))
      cold_probability_[t.index] = values.resolved(t.cold_probability);
  }
  // Orchestration latency of this draw: the design's `orchestration:` value, else the table's setting.
  latency_.resize(plan.machines.size());
  for (std::size_t mi = 0; mi < plan.machines.size(); ++mi) {
    for (int express = 0; express < 2; ++express) {
      LatencySet& l = latency_[mi][express];
      const model::LatencyMs& table = express ? metering.express_latency_ms : metering.standard_latency_ms;
      for (unsigned k = 0; k < model::kLatencyKinds; ++k) {
        const std::uint32_t v = plan.machines[mi].latency[k];
        if (v == kNone) l.ms[k] = table[k];
        else if (values.fixed_for_draw(v)) l.ms[k] = values.resolved(v);
        else l.drawn[k] = v;
        l.any = l.any || l.ms[k] != 0 || l.drawn[k] != kNone;
        l.drawn_any = l.drawn_any || l.drawn[k] != kNone;
      }
      l.entered_ms.fill(l.ms[model::kLatencyStateEntered]);
      l.entered_ms[static_cast<std::size_t>(StateType::choice)] += l.ms[model::kLatencyChoice];
    }
  }
  // Error probabilities of this draw (per attempt), cumulative per task.
  error_cumulative_.assign(plan.task_errors.size(), 0);
  for (const auto& t : plan.tasks) {
    double acc = 0;
    for (std::uint32_t i = 0; i < t.errors_count; ++i) {
      const auto& e = plan.task_errors[t.errors_first + i];
      acc += values.resolved(e.probability);
      error_cumulative_[t.errors_first + i] = acc;
    }
    if (acc > 1 + 1e-9) {
      throw model::InputError(plan.values[plan.task_errors[t.errors_first].probability].loc,
                              "error probabilities sum to " + model::format_significant(acc, 6) + " in draw " +
                                  std::to_string(values.draw()) + "; they must sum to at most 1");
    }
  }
}

void Executor::run_event(std::uint64_t sample, ExecutionRecord& out) {
  values_.start_event(sample);
  if (any_mocked_) std::fill(mock_counts_.begin(), mock_counts_.end(), 0);
  out_ = &out;
  const PlanTrigger& tr = plan_.trigger;
  double t = 0;
  if (tr.lambda) {
    SiteVariates variates = values_.variates(kTriggerSite);
    const double d = tr.lambda_duration != kNone ? std::max(0.0, values_.get(tr.lambda_duration, variates, kSlotTriggerDuration)) : 0;
    const double run_ms = std::min(d, tr.lambda_timeout_ms);
    meter_lambda(tr.lambda_arm64, tr.lambda_memory_mb_int, 0, run_ms);
    t = run_ms;
  }
  const Result r = run_execution(0, t, 0);
  // The trigger's other meters (they do not change the execution's course).
  if (tr.iot_rule) {
    // The message and the rule are metered in 5 KB units of payload + topic, as in an iot_rules design
    // (docs/sources.md#iot-metering); the Step Functions action is one action executed.
    const std::int64_t units = meters_.iot_message_units(execution_payload(plan_.machines[0], 0) + tr.iot_topic_bytes);
    out.meters.add(Meter::iot_messages, units);
    out.meters.add(Meter::iot_rules_triggered, metering_.iot_rules_in_message_units ? units : 1);
    out.meters.add(Meter::iot_actions_executed, 1);
  }
  if (tr.s3) out.meters.add(Meter::s3_put_requests, 1);
  if (tr.api == 1) out.meters.add(Meter::apigateway_rest_requests, 1);
  if (tr.api == 2) {
    SiteVariates variates = values_.variates(kTriggerSite);
    const double bytes = tr.api_request_bytes != kNone ? values_.get(tr.api_request_bytes, variates, kSlotTriggerApiBytes)
                                                       : execution_payload(plan_.machines[0], 0);
    out.meters.add(Meter::apigateway_http_requests, meters_.apigateway_http_requests(bytes));
  }
  out.latency_ms = r.end_ms;
  out.outcome = r.error ? Outcome::failed : Outcome::succeeded;
  out.error_id = r.error;
  out_ = nullptr;
}

void Executor::sample_inputs(const PlanMachine& m, std::uint64_t ctx) {
  for (std::uint32_t i = 0; i < m.inputs_count; ++i) {
    const PlanInputField& f = plan_.inputs[m.inputs_first + i];
    if (!f.drawn) continue;  // read where used (input_value)
    SiteVariates variates = values_.variates(site_key(f.site, ctx));
    input_numbers_[m.inputs_first + i] = values_.get(f.value, variates, 0);
  }
}

double Executor::drawn_payload(const PlanMachine& m, std::uint64_t ctx) {
  SiteVariates variates = values_.variates(site_key(kExecutionSite, ctx));
  return values_.get(m.payload, variates, kSlotPayload);
}

Executor::Result Executor::run_execution(std::uint32_t machine, double start_ms, std::uint64_t ctx) {
  const PlanMachine& m = plan_.machines[machine];
  if (m.draws_inputs) sample_inputs(m, ctx);
  // A payload drawn from a distribution is drawn once, here, and read by the execution's tasks; a
  // workload item or a number is read where it is needed.
  const bool drawn = m.payload != kNone && values_.is_distribution(m.payload);
  const double saved_payload = values_.payload();
  if (drawn) values_.set_payload(execution_payload(m, ctx));
  const std::uint64_t retries_before = out_->retries, caught_before = out_->caught_errors;
  const Result r = run_execution_scope(m.top, m.express, m.timeout_ms, start_ms, ctx, machine);
  if (m.log_level != 0) meter_logs(m, r, out_->retries - retries_before, out_->caught_errors - caught_before, ctx);
  if (m.express) {
    // Without Map iterations or Parallel branches run the payload does not change the billed memory.
    const double payload = last_steps_ == 0 ? 0.0 : drawn ? values_.payload() : execution_payload(m, ctx);
    meter_express(m.definition_mb, payload, last_steps_, r.end_ms - start_ms);
  }
  if (drawn) values_.set_payload(saved_payload);
  return r;
}

Executor::Result Executor::run_execution_scope(std::uint32_t scope, bool express, double timeout_ms, double start_ms,
                                               std::uint64_t ctx, std::uint32_t machine) {
  const ExecutionFrame saved = frame_;
  frame_ = ExecutionFrame{};
  frame_.express = express;
  frame_.machine = machine;
  frame_.latency = &latency_[machine][express ? 1 : 0];
  frame_.history_cap = express ? kExpressMaxHistoryEvents : kStandardMaxHistoryEvents;
  frame_.deadline_ms = start_ms + std::min(express ? kExpressMaxDurationMs : kStandardMaxDurationMs, timeout_ms);
  count_history(2, start_ms);  // ExecutionStarted, ExecutionSucceeded/Failed
  if (!express && metering_.standard_transitions_per_execution > 0) {
    out_->meters.add(Meter::sfn_standard_transitions, metering_.standard_transitions_per_execution);
  }
  const double first_ms =
      frame_.latency->any ? start_ms + latency_ms(model::kLatencyExecutionStart, site_key(kExecutionSite, ctx)) : start_ms;
  Result r = run_scope(scope, first_ms, ctx, kForever);
  if (frame_.abort_error) r = {frame_.abort_ms, frame_.abort_error};
  else if (r.end_ms > frame_.deadline_ms) r = {frame_.deadline_ms, plan_.err_timeout};
  last_steps_ = frame_.steps;
  last_history_ = frame_.history;
  frame_ = saved;
  return r;
}

Executor::Result Executor::run_scope(std::uint32_t scope, double t, std::uint64_t ctx, double stop_ms) {
  const PlanScope& sc = plan_.scopes[scope];
  const std::uint64_t run = ++scope_runs_;  // visit numbers count from 0 again in this run of the scope
  std::uint32_t cur = sc.start;
  for (;;) {
    const PlanState& s = plan_.states[cur];
    // The visit's site: the state's name, its context (0 at the top level; otherwise a well-mixed site)
    // and its visit number, in one mixing step. In an acyclic scope every visit is the first (0); the top
    // level's first visits, the common case, are precomputed (PlanState::first_site).
    std::uint64_t visit = 0;
    if (!sc.acyclic) {
      Visits& v = visits_[cur];
      if (v.run != run) v = {run, 0};
      visit = v.count++;
    }
    const std::uint64_t occ = ctx == 0 && visit == 0 ? s.first_site : site_key(s.site ^ ctx, visit);
    // The state is entered after its orchestration latency (a Choice's own too).
    if (frame_.latency->any) t += entered_latency_ms(s.type, occ);
    if (frame_.abort_error) return {frame_.abort_ms, frame_.abort_error};
    if (t >= stop_ms) return {stop_ms, 0};  // a sibling branch or iteration failed first: stopped
    if (t > frame_.deadline_ms) return timed_out();
    if (s.type == StateType::task) {
      // The first attempt draws at the visit's site (attempt_site_of): start its Philox block before the
      // bookkeeping, which then runs alongside it. Retry and Catch only after a failure.
      const PlanTask& task = plan_.tasks[s.detail];
      SiteVariates variates = values_.variates(occ);
      if (task.draws) variates.word(0);
      // StateEntered and StateExited, and the first attempt's Scheduled, Started and its end, at once.
      count_history(5, t);
      if (!frame_.express) out_->meters.add(Meter::sfn_standard_transitions, 1);
      ++out_->transitions;
      if (frame_.abort_error) return {frame_.abort_ms, frame_.abort_error};
      Result r = run_task(task, t, occ, variates);
      if (r.error == 0 && frame_.abort_error == 0) {  // the common case: on to the next state
        t = r.end_ms;
        if (s.next == kNone) return {t, 0};
        cur = s.next;
        continue;
      }
      if (settle(s, cur, r, occ, stop_ms, t)) return r;
      continue;
    }
    enter_state(t);
    switch (s.type) {
      case StateType::pass: break;
      case StateType::succeed: return {t, 0};
      case StateType::fail: return {t, s.detail};
      case StateType::wait:
        t += wait_ms(plan_.waits[s.detail], t, occ);
        if (frame_.latency->any) t += latency_ms(model::kLatencyWait, occ);
        break;
      case StateType::choice: {
        bool no_match = false;
        const std::uint32_t next = choose(plan_.choices[s.detail], occ, no_match);
        if (no_match) return {t, plan_.err_no_choice};
        cur = next;
        continue;
      }
      case StateType::task:
      case StateType::parallel:
      case StateType::map: {
        // The first attempt inline (the common case: it succeeds); Retry and Catch only after a failure.
        // The deadline was checked above at this same time.
        Result r = run_state_body(cur, t, attempt_site_of(occ, 0), stop_ms);
        if (settle(s, cur, r, occ, stop_ms, t)) return r;
        continue;
      }
    }
    if (s.next == kNone) return {t, 0};
    cur = s.next;
  }
}

bool Executor::settle(const PlanState& s, std::uint32_t& cur, Result& r, std::uint64_t occ, double stop_ms,
                      double& t) {
  if (frame_.abort_error) {
    r = {frame_.abort_ms, frame_.abort_error};
    return true;
  }
  std::uint32_t next = s.next;
  if (r.error) {
    r = recover(cur, r, occ, stop_ms, next);  // `next` becomes the catcher's target when caught
    if (r.error) return true;
  }
  t = r.end_ms;
  if (next == kNone) {
    r = {t, 0};
    return true;
  }
  cur = next;
  return false;
}

Executor::Result Executor::recover(std::uint32_t state, Result failed, std::uint64_t occ, double stop_ms,
                                   std::uint32_t& next) {
  const PlanState& s = plan_.states[state];
  for (std::uint32_t i = 0; i < s.retry_count; ++i) retry_counts_[s.retry_first + i] = 0;
  Result r = failed;
  for (std::uint64_t attempt = 0;;) {
    // A failure at or after the scope's stop (a sibling branch or iteration failed first) or past the
    // execution's deadline is neither retried nor caught: the branch was stopped, the execution timed out.
    if (r.end_ms >= stop_ms) return {stop_ms, 0};
    if (r.end_ms > frame_.deadline_ms) return timed_out();
    // Attempt `attempt` failed with r.error. Retry: the first retrier whose ErrorEquals matches
    // (docs/sources.md#asl-retry), if it has attempts left.
    const std::uint64_t attempt_site = attempt_site_of(occ, attempt);
    std::uint32_t matched = kNone;
    for (std::uint32_t i = 0; i < s.retry_count && matched == kNone; ++i)
      if (plan_.matches_error(plan_.retriers[s.retry_first + i].match_row, r.error)) matched = s.retry_first + i;
    if (matched != kNone && retry_counts_[matched] < plan_.retriers[matched].max_attempts) {
      const double t = r.end_ms + retry_delay_ms(plan_.retriers[matched], retry_counts_[matched], attempt_site);
      // Stopped, or timed out, while waiting to retry: the retry never starts (no transition).
      if (t >= stop_ms) return {stop_ms, 0};
      if (t > frame_.deadline_ms) return timed_out();
      ++retry_counts_[matched];
      if (!frame_.express) out_->meters.add(Meter::sfn_standard_transitions, 1);
      ++out_->transitions;
      ++out_->retries;
      ++attempt;
      r = run_state_body(state, t, attempt_site_of(occ, attempt), stop_ms);
      if (frame_.abort_error) return {frame_.abort_ms, frame_.abort_error};
      if (r.error == 0) return r;
      continue;
    }
    // Catch: the first catcher that matches; entering its Next counts as usual.
    for (std::uint32_t i = 0; i < s.catch_count; ++i) {
      const PlanCatcher& c = plan_.catchers[s.catch_first + i];
      if (plan_.matches_error(c.match_row, r.error)) {
        ++out_->caught_errors;
        next = c.next;
        return {r.end_ms, 0};
      }
    }
    return r;
  }
}

double Executor::retry_delay_ms(const PlanRetrier& r, std::int64_t retry_count, std::uint64_t attempt_site) const {
  double delay = r.interval_ms * std::pow(r.backoff_rate, static_cast<double>(retry_count));
  delay = std::min(delay, r.max_delay_ms);
  if (r.full_jitter) delay *= values_.variates(attempt_site).uniform01(kSlotJitter);  // FULL: Uniform(0, capped delay)
  return delay;
}

double Executor::drawn_latency_ms(model::LatencyKind kind, std::uint64_t place) {
  const LatencySet& l = *frame_.latency;
  if (l.drawn[kind] == kNone) return l.ms[kind];
  SiteVariates variates = values_.variates(site_key(kLatencySite, place));
  return std::max(0.0, values_.get(l.drawn[kind], variates, kind));
}

double Executor::wait_ms(const PlanWait& w, double t, std::uint64_t occ) {
  if (w.value != kNone) {
    SiteVariates variates = values_.variates(occ);
    return std::max(0.0, values_.get(w.value, variates, kSlotWait));
  }
  if (w.until_timestamp) return std::max(0.0, w.timestamp_epoch_s * 1000 - (plan_.start_time_ms + t));
  return w.seconds_ms;
}

Executor::Result Executor::run_state_body(std::uint32_t state, double t, std::uint64_t occurrence, double stop_ms) {
  const PlanState& s = plan_.states[state];
  switch (s.type) {
    case StateType::task: {
      if (!task_history(t)) return {frame_.abort_ms, frame_.abort_error};
      SiteVariates variates = values_.variates(occurrence);
      return run_task(plan_.tasks[s.detail], t, occurrence, variates);
    }
    case StateType::parallel: return run_parallel(s, t, occurrence, stop_ms);
    case StateType::map: return run_map(s, t, occurrence, stop_ms);
    default: throw model::InternalError("run_state_body on a state without a body");
  }
}

}  // namespace flowcost::sim::sfn

namespace flowcost::sim::sfn {

// CloudWatch Logs of one execution: log events x their size. ALL logs every history event; ERROR the
// failures (each failed attempt that was retried or caught, and the execution's own failure); FATAL only
// the execution's failure.
void Executor::meter_logs(const PlanMachine& m, const Result& r, std::uint64_t retries, std::uint64_t caught,
                          std::uint64_t ctx) {
  const std::uint64_t failed = r.error != 0 ? 1 : 0;
  const std::uint64_t events = m.log_level == 3 ? last_history_ : m.log_level == 2 ? retries + caught + failed : failed;
  if (events == 0) return;
  SiteVariates variates = values_.variates(site_key(kExecutionSite, ctx));
  const double bytes = values_.get(m.log_event_bytes, variates, kSlotLogEventBytes);
  out_->meters.add(Meter::cloudwatch_logs_gb,
                   model::saturating_mul(model::EventMeters::bytes(bytes), static_cast<std::int64_t>(events)));
}

}  // namespace flowcost::sim::sfn
