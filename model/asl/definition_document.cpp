#include "model/asl/definition_document.h"

#include <map>
#include <utility>

#include "model/asl/placeholders.h"
#include "model/line_index.h"
#include "model/strict_json.h"

namespace flowcost::model::asl {

namespace {

using Position = std::pair<int, int>;  // line, column

// Gives back their text to the strings that stand for the placeholders (found at their positions).
void restore(Node& n, const std::map<Position, std::string>& names) {
  if (n.is_scalar()) {
    auto it = names.find({n.loc.line, n.loc.column});
    if (it != names.end()) n.text = "${" + it->second + "}";
  }
  for (auto& item : n.items) restore(item, names);
  for (auto& m : n.members) {
    auto it = names.find({m.key_loc.line, m.key_loc.column});
    if (it != names.end()) m.key = "${" + it->second + "}";
    restore(m.value, names);
  }
}

}  // namespace

bool looks_like_state_machine(const Node& root) {
  return root.is_mapping() && (root.find("StartAt") != nullptr || root.find("States") != nullptr);
}

std::optional<Node> parse_definition_document(const SourceFile& file, Diagnostics& diags) {
  Diagnostics first;
  auto root = parse_document(file, first);
  std::vector<PlaceholderAt> bare;
  if (!root && is_json_path(file.path)) bare = bare_placeholders(file.text);
  if (root || bare.empty()) {
    diags.append(first);
    return root;
  }
  // Each placeholder `${Name}` becomes the string `"$Name"`, of the same length, so that every position
  // stays (and two different placeholders stay different keys).
  SourceFile masked = file;
  LineIndex lines(file.text);
  std::map<Position, std::string> names;
  for (const auto& p : bare) {
    masked.text.replace(p.offset, p.length, "\"$" + p.name + "\"");
    SourceLocation at = lines.location_of(file.path, p.offset);
    names[{at.line, at.column}] = p.name;
  }
  Diagnostics second;
  auto masked_root = parse_document(masked, second);
  if (!masked_root) {  // another syntax error: the one to fix, wherever the placeholders are
    diags.append(second);
    return std::nullopt;
  }
  // A template or a scenario must be JSON as it is.
  if (!looks_like_state_machine(*masked_root) || masked_root->find("Resources")) {
    diags.append(first);
    return std::nullopt;
  }
  restore(*masked_root, names);
  diags.append(second);
  for (const auto& [at, name] : names)
    diags.warning({file.path, at.first, at.second},
                  "placeholder \"${" + name + "}\" stands outside a string: the file is JSON only once CloudFormation "
                  "substitutes it (DefinitionSubstitutions); flowcost reads it as the string \"${" + name + "}\"");
  return masked_root;
}

}  // namespace flowcost::model::asl
