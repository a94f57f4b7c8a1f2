#pragma once
// The plan compiler's working state, shared by compile.cpp (scopes, machines, errors) and
// compile_states.cpp (Task, Choice, Wait and Map details). Not for use outside sim/sfn.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "model/scenario/step_functions_design.h"
#include "sim/scenario_values.h"
#include "sim/sfn/plan.h"
#include "sim/value_compiler.h"

namespace flowcost::sim::sfn {

struct Machine {
  const model::StepFunctionsDesign& design;
  std::uint32_t index;
};

using TargetFn = std::function<std::uint32_t(const std::string&)>;

struct Compiler {
  Compiler(Plan& p, const CompiledScenarioValues& sv) : plan(p), values(sv, p.values) {}

  Plan& plan;
  ValueCompiler values;
  std::vector<std::vector<std::string>> match_lists;  // ErrorEquals per match row
  std::string state_prefix;  // "Parent/" while a Task's started machine is compiled (names in plan.unpriced)

  std::uint32_t error_id(const std::string& name);
  std::uint32_t match_row(const std::vector<model::asl::Located>& error_equals);
  std::uint32_t compile_machine(const model::StepFunctionsDesign& d);
  std::uint32_t compile_scope(const model::asl::Scope& scope, std::uint32_t depth, Machine& m);
  std::uint32_t compile_task(const model::asl::State& s, Machine& m);
  std::uint32_t compile_choice(const model::asl::State& s, Machine& m, const TargetFn& target);
  std::uint32_t compile_rule(const model::asl::ChoiceRule& r, Machine& m, const TargetFn& target);
  std::uint32_t compile_wait(const model::asl::State& s, Machine& m);
  std::uint32_t compile_map(const model::asl::State& s, std::uint32_t depth, Machine& m);
  void compile_trigger(const model::TriggerSpec& t);
  void finish(model::TaskFailedMatching task_failed);  // fills the match table once every error name is known
};

// Why the call of a Task with Resource `r` is not priced, or nothing when it is: `resource_metered` when the
// Resource's own call produced a meter, `behaviour_metered` when the Task's behaviour did (which prices a
// Task whose Resource is unresolved, like "${StoreFunction}"). sim/sfn/unpriced.cpp.
std::optional<std::string> unpriced_reason(const model::asl::Resource& r, bool resource_metered,
                                           bool behaviour_metered);

}  // namespace flowcost::sim::sfn
