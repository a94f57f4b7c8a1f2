#pragma once
// The Step Functions design kind (`kind: step_functions`): public entry points.
//
// make_simulator compiles a design parsed by model::load_scenario (model/scenario/step_functions_design.h)
// into a flat plan and returns its DesignSimulator; problems go to `diags` and the result is nullptr when
// there is any error. One sample = the design's trigger + one execution (docs/billing-rules.md "How the
// simulator meters Step Functions").
//
// DrawSimulator::simulate(sample, record) of these simulators ADDS to `record` (meters, transitions,
// retries, caught_errors) and sets latency_ms, outcome and error_id; it does NOT clear the record first.
// Error ids index error_names().
#include <memory>

#include "model/diagnostics.h"
#include "model/metering.h"
#include "model/scenario/scenario.h"
#include "model/scenario/step_functions_design.h"
#include "sim/execution.h"

namespace flowcost::sim::sfn {

// `design` must be a step_functions entry of `scenario` that loaded without error.
std::unique_ptr<DesignSimulator> make_simulator(const model::Scenario& scenario, const model::DesignEntry& design,
                                                const model::MeteringRules& metering, model::Diagnostics& diags);

// The same from the parsed design itself (an IoT rule's Step Functions action passes a copy without its
// trigger: the rule action, metered by the IoT design, is what starts the execution).
std::unique_ptr<DesignSimulator> make_simulator(const model::Scenario& scenario,
                                                const model::StepFunctionsDesign& design,
                                                const model::MeteringRules& metering, model::Diagnostics& diags);

}  // namespace flowcost::sim::sfn
