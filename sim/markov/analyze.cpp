// The analytic engine's chains: per scope, N = (I - Q)^-1 from StartAt (analyze.h).
#include "sim/markov/analyze.h"

#include <algorithm>
#include <cmath>
#include <memory>

#include "model/errors.h"
#include "model/scenario/step_functions_design.h"
#include "sim/markov/analyzer.h"
#include "sim/markov/base_values.h"
#include "sim/markov/chain_solve.h"
#include "sim/meter_counts.h"
#include "sim/scenario_values.h"
#include "sim/sfn/call_meters.h"
#include "sim/sfn/compile.h"

namespace flowcost::sim::markov {

namespace detail {

using model::asl::StateType;

namespace {

std::string name_of(Meter m) { return std::string(meter_name(m)); }

}  // namespace

Analyzer::Analyzer(const sfn::Plan& plan, const std::vector<double>& values, const model::MeteringRules& metering,
                   const std::vector<double>* inputs)
    : plan_(plan), values_(values), metering_(metering), meters_(metering), inputs_(inputs), local_(plan.states.size()),
      solved_(plan.scopes.size(), false), summaries_(plan.scopes.size()) {}

void Analyzer::task_meters(const sfn::PlanTask& task, const VisitOutcome& visit, StateLocal& local) {
  if (task.lambda) {
    const double work = task.duration != sfn::kNone ? std::max(0.0, values_[task.duration]) : 0.0;
    double init = 0;
    if (task.cold_probability != sfn::kNone && task.init != sfn::kNone)
      init = values_[task.cold_probability] * std::max(0.0, values_[task.init]);
    const auto mb_ms = static_cast<double>(
        meters_.lambda_mb_ms(task.memory_mb_int, init, std::min(work, task.function_timeout_ms)));
    // An attempt that fails before the function starts (a throttle) bills nothing.
    double p_unbilled = 0;
    for (std::uint32_t i = 0; i < task.errors_count; ++i) {
      const sfn::PlanTaskError& e = plan_.task_errors[task.errors_first + i];
      for (const auto& name : metering_.lambda_unbilled_errors)
        if (plan_.error_names[e.error_id] == name) p_unbilled += values_[e.probability];
    }
    const double invocations = visit.expected_attempts * (1 - std::min(1.0, p_unbilled));
    const Meter gb = task.arm64 ? Meter::lambda_gb_seconds_arm64 : Meter::lambda_gb_seconds_x86;
    local.meters_per_visit[name_of(Meter::lambda_requests)] += invocations;
    local.meters_per_visit[name_of(gb)] += invocations * mb_ms * meter_scale(gb);
  }
  if (task.fargate) {  // per attempt: the mean run (stopped at TimeoutSeconds) per second, 1-minute minimum
    const double work = task.duration != sfn::kNone ? std::max(0.0, values_[task.duration]) : 0.0;
    const auto billed_ms = static_cast<double>(meters_.fargate_billed_ms(std::min(work, task.timeout_ms)));
    local.meters_per_visit[name_of(Meter::fargate_vcpu_seconds)] += visit.expected_attempts *
        static_cast<double>(std::llround(task.fargate_vcpu * 1000)) * billed_ms * meter_scale(Meter::fargate_vcpu_seconds);
    local.meters_per_visit[name_of(Meter::fargate_gb_seconds)] += visit.expected_attempts *
        static_cast<double>(std::llround(task.fargate_memory_gb * 1024)) * billed_ms * meter_scale(Meter::fargate_gb_seconds);
  }
  const double calls = task.callback_wait != sfn::kNone ? visit.expected_attempts : visit.p_success;
  for (std::uint32_t i = 0; i < task.calls_count; ++i) {
    const sfn::PlanCall& c = plan_.calls[task.calls_first + i];
    const double amount = std::max(0.0, values_[c.amount]);
    const std::int64_t items = c.items == sfn::kNone ? 1 : model::EventMeters::count(values_[c.items]);
    const Meter meter_id = sfn::call_meter(c.kind);
    const std::string meter = name_of(meter_id);
    const double q = static_cast<double>(sfn::call_quantity(meters_, c.kind, amount, items)) * meter_scale(meter_id);
    if (plan_.values[c.amount].kind != CompiledValue::Kind::constant ||
        (c.items != sfn::kNone && plan_.values[c.items].kind != CompiledValue::Kind::constant))
      note("service calls whose sizes are not constants are metered at the mean size");
    local.meters_per_visit[meter] += calls * q;
  }
}

void Analyzer::build_state(std::uint32_t state) {
  const sfn::PlanState& s = plan_.states[state];
  StateLocal& local = local_[state];
  const std::uint32_t after = s.next == sfn::kNone ? kScopeEnd : s.next;
  switch (s.type) {
    case StateType::pass:
    case StateType::wait: local.edges.push_back({after, 1}); return;
    case StateType::succeed: local.edges.push_back({kScopeEnd, 1}); return;
    case StateType::fail: local.failures[s.detail] += 1; return;
    case StateType::choice: choice_edges(plan_.choices[s.detail], local); return;
    case StateType::task:
    case StateType::parallel:
    case StateType::map: break;
  }
  std::vector<AttemptError> per_attempt;
  if (s.type == StateType::task) per_attempt = task_attempt(plan_.tasks[s.detail]);
  else if (s.type == StateType::parallel) {
    per_attempt = parallel_attempt(s);
    local.child_runs_per_visit = 1;
  } else per_attempt = map_attempt(s, local);
  const VisitOutcome visit = resolve_retries(plan_, s, per_attempt);
  local.attempts = visit.expected_attempts;
  local.child_runs_per_visit *= visit.expected_attempts;
  local.distributed_children_per_visit *= visit.expected_attempts;
  local.transitions_per_visit = visit.expected_attempts + local.distributed_children_per_visit;
  if (visit.p_success > 0) local.edges.push_back({after, visit.p_success});
  for (const auto& [error, p] : visit.failures) {
    std::uint32_t caught = sfn::kNone;
    for (std::uint32_t i = 0; i < s.catch_count && caught == sfn::kNone; ++i)
      if (plan_.matches_error(plan_.catchers[s.catch_first + i].match_row, error)) caught = s.catch_first + i;
    if (caught != sfn::kNone) local.edges.push_back({plan_.catchers[caught].next, p});
    else local.failures[error] += p;
  }
  if (s.type == StateType::task) task_meters(plan_.tasks[s.detail], visit, local);
  if (s.type == StateType::map && plan_.maps[s.detail].distributed) {
    const sfn::PlanMap& m = plan_.maps[s.detail];
    if (m.express_children) {
      local.meters_per_visit[name_of(Meter::sfn_express_requests)] += local.distributed_children_per_visit;
      note("Express child executions' GB-s are not analyzed; use run");
    } else if (metering_.standard_transitions_per_execution > 0) {
      local.meters_per_visit[name_of(Meter::sfn_standard_transitions)] +=
          local.distributed_children_per_visit * static_cast<double>(metering_.standard_transitions_per_execution);
    }
  }
}

ScopeChain Analyzer::chain_of(std::uint32_t scope) const {
  const sfn::PlanScope& sc = plan_.scopes[scope];
  ScopeChain chain;
  chain.states = sc.count;
  chain.start = sc.start - sc.first;
  chain.exits.assign(sc.count, false);
  for (std::uint32_t i = 0; i < sc.count; ++i) {
    const StateLocal& local = local_[sc.first + i];
    for (const Edge& e : local.edges) {
      if (e.target != kScopeEnd) chain.entries.push_back({i, e.target - sc.first, e.probability});
      else if (e.probability > 0) chain.exits[i] = true;
    }
    for (const auto& [error, p] : local.failures)
      if (p > 0) chain.exits[i] = true;
  }
  return chain;
}

ScopeSummary Analyzer::solve_scope(std::uint32_t scope) {
  if (solved_[scope]) return summaries_[scope];
  const sfn::PlanScope& sc = plan_.scopes[scope];
  for (std::uint32_t i = 0; i < sc.count; ++i) build_state(sc.first + i);
  const ChainSolution visits = solve_chain(chain_of(scope));
  if (visits.never_left)
    throw model::InputError(model::SourceLocation{}, "state \"" + plan_.states[sc.first + *visits.never_left].name +
                                                         "\" starts a loop that is never left, so executions never end");
  ScopeSummary summary;
  summary.p_success = 0;
  for (std::uint32_t i = 0; i < sc.count; ++i) {
    StateLocal& local = local_[sc.first + i];
    const double v = std::max(0.0, visits.visits_from_start[i]);
    local.visits_per_run = v;
    local.reach_per_run = std::min(1.0, v / visits.self_visits[i]);
    for (const Edge& e : local.edges)
      if (e.target == kScopeEnd) summary.p_success += v * e.probability;
    for (const auto& [error, p] : local.failures) summary.failures[error] += v * p;
  }
  solved_[scope] = true;
  summaries_[scope] = summary;
  return summary;
}

void Analyzer::propagate(std::uint32_t scope, double runs, double reach, std::uint32_t depth,
                         AnalyticResult& out) const {
  const sfn::PlanScope& sc = plan_.scopes[scope];
  for (std::uint32_t i = 0; i < sc.count; ++i) {
    const std::uint32_t index = sc.first + i;
    const sfn::PlanState& s = plan_.states[index];
    const StateLocal& local = local_[index];
    StateExpectation e;
    e.state = index;
    e.name = s.name;
    e.type = s.type;
    e.depth = depth;
    e.visits = runs * local.visits_per_run;
    e.attempts_per_visit = local.attempts;
    e.transitions = e.visits * local.transitions_per_visit;
    e.p_reach = reach * local.reach_per_run;
    for (const auto& [meter, q] : local.meters_per_visit) e.meters[meter] = e.visits * q;
    out.states.push_back(e);
    const double child_runs = e.visits * local.child_runs_per_visit;
    for (std::uint32_t b = 0; b < s.scopes_count; ++b)
      propagate(plan_.scope_lists[s.scopes_first + b], child_runs, e.p_reach, depth + 1, out);
    if (s.type == StateType::map) propagate(plan_.maps[s.detail].processor, child_runs, e.p_reach, depth + 1, out);
  }
}

}  // namespace detail

}  // namespace flowcost::sim::markov
