// W14 (docs/validation-rules.md): error names starting with "States." that Step Functions does not define.
// AWS deploys them; such a name never matches an error Step Functions raises itself, so a retrier or catcher
// waiting for it is likely a mistake, unless a Fail state of the machine raises that name (an AWS sample
// ends its Parallel branches with "Error": "States.QuorumMet" and catches it around the Parallel).
#include <algorithm>
#include <set>
#include <string>

#include "model/asl/field_reader.h"
#include "model/asl/validate_parts.h"
#include "model/suggest.h"

namespace flowcost::model::asl {

namespace {

void collect_raised(const Scope& scope, std::set<std::string>& raised) {
  for (const auto& s : scope.states) {
    if (const auto* f = std::get_if<FailState>(&s.body); f && f->error) raised.insert(f->error->value);
    if (const auto* p = std::get_if<ParallelState>(&s.body))
      for (const auto& b : p->branches) collect_raised(b, raised);
    if (const auto* m = std::get_if<MapState>(&s.body)) collect_raised(m->processor, raised);
  }
}

void check_names(const State& s, const std::vector<Located>& names, const std::set<std::string>& raised,
                 Diagnostics& diags) {
  const auto& known = step_functions_error_names();
  for (const auto& n : names) {
    if (n.value.rfind("States.", 0) != 0 || raised.count(n.value)) continue;
    if (std::find(known.begin(), known.end(), n.value) != known.end()) continue;
    diags.warning(n.loc, "state " + quoted(s.name.value) + ": " + unknown_name_message("error name", n.value, known) +
                             " (names starting with \"States.\" are reserved; Step Functions accepts the name, "
                             "but raises no error of that name itself)");
  }
}

void check_scope(const Scope& scope, const std::set<std::string>& raised, Diagnostics& diags) {
  for (const auto& s : scope.states) {
    for (const auto& r : s.retry) check_names(s, r.error_equals, raised, diags);
    for (const auto& c : s.catchers) check_names(s, c.error_equals, raised, diags);
    if (const auto* p = std::get_if<ParallelState>(&s.body))
      for (const auto& b : p->branches) check_scope(b, raised, diags);
    if (const auto* m = std::get_if<MapState>(&s.body)) check_scope(m->processor, raised, diags);
  }
}

}  // namespace

void validate_error_names(const StateMachine& machine, Diagnostics& diags) {
  std::set<std::string> raised;
  collect_raised(machine.top, raised);
  check_scope(machine.top, raised, diags);
}

}  // namespace flowcost::model::asl
