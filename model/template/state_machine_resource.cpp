#include "model/template/state_machine_resource.h"

#include <filesystem>

#include "model/asl/placeholders.h"
#include "model/errors.h"
#include "model/line_index.h"
#include "model/strict_json.h"
#include "model/suggest.h"
#include "model/template/cfn_values.h"
#include "model/template/substitutions.h"

namespace flowcost::model::templates {

namespace {

constexpr const char* kSam = "AWS::Serverless::StateMachine";
constexpr const char* kCfn = "AWS::StepFunctions::StateMachine";

bool is_state_machine(const Node& resource) {
  const Node* type = resource.find("Type");
  return type && type->is_scalar() && (type->text == kSam || type->text == kCfn);
}

std::string id_list(const std::vector<std::string>& ids) {
  std::string out;
  for (const auto& id : ids) out += (out.empty() ? "" : ", ") + id;
  return out;
}

std::optional<std::string> pick_id(const SourceFile& file, const Node& root, const StateMachinePick& pick,
                                   Diagnostics& diags) {
  std::vector<std::string> ids = state_machine_ids(root);
  SourceLocation at = pick.at.known() ? pick.at : root.loc;
  if (ids.empty()) {
    diags.error(at, file.path + " has no " + kCfn + " or " + kSam + " resource");
    return std::nullopt;
  }
  if (pick.logical_id) {
    for (const auto& id : ids)
      if (id == *pick.logical_id) return id;
    std::string msg = "state_machine \"" + *pick.logical_id + "\" is not a state machine of " + file.path;
    if (auto near = closest_name(*pick.logical_id, ids)) msg += "; did you mean \"" + *near + "\"?";
    diags.error(at, msg + " (its state machines: " + id_list(ids) + ")");
    return std::nullopt;
  }
  if (ids.size() > 1) {
    diags.error(at, file.path + " has " + std::to_string(ids.size()) + " state machines (" + id_list(ids) +
                        "): name one with state_machine: LOGICAL_ID");
    return std::nullopt;
  }
  return ids.front();
}

std::optional<bool> workflow_type(const Node& props, bool sam, Diagnostics& diags) {
  const char* key = sam ? "Type" : "StateMachineType";
  const Node* t = props.find(key);
  if (!t) return std::nullopt;
  if (t->is_scalar() && t->tag.empty() && (t->text == "STANDARD" || t->text == "EXPRESS")) return t->text == "EXPRESS";
  diags.error(t->loc, std::string(key) + " must be STANDARD or EXPRESS" +
                          (t->is_scalar() && t->tag.empty() ? ", not \"" + t->text + "\"" : std::string()));
  return std::nullopt;
}

// A definition file named by DefinitionUri / DefinitionS3Location: a local path, relative to the template.
std::optional<SourceFile> read_definition_file(const SourceFile& file, const Member& m, Diagnostics& diags) {
  if (!m.value.is_scalar() || !m.value.tag.empty()) {
    diags.error(m.value.loc, m.key + " names an S3 location, which flowcost cannot read; give the local path of the "
                                     "definition file (as in the template before `sam package` / `aws "
                                     "cloudformation package`)");
    return std::nullopt;
  }
  std::filesystem::path path(m.value.text);
  if (path.is_relative()) path = std::filesystem::path(file.path).parent_path() / path;
  try {
    return read_named_file(path.lexically_normal().string(), m.value.loc);
  } catch (const InputError& e) {
    for (const auto& d : e.diagnostics()) diags.add(d);
    return std::nullopt;
  }
}

// A DefinitionString: the text CloudFormation builds (Fn::Sub, Fn::Join), substituted, parsed as JSON,
// every position moved back to where the text is written in the template.
std::optional<Node> parse_definition_string(const Template& t, const Node& value, const Substitutions& subs,
                                            Unresolved& unresolved, TemplateDefinition& out, Diagnostics& diags) {
  auto built = resolve_text(t, value, unresolved, diags);
  if (!built) return std::nullopt;
  MappedText text = substitute_text(*built, subs);
  if (text.text.find_first_not_of(" \t\r\n") == std::string::npos) {
    diags.error(value.loc, "DefinitionString is empty");
    return std::nullopt;
  }
  SourceFile parsed{"DefinitionString", text.text};
  Diagnostics parse_diags;
  std::optional<Node> root;
  if (check_strict_json(parsed, parse_diags)) root = parse_document(parsed, parse_diags);
  if (!parse_diags.empty()) {
    LineIndex lines(text.text);
    for (const auto& d : parse_diags.items()) diags.add(remap(d, text, lines));
  }
  if (!root) return std::nullopt;
  remap(*root, text);
  out.text = SourceFile{t.file.path, text.text};
  return root;
}

// A definition file (DefinitionUri, DefinitionS3Location) as CloudFormation reads it: the placeholders of
// a JSON file that stand outside strings (`"TimeoutSeconds": ${CallTimeout}`) are replaced in the text
// before it is parsed, as the state machine resource handler does (it substitutes the file's text, then
// parses it); each position stays where the user wrote it. Without a value such a placeholder leaves the
// file unparsable, and CloudFormation rejects it. The placeholders in strings are left to substitute_tree.
std::optional<Node> parse_definition_file(const SourceFile& def_file, const Substitutions& subs, Diagnostics& diags) {
  const std::vector<asl::PlaceholderAt> bare =
      is_json_path(def_file.path) ? asl::bare_placeholders(def_file.text) : std::vector<asl::PlaceholderAt>{};
  if (bare.empty()) return parse_document(def_file, diags);
  bool missing = false;
  LineIndex file_lines(def_file.text);
  for (const auto& p : bare) {
    if (subs.count(p.name)) continue;
    diags.error(file_lines.location_of(def_file.path, p.offset),
                "placeholder \"${" + p.name + "}\" stands outside a string, and DefinitionSubstitutions gives no \"" +
                    p.name + "\": the definition is not JSON without it (CloudFormation rejects the template)");
    missing = true;
  }
  if (missing) return std::nullopt;
  MappedText text = substitute_bare_json(file_text(def_file), subs);
  SourceFile parsed{def_file.path, text.text};
  Diagnostics parse_diags;
  std::optional<Node> root = parse_document(parsed, parse_diags);
  LineIndex lines(text.text);
  for (const auto& d : parse_diags.items()) diags.add(remap(d, text, lines));
  if (root) remap(*root, text);
  return root;
}

}  // namespace

bool is_template(const Node& root) {
  if (!root.is_mapping()) return false;
  if (root.find("AWSTemplateFormatVersion") || root.find("Transform")) return true;
  const Node* resources = root.find("Resources");
  return resources && resources->is_mapping();
}

std::vector<std::string> state_machine_ids(const Node& root) {
  std::vector<std::string> ids;
  const Node* resources = root.find("Resources");
  if (!resources) return ids;
  for (const auto& m : resources->members)
    if (is_state_machine(m.value)) ids.push_back(m.key);
  return ids;
}

std::optional<TemplateDefinition> load_template_definition(const SourceFile& file, const Node& root,
                                                           const StateMachinePick& pick, Diagnostics& diags) {
  auto id = pick_id(file, root, pick, diags);
  if (!id) return std::nullopt;
  Template t{file, root};
  const Node& resource = *t.resource(*id);
  bool sam = resource.find("Type")->text == kSam;
  TemplateDefinition out;
  out.logical_id = *id;
  const Node* props = resource.find("Properties");
  if (!props || !props->is_mapping()) {
    diags.error(resource.loc, "state machine \"" + *id + "\" has no Properties");
    return std::nullopt;
  }
  out.express = workflow_type(*props, sam, diags);

  std::vector<std::string> sources = sam ? std::vector<std::string>{"Definition", "DefinitionUri"}
                                         : std::vector<std::string>{"Definition", "DefinitionString",
                                                                    "DefinitionS3Location"};
  const Member* source = nullptr;
  for (const auto& key : sources) {
    const Member* m = props->find_member(key);
    if (!m) continue;
    if (source) {
      diags.error(m->key_loc, "state machine \"" + *id + "\" has both \"" + source->key + "\" and \"" + m->key +
                                  "\"; give one definition");
      return std::nullopt;
    }
    source = m;
  }
  if (!source) {
    diags.error(props->loc, "state machine \"" + *id + "\" has no definition (" +
                                (sam ? std::string("Definition or DefinitionUri")
                                     : std::string("Definition, DefinitionString or DefinitionS3Location")) + ")");
    return std::nullopt;
  }

  Unresolved unresolved;
  const Node* subs_node = props->find("DefinitionSubstitutions");
  Substitutions subs = read_substitutions(t, subs_node, unresolved, diags);
  std::optional<Node> definition;
  if (source->key == "Definition") {
    if (!source->value.is_mapping()) {
      diags.error(source->value.loc, "Definition must be an object (the state machine), not a " +
                                         source->value.type_name());
      return std::nullopt;
    }
    definition = source->value;
    if (!resolve_intrinsics(*definition, t, unresolved, diags)) return std::nullopt;
    substitute_tree(*definition, subs);
    out.text = SourceFile{file.path, compact_json(*definition)};
  } else if (source->key == "DefinitionString") {
    definition = parse_definition_string(t, source->value, subs, unresolved, out, diags);
  } else {
    auto def_file = read_definition_file(file, *source, diags);
    if (!def_file) return std::nullopt;
    out.files[def_file->path] = sha256_hex(def_file->text);
    definition = parse_definition_file(*def_file, subs, diags);
    if (!definition) return std::nullopt;
    MappedText whole;
    whole.append(def_file->text, {def_file->path, 1, 1});
    out.text = SourceFile{def_file->path, substitute_text(whole, subs).text};
    substitute_tree(*definition, subs);
  }
  if (!definition) return std::nullopt;
  warn_unsubstituted(*definition, subs, subs_node != nullptr, unresolved, diags);
  out.root = std::move(*definition);
  return out;
}

}  // namespace flowcost::model::templates
