#pragma once
// The IoT Core rule-action design kind (`kind: iot_rules`): one sample is one device message through
// every rule of the design. Metering follows docs/billing-rules.md "How the simulator meters IoT Core".
#include <memory>

#include "model/diagnostics.h"
#include "model/metering.h"
#include "model/scenario/scenario.h"
#include "sim/execution.h"

namespace flowcost::sim::iot {

// Compiles `design` (an iot_rules entry parsed by model::load_scenario). A `step_functions` rule action
// compiles the named step_functions design (without its trigger) with sim::sfn::make_simulator and runs
// one full execution of it per message. Every problem goes to `diags`; returns nullptr when there was an error.
std::unique_ptr<DesignSimulator> make_simulator(const model::Scenario& scenario, const model::DesignEntry& design,
                                                const model::MeteringRules& metering, model::Diagnostics& diags);

}  // namespace flowcost::sim::iot
