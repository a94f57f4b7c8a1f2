// The alternatives `flowcost advise` derives from a parsed Step Functions design (engine/advise.h): each a
// modified copy of the design, with the reason it is or is not allowed. Express's limits are the
// validator's own (model/asl/validator.h): an alternative is refused with the messages the validator gives
// for it and not for the design.
#include <algorithm>
#include <set>
#include <variant>

#include "engine/advise.h"
#include "model/asl/resource.h"
#include "model/errors.h"
#include "model/asl/validator.h"

namespace flowcost::engine {

namespace {

using model::StepFunctionsDesign;
using model::SfnWorkflow;
using model::asl::Scope;

std::string join(const std::vector<std::string>& parts, const std::string& sep) {
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : sep) + p;
  return out;
}

// Messages the validator gives for `changed` (validated as `express_after`) that it does not give for
// `original` (validated as `express_before`): what the change breaks.
std::vector<std::string> new_problems(const model::asl::StateMachine& original, bool express_before,
                                      const model::asl::StateMachine& changed, bool express_after) {
  model::Diagnostics before, after;
  model::asl::validate(original, {express_before}, before);
  model::asl::validate(changed, {express_after}, after);
  std::set<std::string> known;
  for (const auto& d : before.items()) known.insert(d.message);
  std::vector<std::string> out;
  for (const auto& d : after.items())
    if (!known.count(d.message)) out.push_back(d.message);
  return out;
}

DerivedAlternative workflow_alternative(const StepFunctionsDesign& d) {
  DerivedAlternative a;
  a.kind = AlternativeKind::workflow;
  StepFunctionsDesign copy = d;
  if (d.workflow == SfnWorkflow::express) {
    a.name = "standard";
    copy.workflow = SfnWorkflow::standard;
    a.allowed = true;
    a.reason = "Standard runs every Express definition (exactly-once, up to a year), billed per state transition";
    a.design = std::move(copy);
    return a;
  }
  a.name = "express";
  auto problems = new_problems(d.machine, false, d.machine, true);
  if (!problems.empty()) {
    a.reason = "not allowed: " + join(problems, "; ");
    return a;
  }
  copy.workflow = SfnWorkflow::express;
  a.allowed = true;
  a.reason = "request-response integrations only; billed per request and GB-s instead of per transition";
  a.design = std::move(copy);
  return a;
}

// Flips the execution type of every Distributed Map's children; returns the flipped maps' new types.
void flip_map_children(Scope& scope, std::vector<Scope::ExecutionType>& flipped) {
  for (auto& s : scope.states) {
    if (auto* p = std::get_if<model::asl::ParallelState>(&s.body)) {
      for (auto& b : p->branches) flip_map_children(b, flipped);
    } else if (auto* m = std::get_if<model::asl::MapState>(&s.body)) {
      Scope& proc = m->processor;
      if (proc.mode == Scope::MapMode::distributed) {
        proc.execution_type = proc.execution_type == Scope::ExecutionType::express ? Scope::ExecutionType::standard
                                                                                     : Scope::ExecutionType::express;
        flipped.push_back(proc.execution_type);
      }
      flip_map_children(proc, flipped);
    }
  }
}

DerivedAlternative map_children_alternative(const StepFunctionsDesign& d) {
  DerivedAlternative a;
  a.kind = AlternativeKind::map_children;
  StepFunctionsDesign copy = d;
  std::vector<Scope::ExecutionType> flipped;
  flip_map_children(copy.machine.top, flipped);
  if (flipped.empty()) {
    a.name = "map-children";
    a.reason = "not derivable: the definition has no Distributed Map";
    return a;
  }
  const bool all_express = std::all_of(flipped.begin(), flipped.end(),
                                       [](auto t) { return t == Scope::ExecutionType::express; });
  const bool all_standard = std::all_of(flipped.begin(), flipped.end(),
                                        [](auto t) { return t == Scope::ExecutionType::standard; });
  a.name = all_express ? "map-children-express" : all_standard ? "map-children-standard" : "map-children-swapped";
  const bool express = d.workflow == SfnWorkflow::express;
  auto problems = new_problems(d.machine, express, copy.machine, express);
  if (!problems.empty()) {
    a.reason = "not allowed: " + join(problems, "; ");
    return a;
  }
  a.allowed = true;
  a.reason = all_standard ? "STANDARD children: billed per state transition, up to a year each"
                          : "EXPRESS children: billed per request and GB-s; a child past 5 minutes fails (simulated)";
  a.design = std::move(copy);
  return a;
}

// The behaviours of the design's Tasks that run a Lambda function: a Lambda resource, or a `lambda:`
// behaviour (the simulator's own rule, sim/sfn/compile_states.cpp).
std::vector<model::TaskBehaviour*> lambda_tasks(StepFunctionsDesign& d) {
  std::vector<model::TaskBehaviour*> out;
  for (auto& t : d.tasks) {
    const model::asl::State* s = d.machine.find_state(t.state);
    const auto* task = s ? std::get_if<model::asl::TaskState>(&s->body) : nullptr;
    if (t.lambda || (task && model::asl::runs_lambda_function(task->resource))) out.push_back(&t);
  }
  return out;
}

DerivedAlternative lambda_arch_alternative(const StepFunctionsDesign& d) {
  DerivedAlternative a;
  a.kind = AlternativeKind::lambda_arch;
  StepFunctionsDesign copy = d;
  auto tasks = lambda_tasks(copy);
  std::vector<model::LambdaConfig*> functions;
  for (auto* t : tasks) {
    if (!t->lambda) t->lambda = model::LambdaConfig{t->loc};  // the default: 128 MB x86_64
    functions.push_back(&*t->lambda);
  }
  if (copy.trigger.lambda) functions.push_back(&*copy.trigger.lambda);
  if (functions.empty()) {
    a.name = "lambda-arch";
    a.reason = "not derivable: the design runs no Lambda function";
    return a;
  }
  const bool any_x86 = std::any_of(functions.begin(), functions.end(),
                                   [](const model::LambdaConfig* f) { return f->arch == model::LambdaArch::x86_64; });
  const model::LambdaArch target = any_x86 ? model::LambdaArch::arm64 : model::LambdaArch::x86_64;
  for (auto* f : functions) f->arch = target;
  a.name = any_x86 ? "lambda-arm64" : "lambda-x86_64";
  a.allowed = true;
  a.reason = std::string("every Lambda function on ") + (any_x86 ? "arm64" : "x86_64") +
             " with the same durations (not measured on that architecture: check before relying on it)";
  a.design = std::move(copy);
  return a;
}

DerivedAlternative lambda_memory_alternative(const StepFunctionsDesign& d) {
  DerivedAlternative a;
  a.kind = AlternativeKind::lambda_memory;
  a.name = "lambda-memory";
  StepFunctionsDesign copy = d;
  std::vector<std::string> names;
  for (auto* t : lambda_tasks(copy)) names.push_back(t->state);
  if (names.empty() && !d.trigger.lambda) {
    a.reason = "not derivable: the design runs no Lambda function";
    return a;
  }
  a.reason = "not derivable: the scenario gives no duration scaling with memory and no fitted profile" +
             (names.empty() ? std::string() : " for " + join(names, ", ")) +
             ", so a function's duration at another memory size is unknown";
  return a;
}

std::vector<DerivedAlternative> iot_alternatives(const model::Scenario& scenario, const StepFunctionsDesign& d) {
  std::vector<DerivedAlternative> out;
  const model::RuleSqlFit fit = model::rule_sql_fit(d);
  const std::string sql = fit.expressible ? "rule SQL can express this flow (" + fit.reason + ")"
                                          : "rule SQL cannot express this flow: " + fit.reason;
  for (std::size_t i = 0; i < scenario.designs.size(); ++i) {
    if (scenario.designs[i].kind != "iot_rules") continue;
    DerivedAlternative a;
    a.name = scenario.designs[i].name;
    a.kind = AlternativeKind::iot_rules;
    a.allowed = true;
    a.reason = "the scenario's IoT Core rules design; " + sql;
    a.scenario_design = i;
    out.push_back(std::move(a));
  }
  if (out.empty()) {
    DerivedAlternative a;
    a.name = "iot-rules";
    a.kind = AlternativeKind::iot_rules;
    a.allowed = fit.expressible;
    a.reason = "not priced: the scenario has no iot_rules design; " + sql;
    out.push_back(std::move(a));
  }
  return out;
}

}  // namespace

const char* to_string(AlternativeKind kind) {
  switch (kind) {
    case AlternativeKind::workflow: return "workflow";
    case AlternativeKind::map_children: return "map_children";
    case AlternativeKind::lambda_arch: return "lambda_arch";
    case AlternativeKind::lambda_memory: return "lambda_memory";
    case AlternativeKind::iot_rules: return "iot_rules";
  }
  return "";
}

model::StepFunctionsDesign parsed_design(const model::Scenario& scenario, std::size_t index) {
  const model::DesignEntry& entry = scenario.designs.at(index);
  const auto* d = std::get_if<StepFunctionsDesign>(&entry.design);
  if (!d) throw model::InternalError("design \"" + entry.name + "\" is not a step_functions design");
  if (model::has_errors(entry)) throw model::InputError(entry.diagnostics);
  return *d;
}

std::vector<DerivedAlternative> derive_alternatives(const model::Scenario& scenario, const StepFunctionsDesign& d) {
  std::vector<DerivedAlternative> out;
  out.push_back(workflow_alternative(d));
  out.push_back(map_children_alternative(d));
  out.push_back(lambda_arch_alternative(d));
  out.push_back(lambda_memory_alternative(d));
  for (auto& a : iot_alternatives(scenario, d)) out.push_back(std::move(a));
  for (auto& a : out)
    if (a.design) a.design->name = d.name + "+" + a.name;
  return out;
}

}  // namespace flowcost::engine
