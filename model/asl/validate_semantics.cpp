// A10 rule 8 (HeartbeatSeconds below TimeoutSeconds), rule 12 (.sync, .waitForTaskToken and activities
// are not available to Express workflows, including the EXPRESS children of a Distributed Map) and
// rule 13 (an inner block may read but not assign the variables of its enclosing blocks).
#include <map>
#include <set>

#include "model/asl/field_reader.h"
#include "model/asl/resource.h"
#include "model/asl/validate_parts.h"

namespace flowcost::model::asl {

namespace {

std::string prefix_of(const State& s) { return "state " + quoted(s.name.value) + ": "; }

void check_heartbeat(const State& s, const TaskState& t, Diagnostics& diags) {
  const auto& hb = t.heartbeat_seconds.literal;
  const auto& to = t.timeout_seconds.literal;
  if (hb && to && *hb >= *to)
    diags.error(t.heartbeat_seconds.loc, prefix_of(s) + "\"HeartbeatSeconds\" (" + std::to_string(static_cast<long long>(*hb)) +
                                             ") must be less than \"TimeoutSeconds\" (" +
                                             std::to_string(static_cast<long long>(*to)) + ")");
}

void check_express(const State& s, const TaskState& t, const std::string& where, Diagnostics& diags) {
  const Resource& r = t.resource;
  if (r.pattern != IntegrationPattern::request_response)
    diags.error(r.arn.loc, prefix_of(s) + "the " + to_string(r.pattern) + " integration pattern is not supported in " +
                               where + " (Express workflows support request-response only)");
  if (r.kind == ResourceKind::activity)
    diags.error(r.arn.loc, prefix_of(s) + "activities are not supported in " + where);
}

// Variable names an Assign object sets (JSONPath keys lose their ".$").
std::vector<Member> assigned(const std::optional<Node>& assign) {
  std::vector<Member> out;
  if (!assign || !assign->is_mapping()) return out;
  for (const auto& m : assign->members) {
    Member v = m;
    if (v.key.size() >= 2 && v.key.substr(v.key.size() - 2) == ".$") v.key.resize(v.key.size() - 2);
    out.push_back(std::move(v));
  }
  return out;
}

std::vector<std::pair<const State*, Member>> scope_assignments(const Scope& scope) {
  std::vector<std::pair<const State*, Member>> out;
  for (const auto& s : scope.states) {
    for (auto& m : assigned(s.assign)) out.emplace_back(&s, m);
    for (const auto& c : s.catchers)
      for (auto& m : assigned(c.assign)) out.emplace_back(&s, m);
    if (const auto* c = std::get_if<ChoiceState>(&s.body))
      for (const auto& rule : c->choices)
        for (auto& m : assigned(rule.assign)) out.emplace_back(&s, m);
  }
  return out;
}

class SemanticCheck {
 public:
  SemanticCheck(const ValidateOptions& options, Diagnostics& diags) : options_(options), diags_(diags) {}

  void run(const StateMachine& machine) {
    if (options_.express && machine.timeout_seconds && *machine.timeout_seconds > kExpressMaxSeconds)
      diags_.warning(machine.timeout_seconds_loc,
                     "\"TimeoutSeconds\" is " + std::to_string(static_cast<long long>(*machine.timeout_seconds)) +
                         ", but an Express state machine runs at most 300 s");
    scope(machine.top, options_.express, options_.express ? "an Express state machine" : "", {});
  }

 private:
  void scope(const Scope& sc, bool express, const std::string& where, const std::set<std::string>& outer) {
    auto assignments = scope_assignments(sc);
    std::set<std::string> inner = outer;
    for (const auto& [state, m] : assignments) {
      if (outer.count(m.key))  // AWS deploys it (docs/validation-rules.md W13): the block assigns its own copy
        diags_.warning(m.key_loc, prefix_of(*state) + "variable " + quoted(m.key) +
                                      " is also assigned in an enclosing block; this Parallel branch or Map "
                                      "iteration assigns its own copy, and the enclosing block keeps its value");
      inner.insert(m.key);
    }
    for (const auto& s : sc.states) {
      if (const auto* t = std::get_if<TaskState>(&s.body)) {
        check_heartbeat(s, *t, diags_);
        if (express) check_express(s, *t, where, diags_);
      } else if (const auto* w = std::get_if<WaitState>(&s.body); w && express && w->seconds &&
                                                                  *w->seconds > kExpressMaxSeconds) {
        diags_.warning(s.loc, prefix_of(s) + "waits " + std::to_string(static_cast<long long>(*w->seconds)) +
                                  " s, but " + where + " runs at most 300 s, so every execution times out here");
      } else if (const auto* p = std::get_if<ParallelState>(&s.body)) {
        for (const auto& b : p->branches) scope(b, express, where, inner);
      } else if (const auto* m = std::get_if<MapState>(&s.body)) {
        const Scope& proc = m->processor;
        bool child_express = express;
        std::string child_where = where;
        if (proc.mode == Scope::MapMode::distributed) {
          child_express = proc.execution_type == Scope::ExecutionType::express;
          child_where = "the EXPRESS child workflows of Distributed Map " + quoted(s.name.value);
        }
        scope(proc, child_express, child_where, inner);
      }
    }
  }

  const ValidateOptions& options_;
  Diagnostics& diags_;
};

}  // namespace

void validate_semantics(const StateMachine& machine, const ValidateOptions& options, Diagnostics& diags) {
  SemanticCheck(options, diags).run(machine);
}

}  // namespace flowcost::model::asl
