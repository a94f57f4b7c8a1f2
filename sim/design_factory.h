#pragma once
// One simulator per design of a scenario, dispatching on DesignEntry::kind to the kind's factory
// (sim/sfn/factory.h for `step_functions`, sim/iot/factory.h for `iot_rules`).
#include <memory>
#include <vector>

#include "model/diagnostics.h"
#include "model/metering.h"
#include "model/scenario/scenario.h"
#include "sim/execution.h"

namespace flowcost::sim {

// Builds every design in scenario order. Every problem of every design goes to `diags` (an unknown kind
// is an error at the design's position); the result then holds only the designs that compiled, so the
// caller must check diags.has_errors() before using it.
std::vector<std::unique_ptr<DesignSimulator>> make_design_simulators(const model::Scenario& scenario,
                                                                     const model::MeteringRules& metering,
                                                                     model::Diagnostics& diags);

// What each built design has to say, at the design's position in the scenario: its compile warnings
// ("design \"NAME\": Task \"X\" has no behaviour; ...", unless the warning names its design itself), and one diagnostic for the calls it makes that
// no meter counts (model::report_unpriced: a warning, an error with `strict`).
void add_design_diagnostics(const model::Scenario& scenario,
                            const std::vector<std::unique_ptr<DesignSimulator>>& simulators, bool strict,
                            model::Diagnostics& diags);

}  // namespace flowcost::sim
