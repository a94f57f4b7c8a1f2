#pragma once
// Where the reserved JSONata variable `$states` has its `result` and `errorOutput` fields (ASL A9,
// docs/sources.md#asl-jsonata): `$states.result` only in the top-level `Output` and `Assign` of a Task,
// Parallel or Map state, `$states.errorOutput` only in a catcher's `Output` and `Assign`. Step Functions
// refuses a definition that reads them anywhere else ("Field '$states.errorOutput' does not exist.").
#include "model/asl/field_reader.h"
#include "model/asl/state_machine.h"
#include "model/document.h"

namespace flowcost::model::asl {

// Reports every "{% %}" string of the JSONata state `state` (its own fields and its catchers, not the
// states of its branches or item processor) that reads `$states.result` or `$states.errorOutput` where
// it does not exist.
void check_states_fields(const FieldReader& r, const Node& state, StateType type);

}  // namespace flowcost::model::asl
