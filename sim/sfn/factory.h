#pragma once
// The Step Functions design kind (`kind: step_functions`): public entry points.
//
// make_simulator parses and checks the design (model/scenario/step_functions_design.h), compiles it into
// a flat plan and returns its DesignSimulator; problems go to `diags` and the result is nullptr when there
// is any error. One sample = the design's trigger + one execution (docs/billing-rules.md "How the
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

std::unique_ptr<DesignSimulator> make_simulator(const model::Scenario& scenario, const model::DesignEntry& design,
                                                const model::MeteringRules& metering, model::Diagnostics& diags);

// The same from a design already parsed (a copy of `design` is compiled): `flowcost advise` compiles
// modified copies of a scenario's designs this way.
std::unique_ptr<DesignSimulator> make_simulator(const model::Scenario& scenario,
                                                const model::StepFunctionsDesign& design,
                                                const model::MeteringRules& metering, model::Diagnostics& diags);

// The same design without its trigger: for an execution started by another design's action (an IoT
// rule's Step Functions action meters the message, the rule and the action itself), so that the trigger
// is not metered twice.
std::unique_ptr<DesignSimulator> make_execution_simulator(const model::Scenario& scenario,
                                                          const model::DesignEntry& design,
                                                          const model::MeteringRules& metering,
                                                          model::Diagnostics& diags);

}  // namespace flowcost::sim::sfn
