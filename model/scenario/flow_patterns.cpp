#include "model/scenario/flow_patterns.h"

#include <cmath>
#include <optional>
#include <set>

#include "model/asl/resource.h"

namespace flowcost::model {

namespace {

using asl::IntegrationPattern;
using asl::ResourceKind;
using asl::State;
using asl::TaskState;

std::string seconds_text(double s) {
  return std::to_string(static_cast<long long>(std::llround(s))) + " s";
}

std::string join(const std::vector<std::string>& parts, const std::string& sep) {
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : sep) + p;
  return out;
}

bool scope_calls_service(const asl::Scope& scope);

bool state_calls_service(const State& s) {
  if (s.type == asl::StateType::task) return true;
  if (const auto* p = std::get_if<asl::ParallelState>(&s.body)) {
    for (const auto& b : p->branches)
      if (scope_calls_service(b)) return true;
  } else if (const auto* m = std::get_if<asl::MapState>(&s.body)) {
    return scope_calls_service(m->processor);
  }
  return false;
}

bool scope_calls_service(const asl::Scope& scope) {
  for (const auto& s : scope.states)
    if (state_calls_service(s)) return true;
  return false;
}

std::optional<std::string> decision(const State& s) {
  if (const auto* c = std::get_if<asl::ChoiceState>(&s.body)) {
    std::set<std::string> targets;
    for (const auto& rule : c->choices)
      if (rule.next) targets.insert(rule.next->value);
    if (c->default_state) targets.insert(c->default_state->value);
    return "Choice between " + std::to_string(targets.size()) + " next states";
  }
  if (const auto* p = std::get_if<asl::ParallelState>(&s.body); p && state_calls_service(s))
    return "Parallel of " + std::to_string(p->branches.size()) + " branches calling services";
  if (const auto* m = std::get_if<asl::MapState>(&s.body); m && state_calls_service(s))
    return std::string(m->processor.mode == asl::Scope::MapMode::distributed ? "Distributed" : "Inline") +
           " Map calling a service per item";
  return std::nullopt;
}

// What a fallback target is, when it is a job or a callback: " (a batch .sync job)".
std::string target_note(const asl::StateMachine& machine, const std::string& target) {
  const State* t = machine.find_state(target);
  if (!t) return "";
  const auto* task = std::get_if<TaskState>(&t->body);
  if (!task) return "";
  const auto pattern = task->resource.pattern;
  if (pattern == IntegrationPattern::sync || pattern == IntegrationPattern::sync2)
    return " (a " + task->resource.service + " " + asl::to_string(pattern) + " job)";
  return "";
}

std::optional<std::string> failure_handling(const asl::StateMachine& machine, const State& s) {
  std::vector<std::string> parts;
  for (const auto& c : s.catchers) {
    std::vector<std::string> errors;
    for (const auto& e : c.error_equals) errors.push_back(e.value);
    parts.push_back("Catch " + join(errors, ", ") + " -> " + c.next.value + target_note(machine, c.next.value));
  }
  if (const auto* t = std::get_if<TaskState>(&s.body)) {
    if (t->timeout_seconds.literal) parts.push_back("TimeoutSeconds " + seconds_text(*t->timeout_seconds.literal));
    else if (t->timeout_seconds.path || t->timeout_seconds.jsonata) parts.push_back("TimeoutSeconds from the input");
    if (t->heartbeat_seconds.literal)
      parts.push_back("HeartbeatSeconds " + seconds_text(*t->heartbeat_seconds.literal));
    else if (t->heartbeat_seconds.path || t->heartbeat_seconds.jsonata)
      parts.push_back("HeartbeatSeconds from the input");
  }
  if (const auto* m = std::get_if<asl::MapState>(&s.body)) {
    const bool tolerates = m->tolerated_failure_count.literal.value_or(0) > 0 ||
                           m->tolerated_failure_percentage.literal.value_or(0) > 0 ||
                           m->tolerated_failure_count.path || m->tolerated_failure_percentage.path ||
                           m->tolerated_failure_count.jsonata || m->tolerated_failure_percentage.jsonata;
    if (tolerates) parts.push_back("tolerates failed items");
  }
  if (parts.empty()) return std::nullopt;
  return join(parts, "; ");
}

std::optional<std::string> long_running(const StepFunctionsDesign& design, const State& s) {
  if (const auto* w = std::get_if<asl::WaitState>(&s.body)) {
    if (w->seconds) return "Wait " + seconds_text(*w->seconds);
    if (w->timestamp) return "Wait until " + w->timestamp->value;
    return std::string("Wait for a time from the input");
  }
  const auto* t = std::get_if<TaskState>(&s.body);
  if (!t) return std::nullopt;
  std::vector<std::string> parts;
  const asl::Resource& r = t->resource;
  if (r.pattern == IntegrationPattern::wait_for_task_token) {
    const TaskBehaviour* b = design.find_task(s.name.value);
    parts.push_back(std::string("waits for a task token (.waitForTaskToken") +
                    (b && b->callback ? ", callback wait from the scenario)" : ")"));
  } else if (r.pattern == IntegrationPattern::sync || r.pattern == IntegrationPattern::sync2) {
    parts.push_back("runs a " + r.service + " job to its end (" + asl::to_string(r.pattern) + ")");
  } else if (r.kind == ResourceKind::activity) {
    parts.push_back("activity (a worker polls for the task)");
  }
  if (t->timeout_seconds.literal && *t->timeout_seconds.literal > asl::kExpressMaxSeconds)
    parts.push_back("an attempt may run " + seconds_text(*t->timeout_seconds.literal) + ", past Express's 5 minutes");
  if (parts.empty()) return std::nullopt;
  return join(parts, "; ");
}

// The IoT rule action that does what this Task does, if any (docs/sources.md#iot-rule-actions).
std::optional<std::string> rule_action_for(const asl::Resource& r) {
  if (r.pattern != IntegrationPattern::request_response) return std::nullopt;
  if (asl::runs_lambda_function(r)) return "lambda";
  if (r.service == "sns" && r.action == "publish") return "sns";
  if (r.service == "sqs" && r.action == "sendMessage") return "sqs";
  if (r.service == "dynamodb" && r.action == "putItem") return "dynamoDBv2";
  if (r.service == "s3" && r.action == "putObject") return "s3";
  if (r.service == "firehose" && (r.action == "putRecord" || r.action == "putRecordBatch")) return "firehose";
  if (r.service == "kinesis" && r.action == "putRecord") return "kinesis";
  if (r.service == "states" && r.action == "startExecution") return "stepFunctions";
  if (r.kind == ResourceKind::http) return "http";
  return std::nullopt;
}

struct SqlScan {
  std::vector<std::string> where_clauses;  // Choice states
  std::vector<std::string> actions;        // "Store (dynamoDBv2)"
  std::optional<std::string> obstacle;
};

void scan_for_sql(const asl::Scope& scope, SqlScan& scan) {
  for (const auto& s : scope.states) {
    if (scan.obstacle) return;
    const std::string who = "state \"" + s.name.value + "\" ";
    if (!s.catchers.empty()) {
      scan.obstacle = who + "has a Catch: a rule has one error action for its failed actions, not a fallback path";
    } else if (const auto* t = std::get_if<TaskState>(&s.body)) {
      auto action = rule_action_for(t->resource);
      if (action) scan.actions.push_back(s.name.value + " (" + *action + ")");
      else scan.obstacle = who + "calls " + t->resource.arn.value + ", which no rule action does";
    } else if (s.type == asl::StateType::choice) {
      scan.where_clauses.push_back(s.name.value);
    } else if (const auto* p = std::get_if<asl::ParallelState>(&s.body)) {
      for (const auto& b : p->branches) scan_for_sql(b, scan);
    } else if (s.type == asl::StateType::map) {
      scan.obstacle = who + "is a Map: a rule acts once per message, not per item";
    } else if (s.type == asl::StateType::wait) {
      scan.obstacle = who + "is a Wait: rules act when the message arrives";
    }
  }
}

}  // namespace

std::vector<std::string> PatternFinding::states() const {
  std::vector<std::string> out;
  for (const auto& e : evidence) out.push_back(e.state);
  return out;
}

int FlowPatterns::count() const {
  return int(decisions.found()) + int(failure_handling.found()) + int(long_running.found());
}

FlowPatterns find_flow_patterns(const StepFunctionsDesign& design) {
  FlowPatterns out;
  for (const State* s : all_states_of(design.machine)) {
    if (auto why = decision(*s)) out.decisions.evidence.push_back({s->name.value, *why});
    if (auto why = failure_handling(design.machine, *s)) out.failure_handling.evidence.push_back({s->name.value, *why});
    if (auto why = long_running(design, *s)) out.long_running.evidence.push_back({s->name.value, *why});
  }
  return out;
}

RuleSqlFit rule_sql_fit(const StepFunctionsDesign& design) {
  SqlScan scan;
  scan_for_sql(design.machine.top, scan);
  if (scan.obstacle) return {false, *scan.obstacle};
  std::string reason = "rule actions " + join(scan.actions, ", ");
  if (!scan.where_clauses.empty()) reason = "WHERE clauses for " + join(scan.where_clauses, ", ") + "; " + reason;
  return {true, reason};
}

}  // namespace flowcost::model
