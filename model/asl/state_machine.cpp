#include "model/asl/state_machine.h"

namespace flowcost::model::asl {

namespace {

void index_scope(const Scope& scope, std::unordered_map<std::string_view, const State*>& out) {
  for (const auto& s : scope.states) {
    out.emplace(s.name.value, &s);  // the first of duplicate names stays
    if (const auto* p = std::get_if<ParallelState>(&s.body)) {
      for (const auto& b : p->branches) index_scope(b, out);
    } else if (const auto* m = std::get_if<MapState>(&s.body)) {
      index_scope(m->processor, out);
    }
  }
}

}  // namespace

const State* StateIndex::find(const Scope& top, std::string_view name) const {
  const ByName& by_name = by_name_.get([&](ByName& built) { index_scope(top, built); });
  const auto it = by_name.find(name);
  return it == by_name.end() ? nullptr : it->second;
}

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
