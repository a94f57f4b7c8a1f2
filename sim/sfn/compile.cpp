#include "sim/sfn/compile.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "model/errors.h"
#include "sim/random.h"
#include "sim/sfn/compile_detail.h"
#include "sim/value_compiler.h"

namespace flowcost::sim::sfn {

bool error_matches(std::string_view matcher, std::string_view error, model::TaskFailedMatching task_failed) {
  if (error == "States.Runtime") return false;  // never retried or caught (docs/sources.md#asl-errors)
  // States.ALL matches every error but the terminal States.DataLimitExceeded (which only its own name catches).
  if (matcher == "States.ALL") return error != "States.DataLimitExceeded";
  if (matcher == "States.TaskFailed") {
    if (task_failed == model::TaskFailedMatching::non_states_errors) return error.rfind("States.", 0) != 0;
    return error != "States.Timeout" && error != "States.HeartbeatTimeout";
  }
  if (matcher == "States.Timeout") return error == "States.Timeout" || error == "States.HeartbeatTimeout";
  return matcher == error;
}

std::uint32_t Compiler::error_id(const std::string& name) {
  for (std::size_t i = 0; i < plan.error_names.size(); ++i)
    if (plan.error_names[i] == name) return static_cast<std::uint32_t>(i);
  plan.error_names.push_back(name);
  return static_cast<std::uint32_t>(plan.error_names.size() - 1);
}

std::uint32_t Compiler::match_row(const std::vector<model::asl::Located>& error_equals) {
  std::vector<std::string> names;
  for (const auto& e : error_equals) names.push_back(e.value);
  match_lists.push_back(std::move(names));
  return static_cast<std::uint32_t>(match_lists.size() - 1);
}

namespace {

// The states a state of `scope` can go to next in the same run of the scope: Next, its catchers' Next, a
// Choice's rule targets, Default and weighted targets.
template <typename F>
void for_each_successor(const Plan& plan, const PlanState& s, F&& f) {
  if (s.next != kNone) f(s.next);
  for (std::uint32_t i = 0; i < s.catch_count; ++i) f(plan.catchers[s.catch_first + i].next);
  if (s.type != model::asl::StateType::choice) return;
  const PlanChoice& c = plan.choices[s.detail];
  if (c.default_next != kNone) f(c.default_next);
  for (std::uint32_t i = 0; i < c.weights_count; ++i)
    if (plan.choice_weights[c.weights_first + i].next != kNone) f(plan.choice_weights[c.weights_first + i].next);
  for (std::uint32_t i = 0; i < c.rules_count; ++i) {
    const std::uint32_t next = plan.rules[plan.rule_children[c.rules_first + i]].next;
    if (next != kNone) f(next);
  }
}

// Whether some state of `scope` can be entered again in one run of it (depth-first search, iterative: a
// scope may have thousands of states).
bool has_cycle(const Plan& plan, const PlanScope& scope) {
  enum : std::uint8_t { unseen, open, done };
  std::vector<std::uint8_t> mark(scope.count, unseen);
  struct Level {
    std::uint32_t state;                  // local index
    std::vector<std::uint32_t> next;      // its successors (local indices)
    std::size_t i = 0;                    // the next one to follow
  };
  std::vector<Level> stack;
  auto enter = [&](std::uint32_t local) {
    mark[local] = open;
    Level level{local, {}};
    for_each_successor(plan, plan.states[scope.first + local],
                       [&](std::uint32_t next) { level.next.push_back(next - scope.first); });
    stack.push_back(std::move(level));
  };
  for (std::uint32_t root = 0; root < scope.count; ++root) {
    if (mark[root] != unseen) continue;
    enter(root);
    while (!stack.empty()) {
      Level& top = stack.back();
      if (top.i == top.next.size()) {
        mark[top.state] = done;
        stack.pop_back();
        continue;
      }
      const std::uint32_t next = top.next[top.i++];
      if (mark[next] == open) return true;
      if (mark[next] == unseen) enter(next);
    }
  }
  return false;
}

}  // namespace

std::uint32_t Compiler::compile_scope(const model::asl::Scope& scope, std::uint32_t depth, Machine& m) {
  const auto scope_index = static_cast<std::uint32_t>(plan.scopes.size());
  plan.scopes.push_back({});
  const auto first = static_cast<std::uint32_t>(plan.states.size());
  plan.states.resize(plan.states.size() + scope.states.size());
  std::map<std::string, std::uint32_t, std::less<>> index;
  for (std::size_t i = 0; i < scope.states.size(); ++i)
    index[scope.states[i].name.value] = first + static_cast<std::uint32_t>(i);
  auto target = [&](const std::string& name) {
    auto it = index.find(name);
    if (it == index.end()) throw model::InternalError("unresolved transition to \"" + name + "\" (validator bug)");
    return it->second;
  };
  {
    PlanScope& ps = plan.scopes[scope_index];
    ps.first = first;
    ps.count = static_cast<std::uint32_t>(scope.states.size());
    ps.start = target(scope.start_at.value);
    ps.depth = depth;
  }
  plan.max_depth = std::max(plan.max_depth, depth);
  for (std::size_t i = 0; i < scope.states.size(); ++i) {
    const model::asl::State& s = scope.states[i];
    const std::uint32_t si = first + static_cast<std::uint32_t>(i);
    PlanState ps;
    ps.type = s.type;
    ps.name = s.name.value;
    ps.site = site_key("state:" + s.name.value);
    ps.first_site = site_key(ps.site, 0);
    if (s.next) ps.next = target(s.next->value);
    ps.retry_first = static_cast<std::uint32_t>(plan.retriers.size());
    for (const auto& r : s.retry) {
      PlanRetrier pr;
      pr.match_row = match_row(r.error_equals);
      pr.interval_ms = r.interval_seconds * 1000;
      pr.backoff_rate = r.backoff_rate;
      if (r.max_delay_seconds) pr.max_delay_ms = *r.max_delay_seconds * 1000;
      pr.max_attempts = r.max_attempts;
      pr.full_jitter = r.jitter == model::asl::Retrier::Jitter::full;
      plan.retriers.push_back(pr);
    }
    ps.retry_count = static_cast<std::uint32_t>(s.retry.size());
    ps.catch_first = static_cast<std::uint32_t>(plan.catchers.size());
    for (const auto& c : s.catchers) plan.catchers.push_back({match_row(c.error_equals), target(c.next.value)});
    ps.catch_count = static_cast<std::uint32_t>(s.catchers.size());
    switch (s.type) {
      case model::asl::StateType::task: ps.detail = compile_task(s, m); break;
      case model::asl::StateType::choice: ps.detail = compile_choice(s, m, target); break;
      case model::asl::StateType::wait: ps.detail = compile_wait(s, m); break;
      case model::asl::StateType::fail: {
        const auto& f = std::get<model::asl::FailState>(s.body);
        ps.detail = error_id(f.error ? f.error->value : "Fail:" + s.name.value);
        break;
      }
      case model::asl::StateType::parallel: {
        std::vector<std::uint32_t> branches;
        for (const auto& b : std::get<model::asl::ParallelState>(s.body).branches)
          branches.push_back(compile_scope(b, depth, m));
        ps.scopes_first = static_cast<std::uint32_t>(plan.scope_lists.size());
        ps.scopes_count = static_cast<std::uint32_t>(branches.size());
        plan.scope_lists.insert(plan.scope_lists.end(), branches.begin(), branches.end());
        break;
      }
      case model::asl::StateType::map: ps.detail = compile_map(s, depth, m); break;
      default: break;
    }
    plan.states[si] = std::move(ps);
  }
  plan.scopes[scope_index].acyclic = !has_cycle(plan, plan.scopes[scope_index]);
  return scope_index;
}

std::uint32_t Compiler::compile_machine(const model::StepFunctionsDesign& d) {
  const auto mi = static_cast<std::uint32_t>(plan.machines.size());
  plan.machines.push_back({});
  Machine m{d, mi};
  PlanMachine pm;
  pm.express = d.workflow == model::SfnWorkflow::express;
  pm.definition_mb = static_cast<double>(d.machine.definition_size_bytes) / (1024.0 * 1024.0);
  if (d.logging && d.logging->level != model::LoggingSpec::Level::off) {
    pm.log_level = static_cast<std::uint8_t>(d.logging->level);
    pm.log_event_bytes = values.add(d.logging->event_bytes, {"log event size", ValueCheck::nonnegative});
  }
  if (d.payload_bytes) {
    // Execution data over Step Functions' limit cannot exist; behind an IoT rule it is an MQTT message too.
    const bool via_iot = plan.machines.size() == 1 && d.trigger.iot_rule;
    pm.payload = values.add(*d.payload_bytes,
                            {"payload size", via_iot ? ValueCheck::iot_payload : ValueCheck::sfn_payload});
    // A distribution is drawn once per execution; every use reads that execution's number.
    pm.payload_ref = plan.values[pm.payload].kind == CompiledValue::Kind::distribution
                         ? values.add_execution_payload(mi)
                         : pm.payload;
  }
  if (d.machine.timeout_seconds) pm.timeout_ms = *d.machine.timeout_seconds * 1000;
  for (unsigned k = 0; k < model::kLatencyKinds; ++k)
    if (d.orchestration_ms[k])
      pm.latency[k] = values.add(*d.orchestration_ms[k],
                                 {std::string("orchestration ") + model::kLatencyKeys[k], ValueCheck::nonnegative});
  pm.inputs_first = static_cast<std::uint32_t>(plan.inputs.size());
  for (const auto& f : d.input) {
    PlanInputField pf;
    pf.path = f.path;
    pf.value = values.add(f.value, {"input field " + f.path, ValueCheck::finite});
    pf.drawn = plan.values[pf.value].kind == CompiledValue::Kind::distribution;
    pm.draws_inputs = pm.draws_inputs || pf.drawn;
    pf.label = !f.labels.empty();
    pf.labels = f.labels;
    for (const auto& label : pf.labels) {
      const auto instant = model::parse_rfc3339_epoch_s(label);
      pf.label_epoch_s.push_back(instant ? *instant : std::nan(""));
    }
    pf.site = site_key("input:" + f.path);
    plan.inputs.push_back(std::move(pf));
  }
  pm.inputs_count = static_cast<std::uint32_t>(d.input.size());
  plan.machines[mi] = pm;
  const std::uint32_t top = compile_scope(d.machine.top, 0, m);
  plan.machines[mi].top = top;
  return mi;
}

void Compiler::compile_trigger(const model::TriggerSpec& t) {
  PlanTrigger& pt = plan.trigger;
  pt.iot_rule = t.iot_rule;
  pt.iot_topic_bytes = t.iot_topic_bytes;
  pt.s3 = t.s3;
  pt.api = t.api == model::TriggerSpec::Api::rest ? 1 : t.api == model::TriggerSpec::Api::http ? 2 : 0;
  if (t.api_request_bytes)
    pt.api_request_bytes = values.add(*t.api_request_bytes, {"API request size", ValueCheck::nonnegative});
  if (t.lambda) {
    pt.lambda = true;
    pt.lambda_arm64 = t.lambda->arch == model::LambdaArch::arm64;
    pt.lambda_memory_mb = t.lambda->memory_mb;
    pt.lambda_memory_mb_int = std::llround(pt.lambda_memory_mb);
    pt.lambda_timeout_ms = t.lambda->timeout_ms;
    if (t.lambda_duration_ms)
      pt.lambda_duration = values.add(*t.lambda_duration_ms, {"trigger Lambda duration", ValueCheck::nonnegative});
  }
}

void Compiler::finish(model::TaskFailedMatching task_failed) {
  const std::size_t n = plan.error_names.size();
  plan.matches.assign(match_lists.size() * n, 0);
  for (std::size_t row = 0; row < match_lists.size(); ++row)
    for (std::size_t e = 1; e < n; ++e)
      for (const auto& m : match_lists[row])
        if (error_matches(m, plan.error_names[e], task_failed)) plan.matches[row * n + e] = 1;
}

Plan compile_plan(const model::StepFunctionsDesign& design, const CompiledScenarioValues& scenario_values) {
  Plan plan;
  Compiler c(plan, scenario_values);
  plan.error_names = {""};
  plan.err_timeout = c.error_id("States.Timeout");
  plan.err_heartbeat = c.error_id("States.HeartbeatTimeout");
  plan.err_no_choice = c.error_id("States.NoChoiceMatched");
  plan.err_lambda_unknown = c.error_id("Lambda.Unknown");
  plan.err_threshold = c.error_id("States.ExceedToleratedFailureThreshold");
  plan.err_history = c.error_id("flowcost.HistoryLimitExceeded");
  plan.err_runtime = c.error_id("States.Runtime");
  plan.err_task_failed = c.error_id("States.TaskFailed");
  if (design.start_time_epoch_s) plan.start_time_ms = *design.start_time_epoch_s * 1000;
  c.compile_machine(design);
  c.compile_trigger(design.trigger);
  c.finish(design.task_failed);
  return plan;
}

}  // namespace flowcost::sim::sfn
