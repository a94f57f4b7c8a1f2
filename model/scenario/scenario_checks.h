#pragma once
// Parts of load_scenario: `--set` overrides and the order and existence of names in expressions.
#include <string>
#include <utility>
#include <vector>

#include "model/diagnostics.h"
#include "model/scenario/scenario.h"

namespace flowcost::model {

// Replaces the value of each named input or workload item by the override (parsed as flow YAML: a number
// with an optional unit, an expression string, or a distribution mapping). Errors: unknown name (with a
// did-you-mean), a value that does not parse. Positions are reported in a pseudo-file "--set NAME".
void apply_overrides(const std::vector<std::pair<std::string, std::string>>& overrides, Scenario& s,
                     Diagnostics& diags);

// Inputs may refer to earlier inputs only; workload expressions to inputs and earlier per-draw workload
// items; no expression to a per-event item; workload names distinct from input names.
void check_scenario_names(const Scenario& s, Diagnostics& diags);

}  // namespace flowcost::model
