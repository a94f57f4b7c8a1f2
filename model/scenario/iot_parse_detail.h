#pragma once
// Internal to the iot_rules design loader (iot_rules_design.cpp, iot_action_parse.cpp): the names a
// design value may refer to, and the action parser.
#include <optional>
#include <string>
#include <vector>

#include "model/diagnostics.h"
#include "model/document.h"
#include "model/scenario/iot_rules_design.h"
#include "model/scenario/scenario.h"

namespace flowcost::model::iot_detail {

struct NameScope {
  std::vector<std::string> names;  // inputs, workload items, design fields
  std::vector<std::string> step_functions_designs;
  const Scenario* scenario = nullptr;                               // for the dimensions of names
  std::vector<std::pair<std::string, Dimension>> field_dimensions;  // the design fields'
  InputFiles* files = nullptr;  // the design's: empirical CSVs read by its values are added here
};

// Reports every name of an expression value that is not in `scope`.
void check_names(const ValueSpec& value, const NameScope& scope, Diagnostics& diags);

// A value in dimension `d` (number, expression or distribution); names and static dimension checked,
// files noted.
std::optional<ValueSpec> value_field(const Node& map, const char* key, Dimension d, const NameScope& scope,
                                     Diagnostics& diags);
// A probability (number in [0, 1] or an expression); names checked.
std::optional<ValueSpec> probability_field(const Node& map, const char* key, const NameScope& scope,
                                           Diagnostics& diags);

// One action: a mapping with exactly one key, the action kind, whose value is the action's settings.
std::optional<IotActionSpec> parse_action(const Node& node, const std::string& label_prefix, const NameScope& scope,
                                          Diagnostics& diags);

}  // namespace flowcost::model::iot_detail
