#pragma once
// The parts of asl::validate (validator.cpp), one file each. Internal to model/asl.
#include <string>
#include <vector>

#include "model/asl/state_machine.h"
#include "model/asl/validator.h"
#include "model/diagnostics.h"

namespace flowcost::model::asl {

// A10 rules 1-6: StartAt, transition targets in scope, Next/End, terminal states, reachability, names.
void validate_graph(const StateMachine& machine, Diagnostics& diags);

// A10 rules 8 (HeartbeatSeconds < TimeoutSeconds), 12 (Express limits) and 13 (variable scopes).
void validate_semantics(const StateMachine& machine, const ValidateOptions& options, Diagnostics& diags);

// The error names Step Functions defines (ASL A4, docs/sources.md#asl-errors), States.ALL included.
const std::vector<std::string>& step_functions_error_names();

// W14: a Retry or Catch name starting with "States." that Step Functions does not define, unless a Fail
// state of the machine raises it.
void validate_error_names(const StateMachine& machine, Diagnostics& diags);

// Warns about `$name` variable references in JSONPath states that no Assign of the machine sets.
void validate_variable_references(const StateMachine& machine, Diagnostics& diags);

}  // namespace flowcost::model::asl
