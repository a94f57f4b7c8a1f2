#pragma once
// Compiles a parsed Step Functions design (and the child machines of its startExecution Tasks) into a
// flat Plan. The design must outlive the plan (expressions are referenced, not copied).
#include "model/metering.h"
#include "model/scenario/step_functions_design.h"
#include "sim/scenario_values.h"
#include "sim/sfn/plan.h"

namespace flowcost::sim::sfn {

Plan compile_plan(const model::StepFunctionsDesign& design, const CompiledScenarioValues& scenario_values);

// Does matcher `matcher` (an ErrorEquals entry) match error `error`? (docs/sources.md#asl-errors, #asl-retry):
// States.ALL matches everything but States.Runtime; States.TaskFailed everything but States.Timeout,
// States.HeartbeatTimeout and States.Runtime; States.Timeout also matches States.HeartbeatTimeout.
// With non_states_errors (LocalStack's reading), States.TaskFailed matches only names not starting "States.".
bool error_matches(std::string_view matcher, std::string_view error,
                   model::TaskFailedMatching task_failed = model::TaskFailedMatching::all_but_timeouts);

}  // namespace flowcost::sim::sfn
