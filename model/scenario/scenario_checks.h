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

// The parameters of `d` that name inputs (docs/scenario-format.md "Distributions"): each name must be one
// of `allowed` (the per-draw names defined before the value: inputs, events_per_month, per-draw workload
// items), reported as check_scenario_names does (`OWNER uses input "x" before its definition at line 4`,
// per-event items, unknown names with a did-you-mean); OWNER is `owner`, or "KIND PARAMETER" when empty.
// A parameter in the distribution's dimension takes a name of that dimension or a plain one (`expected a
// duration, but "item_size" is a size`); a plain-number parameter (shape, mu, sigma, p) refuses a duration,
// size or money (`bernoulli: p takes a plain number, but "base_ms" is a duration`). True when all is well.
bool check_distribution_parameters(const DistributionSpec& d, const std::vector<std::string>& allowed,
                                   const Scenario& s, const std::string& owner, Diagnostics& diags);
bool check_distribution_parameters(const ValueSpec& value, const std::vector<std::string>& allowed,
                                   const Scenario& s, const std::string& owner, Diagnostics& diags);

// Inputs may refer to earlier inputs only; workload expressions to inputs and earlier per-draw workload
// items; no expression to a per-event item; workload names distinct from input names.
void check_scenario_names(const Scenario& s, Diagnostics& diags);

}  // namespace flowcost::model
