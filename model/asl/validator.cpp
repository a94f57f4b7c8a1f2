#include "model/asl/validator.h"

#include "model/asl/validate_parts.h"

namespace flowcost::model::asl {

void validate(const StateMachine& machine, const ValidateOptions& options, Diagnostics& diags) {
  validate_graph(machine, diags);
  validate_semantics(machine, options, diags);
  validate_error_names(machine, diags);
  validate_variable_references(machine, diags);
}

}  // namespace flowcost::model::asl
