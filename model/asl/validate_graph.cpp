// Rules 1-6 of docs/sources.md#asl-validation: StartAt and every transition target in the same block, Next/End,
// a terminal state per block, every state reachable, state names unique machine-wide and at most 80
// characters; Map labels unique.
#include <deque>
#include <functional>
#include <map>
#include <set>

#include "model/asl/field_reader.h"
#include "model/asl/validate_parts.h"
#include "model/suggest.h"

namespace flowcost::model::asl {

namespace {

std::size_t utf8_length(const std::string& s) {
  std::size_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

void for_each_child_scope(const State& s, const std::function<void(const Scope&)>& f) {
  if (const auto* p = std::get_if<ParallelState>(&s.body))
    for (const auto& b : p->branches) f(b);
  if (const auto* m = std::get_if<MapState>(&s.body)) f(m->processor);
}

class GraphCheck {
 public:
  GraphCheck(const StateMachine& machine, Diagnostics& diags) : machine_(machine), diags_(diags) {}

  void run() {
    collect_names(machine_.top);
    check_scope(machine_.top);
  }

 private:
  void collect_names(const Scope& scope) {
    for (const auto& s : scope.states) {
      const std::string& name = s.name.value;
      if (name.empty()) diags_.error(s.name.loc, "a state name cannot be empty");
      else if (utf8_length(name) > 80)
        diags_.error(s.name.loc, "state name " + quoted(name) + " is longer than 80 characters");
      auto [it, inserted] = all_names_.emplace(name, s.name.loc);
      if (!inserted)
        diags_.error(s.name.loc, "state name " + quoted(name) + " is already used at line " +
                                     std::to_string(it->second.line) + "; names must be unique in the whole machine");
      if (const auto* m = std::get_if<MapState>(&s.body); m && m->label) {
        auto [l, fresh] = labels_.emplace(m->label->value, m->label->loc);
        if (!fresh)
          diags_.error(m->label->loc, "state " + quoted(name) + ": label " + quoted(m->label->value) +
                                          " is already used at line " + std::to_string(l->second.line));
      }
      for_each_child_scope(s, [&](const Scope& c) { collect_names(c); });
    }
  }

  // Reports `target` unless it names a state of `names`; returns whether it does.
  bool check_target(const std::string& prefix, const char* field, const Located& target,
                    const std::vector<std::string>& names, const std::set<std::string>& in_scope) {
    if (target.value.empty()) return false;
    if (in_scope.count(target.value)) return true;
    std::string msg = prefix + quoted(field) + " names state " + quoted(target.value);
    if (all_names_.count(target.value)) {
      msg += ", which is in another block; a transition cannot enter or leave a Parallel branch or a Map item "
             "processor";
    } else {
      msg += ", which does not exist";
      if (auto near = closest_name(target.value, names)) msg += "; did you mean " + quoted(*near) + "?";
    }
    diags_.error(target.loc, msg);
    return false;
  }

  void check_scope(const Scope& scope) {
    std::vector<std::string> names;
    for (const auto& s : scope.states) names.push_back(s.name.value);
    const std::set<std::string> in_scope(names.begin(), names.end());
    // An empty "States" is reported by the loader; StartAt cannot name anything in it.
    bool start_ok = !scope.states.empty() && check_target(scope.label, "StartAt", scope.start_at, names, in_scope);
    std::map<std::string, std::vector<std::string>> edges;
    bool any_terminal = false, any_unknown = false;
    for (const auto& s : scope.states) {
      std::string prefix = "state " + quoted(s.name.value) + ": ";
      if (s.load_failed || s.transition_reported) any_unknown = true;
      if (s.load_failed) continue;
      if (s.is_terminal()) any_terminal = true;
      auto& out = edges[s.name.value];
      auto edge = [&](const char* field, const Located& t) {
        if (check_target(prefix, field, t, names, in_scope)) out.push_back(t.value);
      };
      bool flows = s.type != StateType::choice && s.type != StateType::succeed && s.type != StateType::fail;
      if (flows && !s.next && !s.end && !s.transition_reported)
        diags_.error(s.name.loc, prefix + "needs \"Next\" or \"End\": true");
      if (s.next) edge("Next", *s.next);
      if (const auto* c = std::get_if<ChoiceState>(&s.body)) {
        if (c->default_state) edge("Default", *c->default_state);
        for (const auto& rule : c->choices)
          if (rule.next) edge("Next", *rule.next);
      }
      for (const auto& catcher : s.catchers) edge("Next", catcher.next);
      for_each_child_scope(s, [&](const Scope& child) { check_scope(child); });
    }
    if (!scope.states.empty() && !any_terminal && !any_unknown)
      diags_.error(scope.loc, scope.label + "no terminal state in this block: end a state with \"End\": true or use "
                                            "a Succeed or Fail state");
    if (!start_ok || any_unknown) return;  // a broken state's transitions are unknown
    std::set<std::string> seen = {scope.start_at.value};
    std::deque<std::string> todo = {scope.start_at.value};
    while (!todo.empty()) {
      std::string cur = todo.front();
      todo.pop_front();
      for (const auto& n : edges[cur])
        if (seen.insert(n).second) todo.push_back(n);
    }
    for (const auto& s : scope.states)
      if (!seen.count(s.name.value))
        diags_.error(s.name.loc, "state " + quoted(s.name.value) + " is unreachable: no transition leads to it from " +
                                     quoted(scope.start_at.value));
  }

  const StateMachine& machine_;
  Diagnostics& diags_;
  std::map<std::string, SourceLocation> all_names_;
  std::map<std::string, SourceLocation> labels_;
};

}  // namespace

void validate_graph(const StateMachine& machine, Diagnostics& diags) { GraphCheck(machine, diags).run(); }

}  // namespace flowcost::model::asl
