#include "engine/design_files.h"

#include "model/errors.h"
#include "model/source_file.h"

namespace flowcost::engine {

namespace {

std::string resolve(const std::string& directory, const std::string& file) {
  if (file.empty() || file.front() == '/' || directory.empty()) return file;
  return directory + "/" + file;
}

void add_file(const model::Scenario& scenario, const model::Node& value, std::map<std::string, std::string>& out) {
  if (!value.is_scalar() || value.text.empty()) return;
  std::string path = resolve(scenario.directory, value.text);
  try {
    out[path] = model::sha256_hex(model::read_source_file(path).text);
  } catch (const model::InputError&) {
    // Not readable: the design's own loader has reported it.
  }
}

// Every `definition: FILE` (nested Step Functions designs included) and `mock_config: {file: FILE}`.
void walk(const model::Scenario& scenario, const model::Node& node, std::map<std::string, std::string>& out) {
  if (node.is_sequence()) {
    for (const auto& item : node.items) walk(scenario, item, out);
    return;
  }
  if (!node.is_mapping()) return;
  for (const auto& member : node.members) {
    if (member.key == "definition") add_file(scenario, member.value, out);
    if (member.key == "mock_config" && member.value.is_mapping())
      if (const model::Node* file = member.value.find("file")) add_file(scenario, *file, out);
    walk(scenario, member.value, out);
  }
}

}  // namespace

std::map<std::string, std::string> design_input_files(const model::Scenario& scenario) {
  std::map<std::string, std::string> out;
  for (const auto& design : scenario.designs) walk(scenario, design.node, out);
  return out;
}

}  // namespace flowcost::engine
