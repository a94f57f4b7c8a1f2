#pragma once
// Helpers shared by the Step Functions design parser's files (not for use outside model/scenario).
#include <string>
#include <string_view>
#include <vector>

#include "model/asl/state_machine.h"
#include "model/diagnostics.h"
#include "model/document.h"
#include "model/scenario/scenario.h"
#include "model/scenario/step_functions_design.h"
#include "model/scenario/values.h"

namespace flowcost::model::sfn_parse {

struct Context {
  const Scenario& scenario;
  std::string directory;
  Diagnostics& diags;
  InputFiles& files;  // the design's: every file read while parsing it
  const asl::StateMachine* machine = nullptr;
  std::vector<std::string> known_names;  // inputs and workload items (for expressions)
};

// True when `node` is a mapping; otherwise reports "`what` must be a mapping, not a TYPE".
bool expect_mapping(const Node& node, std::string_view what, Diagnostics& diags);

// parse_value plus a check that every name of an expression is a scenario input or workload item; an
// empirical CSV read is added to ctx.files.
ValueSpec value(const Context& ctx, const Node& node, Dimension d);
ValueSpec probability(const Context& ctx, const Node& node);
// A positive plain number (no expression, no distribution).
std::optional<double> positive_number(const Context& ctx, const Node& node, Dimension d, std::string_view what);

// Every state of a machine, with nested ones, in file order.
std::vector<const asl::State*> all_states(const asl::StateMachine& machine);
// Names of the states of `type`.
std::vector<std::string> state_names(const asl::StateMachine& machine, asl::StateType type);

// "$a" + path relative to the scenario folder unless absolute.
std::string resolve_path(const std::string& directory, const std::string& file);

// Behaviour sections (sfn_behaviour_parse.cpp).
void parse_tasks(const Context& ctx, const Node& node, std::vector<TaskBehaviour>& out);
void parse_choices(const Context& ctx, const Node& node, std::vector<ChoiceWeights>& out);
void parse_maps(const Context& ctx, const Node& node, std::vector<MapBehaviour>& out);
void parse_waits(const Context& ctx, const Node& node, std::vector<WaitBehaviour>& out);
LambdaConfig parse_lambda_config(const Context& ctx, const Node& node);
// mock_config (sfn_mock_config.cpp): fills TaskBehaviour::mock, adding behaviours for mocked Tasks.
void apply_mock_config(const Context& ctx, const Node& node, std::vector<TaskBehaviour>& tasks);

}  // namespace flowcost::model::sfn_parse
