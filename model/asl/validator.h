#pragma once
// The semantic checks of docs/sources.md#asl-validation (rules 1 to 13) on a loaded StateMachine.
#include "model/asl/state_machine.h"
#include "model/diagnostics.h"

namespace flowcost::model::asl {

struct ValidateOptions {
  bool express = false;  // an EXPRESS machine: .sync and .waitForTaskToken are errors
};

void validate(const StateMachine& machine, const ValidateOptions& options, Diagnostics& diags);

}  // namespace flowcost::model::asl
