#include "sim/iot/factory.h"

#include "sim/iot/simulator.h"
#include "sim/sfn/factory.h"

namespace flowcost::sim::iot {

std::unique_ptr<DesignSimulator> make_simulator(const model::Scenario& scenario, const model::DesignEntry& design,
                                                const model::MeteringRules& metering, model::Diagnostics& diags) {
  // A step_functions action starts the named design's execution; its trigger is this rule's action.
  SubdesignFactory started = [&scenario, &metering](const model::StepFunctionsDesign& started_design,
                                                    model::Diagnostics& d) {
    return sfn::make_simulator(scenario, started_design, metering, d);
  };
  return make_simulator_with(scenario, design, metering, diags, started);
}

}  // namespace flowcost::sim::iot
