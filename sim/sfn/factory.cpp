#include "sim/sfn/factory.h"

#include <memory>

#include "model/errors.h"
#include "model/scenario/step_functions_design.h"
#include "sim/monthly_lines.h"
#include "sim/scenario_values.h"
#include "sim/sfn/compile.h"
#include "sim/random.h"
#include "sim/sfn/executor.h"
#include "sim/sfn/work_estimate.h"
#include "sim/value_compiler.h"

namespace flowcost::sim::sfn {

namespace {

class SfnDrawSimulator : public DrawSimulator {
 public:
  SfnDrawSimulator(const Plan& plan, const model::MeteringRules& metering, const DrawInputs& inputs)
      : values_(plan.values, inputs), executor_(plan, metering, values_) {}

  void simulate(std::uint64_t sample, ExecutionRecord& out) override { executor_.run_event(sample, out); }

 private:
  DrawValues values_;
  Executor executor_;
};

constexpr std::uint64_t kEstimateEvents = 64;

class SfnDesignSimulator : public DesignSimulator {
 public:
  // The plan is built from `design` and holds copies of what it needs (its values, expressions included,
  // and names); the simulator keeps only the design's monthly lines besides.
  SfnDesignSimulator(const model::StepFunctionsDesign& design, const model::Scenario& scenario,
                     const model::MeteringRules& metering)
      : metering_(metering), iot_connection_(design.trigger.iot_connection), fixed_(design.fixed) {
    name_ = design.name;
    plan_ = compile_plan(design, CompiledScenarioValues(scenario));
    plan_.map_sample_children = scenario.run.map_sample_children;
    plan_.map_sample_above = scenario.run.map_sample_above;
    warnings_ = design.warnings;
  }

  const std::string& name() const override { return name_; }
  std::unique_ptr<DrawSimulator> prepare(const DrawInputs& inputs) const override {
    return std::make_unique<SfnDrawSimulator>(plan_, metering_, inputs);
  }
  const std::vector<std::string>& error_names() const override { return plan_.error_names; }
  const std::vector<std::string>& warnings() const override { return warnings_; }
  const std::vector<model::UnpricedCall>& unpriced() const override { return plan_.unpriced; }
  // Map item counts at their mean over the first kEstimateEvents events of the draw (a fixed stream).
  double states_per_event(const DrawInputs& inputs) const override {
    DrawValues values(plan_.values, inputs);
    Stream stream(inputs.seed, inputs.draw, 0, site_key("work-estimate"));
    return states_per_execution(plan_, [&](std::uint32_t value) {
      double sum = 0;
      for (std::uint64_t event = 0; event < kEstimateEvents; ++event) {
        values.start_event(event);
        sum += values.get(value, stream);
      }
      return sum / kEstimateEvents;
    });
  }
  // The connection time of the devices behind an IoT rule trigger (the same line as an iot_rules design's)
  // and the design's `fixed:` quantities.
  model::MeterTotals monthly_fixed(const DrawInputs& inputs) const override {
    model::MeterTotals out;
    if (iot_connection_) out = connection_line(*iot_connection_, inputs);
    add_fixed_lines(fixed_, inputs, out);
    return out;
  }

 private:
  model::MeteringRules metering_;
  std::optional<model::ConnectionSpec> iot_connection_;
  std::vector<model::MonthlyQuantity> fixed_;
  Plan plan_;
  std::string name_;
  std::vector<std::string> warnings_;
};

}  // namespace

std::unique_ptr<DesignSimulator> make_simulator(const model::Scenario& scenario,
                                                const model::StepFunctionsDesign& design,
                                                const model::MeteringRules& metering, model::Diagnostics& diags) {
  try {
    return std::make_unique<SfnDesignSimulator>(design, scenario, metering);
  } catch (const model::InputError& e) {
    for (const auto& d : e.diagnostics()) diags.add(d);
    return nullptr;
  }
}

std::unique_ptr<DesignSimulator> make_simulator(const model::Scenario& scenario, const model::DesignEntry& design,
                                                const model::MeteringRules& metering, model::Diagnostics& diags) {
  const auto* parsed = std::get_if<model::StepFunctionsDesign>(&design.design);
  if (!parsed) throw model::InternalError("design \"" + design.name + "\" is not a step_functions design");
  if (model::has_errors(design)) return nullptr;  // reported by load_scenario
  return make_simulator(scenario, *parsed, metering, diags);
}

}  // namespace flowcost::sim::sfn
