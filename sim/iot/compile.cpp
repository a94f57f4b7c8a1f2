// Turning a parsed iot_rules design into a DesignPlan (flat arrays, compiled values, stable sites).
#include "model/errors.h"
#include "sim/iot/simulator.h"
#include "sim/random.h"

namespace flowcost::sim::iot {

namespace {

struct PlanBuilder {
  PlanBuilder(const model::Scenario& s, const model::IotRulesDesign& d, const SubdesignFactory& f,
              model::Diagnostics& dg)
      : scenario(s),
        design(d),
        factory(f),
        diags(dg),
        scenario_values(s),
        values(scenario_values, out.plan.values, fields_of(d)) {}

  const model::Scenario& scenario;
  const model::IotRulesDesign& design;
  const SubdesignFactory& factory;
  model::Diagnostics& diags;
  CompiledDesign out;
  std::vector<std::string> subdesign_names;
  CompiledScenarioValues scenario_values;
  ValueCompiler values;

  static std::vector<std::pair<std::string, model::DistributionSpec>> fields_of(const model::IotRulesDesign& d) {
    std::vector<std::pair<std::string, model::DistributionSpec>> fields;
    for (const auto& f : d.fields) fields.emplace_back(f.name, f.distribution);
    return fields;
  }

  std::optional<std::uint32_t> maybe(const std::optional<model::ValueSpec>& v, const ValueRole& role) {
    if (!v) return std::nullopt;
    return values.add(*v, role);
  }

  int subdesign_index(const model::IotActionSpec& a) {
    for (std::size_t i = 0; i < subdesign_names.size(); ++i)
      if (subdesign_names[i] == a.design) return static_cast<int>(i);
    const model::StepFunctionsDesign* found = nullptr;
    for (const auto& d : scenario.designs)
      if (d.name == a.design && !model::has_errors(d))
        found = std::get_if<model::StepFunctionsDesign>(&d.design);
    if (!found) {
      diags.error(a.design_loc, "no step_functions design named \"" + a.design + "\"");
      return -1;
    }
    // The execution is started by this rule action, which this design already meters (message, rule,
    // action): the started design must not meter its own trigger again.
    model::StepFunctionsDesign started = *found;
    if (started.trigger.loc.known())
      out.plan.warnings.push_back("design \"" + design.name + "\" starts design \"" + a.design +
                                  "\" from a rule action; that design's own trigger is not metered again here");
    started.trigger = model::TriggerSpec{};
    std::size_t before = diags.error_count();
    auto sim = factory ? factory(started, diags) : nullptr;
    if (!sim) {
      if (diags.error_count() == before)
        diags.error(a.design_loc, "design \"" + a.design + "\" could not be compiled for the step_functions action");
      return -1;
    }
    auto offset = static_cast<std::uint32_t>(out.plan.error_names.size());
    const auto& names = sim->error_names();
    for (std::size_t j = 0; j < names.size(); ++j)
      out.plan.error_names.push_back(a.design + ": " + (j == 0 || names[j].empty() ? "failed" : names[j]));
    if (names.empty()) out.plan.error_names.push_back(a.design + ": failed");
    // The started design's warnings are that design's own (it is a design of the scenario, reported there).
    for (auto call : sim->unpriced()) {
      call.state = a.design + ": " + call.state;
      out.plan.unpriced.push_back(std::move(call));
    }
    out.subdesigns.push_back(std::move(sim));
    out.subdesign_error_offset.push_back(offset);
    subdesign_names.push_back(a.design);
    return static_cast<int>(subdesign_names.size() - 1);
  }

  ActionPlan action(const model::IotActionSpec& a) {
    ActionPlan p;
    p.kind = a.kind;
    p.site = site_key("iot.action/" + a.label);
    p.error_id = static_cast<std::uint32_t>(out.plan.error_names.size());
    out.plan.error_names.push_back(a.label);
    const std::string of = " of action " + a.label;
    p.size_bytes = maybe(a.size_bytes, {"size" + of, ValueCheck::nonnegative});
    p.failure = maybe(a.failure, {"failure probability" + of, ValueCheck::probability});
    p.duration_ms = maybe(a.duration, {"duration" + of, ValueCheck::nonnegative});
    p.topic_bytes = maybe(a.topic_bytes, {"topic size" + of, ValueCheck::nonnegative});
    p.tries = a.tries;
    if (a.kind == model::IotActionKind::lambda) {
      p.lambda.memory_mb = a.lambda.memory_mb;
      p.lambda.arm64 = a.lambda.arm64;
      p.lambda.duration_ms = values.add(a.lambda.duration, {"Lambda duration" + of, ValueCheck::nonnegative});
      p.lambda.cold_probability =
          maybe(a.lambda.cold_probability, {"cold-start probability" + of, ValueCheck::probability});
      p.lambda.init_ms = maybe(a.lambda.init, {"cold-start init duration" + of, ValueCheck::nonnegative});
      p.lambda.max_retries = a.lambda.max_retries;
      p.lambda.timeout_ms = a.lambda.timeout_ms;
    }
    if (a.kind == model::IotActionKind::step_functions) p.subdesign = subdesign_index(a);
    return p;
  }

  void build() {
    DesignPlan& plan = out.plan;
    plan.name = design.name;
    plan.ingest = design.ingest;
    plan.error_names.emplace_back("");
    plan.payload_bytes = values.add(design.payload_bytes, {"payload size", ValueCheck::iot_payload});
    plan.topic_bytes = values.add(design.topic_bytes, {"topic size", ValueCheck::nonnegative});
    plan.fixed = design.fixed;
    if (design.connection) {
      plan.devices = values.add(design.connection->devices, {"devices", ValueCheck::nonnegative});
      plan.minutes_per_device =
          values.add(design.connection->minutes_per_device, {"minutes per device", ValueCheck::nonnegative});
    }
    for (const auto& r : design.rules) {
      RulePlan rp;
      rp.name = r.name;
      rp.site = site_key("iot.rule/" + r.name);
      rp.match = maybe(r.match, {"match probability of rule " + r.name, ValueCheck::probability});
      rp.topic_site = site_key("iot.rule.topic/" + r.name);
      rp.topic_share = maybe(r.topic_share, {"topic share of rule " + r.name, ValueCheck::probability});
      if (r.sql) {
        rp.from_sql = true;
        if (r.sql->where) rp.where = compile_condition(*r.sql->where, values, scenario, design.fields);
      }
      for (const auto& a : r.actions) rp.actions.push_back(action(a));
      if (r.error_action) rp.error_action = action(*r.error_action);
      plan.rules.push_back(std::move(rp));
    }
    if (design.ingest == model::IotIngest::basic_ingest && design.rules.size() > 1) {
      plan.warnings.push_back(
          "design \"" + design.name + "\" uses Basic Ingest with " + std::to_string(design.rules.size()) +
          " rules: a Basic Ingest publish reaches one rule ($aws/rules/<rule>/...), so the simulation assumes the "
          "device addresses every rule; Basic Ingest messages are free either way");
    }
  }
};

}  // namespace

CompiledDesign compile_design(const model::Scenario& scenario, const model::IotRulesDesign& design,
                              const SubdesignFactory& subdesigns, model::Diagnostics& diags) {
  PlanBuilder b(scenario, design, subdesigns, diags);
  b.build();
  return std::move(b.out);
}

}  // namespace flowcost::sim::iot
