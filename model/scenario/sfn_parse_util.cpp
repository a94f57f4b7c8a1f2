#include "model/scenario/sfn_parse_util.h"
#include "model/scenario/scenario.h"
#include "model/scenario/scenario_checks.h"

#include <algorithm>
#include <functional>

#include "model/suggest.h"

namespace flowcost::model::sfn_parse {

bool expect_mapping(const Node& node, std::string_view what, Diagnostics& diags) {
  if (node.is_mapping()) return true;
  diags.error(node.loc, std::string(what) + " must be a mapping, not " +
                            (node.type_name() == "array" || node.type_name() == "object" ? "an " : "a ") +
                            node.type_name());
  return false;
}

namespace {

void check_names(const Context& ctx, const ValueSpec& v) {
  if (v.kind != ValueSpec::Kind::expression || !v.expression.valid()) return;
  for (std::size_t i = 0; i < v.expression.names().size(); ++i) {
    const std::string& name = v.expression.names()[i];
    if (std::find(ctx.known_names.begin(), ctx.known_names.end(), name) != ctx.known_names.end()) continue;
    ctx.diags.error(v.expression.name_loc(i), unknown_name_message("input or workload item", name, ctx.known_names));
  }
}

}  // namespace

ValueSpec value(const Context& ctx, const Node& node, Dimension d) {
  ValueSpec v = parse_value(node, d, ctx.diags);
  check_names(ctx, v);
  check_value_dimension(v, d, ctx.scenario, {}, ctx.diags);
  check_distribution_parameters(v, scalar_names(ctx.scenario), ctx.scenario, "", ctx.diags);
  note_input_files(v, ctx.files);
  return v;
}

ValueSpec probability(const Context& ctx, const Node& node) {
  ValueSpec v = parse_probability(node, ctx.diags);
  check_names(ctx, v);
  note_input_files(v, ctx.files);
  return v;
}

std::optional<double> positive_number(const Context& ctx, const Node& node, Dimension d, std::string_view what) {
  std::optional<double> n = parse_number(node, d, ctx.diags);
  if (!n) return std::nullopt;
  if (!(*n > 0)) {
    ctx.diags.error(node.loc, std::string(what) + " must be positive");
    return std::nullopt;
  }
  return n;
}

std::vector<const asl::State*> all_states(const asl::StateMachine& machine) {
  std::vector<const asl::State*> out;
  std::function<void(const asl::Scope&)> walk = [&](const asl::Scope& scope) {
    for (const auto& s : scope.states) {
      out.push_back(&s);
      if (const auto* p = std::get_if<asl::ParallelState>(&s.body))
        for (const auto& b : p->branches) walk(b);
      if (const auto* m = std::get_if<asl::MapState>(&s.body)) walk(m->processor);
    }
  };
  walk(machine.top);
  return out;
}

}  // namespace flowcost::model::sfn_parse

namespace flowcost::model {
std::vector<const asl::State*> all_states_of(const asl::StateMachine& machine) { return sfn_parse::all_states(machine); }
}  // namespace flowcost::model

namespace flowcost::model::sfn_parse {

std::vector<std::string> state_names(const asl::StateMachine& machine, asl::StateType type) {
  std::vector<std::string> out;
  for (const auto* s : all_states(machine))
    if (s->type == type) out.push_back(s->name.value);
  return out;
}

std::string resolve_path(const std::string& directory, const std::string& file) {
  if (file.empty() || file.front() == '/' || directory.empty()) return file;
  return directory + "/" + file;
}

}  // namespace flowcost::model::sfn_parse
