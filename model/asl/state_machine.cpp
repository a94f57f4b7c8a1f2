#include "model/asl/state_machine.h"

namespace flowcost::model::asl {

namespace {

const State* find_in(const Scope& scope, std::string_view name) {
  for (const auto& s : scope.states) {
    if (s.name.value == name) return &s;
    if (const auto* p = std::get_if<ParallelState>(&s.body)) {
      for (const auto& b : p->branches)
        if (const State* f = find_in(b, name)) return f;
    } else if (const auto* m = std::get_if<MapState>(&s.body)) {
      if (const State* f = find_in(m->processor, name)) return f;
    }
  }
  return nullptr;
}

}  // namespace

const State* StateMachine::find_state(std::string_view name) const { return find_in(top, name); }

const char* to_string(StateType t) {
  switch (t) {
    case StateType::pass: return "Pass";
    case StateType::task: return "Task";
    case StateType::choice: return "Choice";
    case StateType::wait: return "Wait";
    case StateType::succeed: return "Succeed";
    case StateType::fail: return "Fail";
    case StateType::parallel: return "Parallel";
    case StateType::map: return "Map";
  }
  return "?";
}

}  // namespace flowcost::model::asl
