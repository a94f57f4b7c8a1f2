// The ASL loader's entry points: the top-level object, `{StartAt, States}` scopes, and load_and_validate.
#include "model/asl/loader.h"

#include <algorithm>

#include "model/asl/definition_document.h"
#include "model/asl/load_context.h"
#include "model/asl/placeholders.h"
#include "model/asl/validator.h"
#include "model/errors.h"
#include "model/number_format.h"
#include "model/suggest.h"
#include "model/template/substitutions.h"

namespace flowcost::model::asl {

void load_scope(LoadContext& ctx, const Node& object, const std::string& prefix, ScopeKind kind, Scope& out) {
  FieldReader r(object, prefix, ctx.diags);
  out.loc = object.loc;
  out.label = prefix;
  if (kind != ScopeKind::top) {
    std::vector<std::string> keys = {"StartAt", "States", "Comment"};
    if (kind == ScopeKind::processor) keys.push_back("ProcessorConfig");
    for (const auto& m : object.members) {
      if (m.key == "QueryLanguage")
        r.error(m.key_loc, std::string(kind == ScopeKind::processor ? "an item processor" : "a branch") +
                               " cannot declare \"QueryLanguage\"; set it on the states");
      else if (std::find(keys.begin(), keys.end(), m.key) == keys.end())
        r.error(m.key_loc, unknown_name_message("field", m.key, keys));
    }
    r.string("Comment");
  }
  if (r.require("StartAt")) {
    if (auto s = r.non_empty_string("StartAt")) out.start_at = *s;
  }
  if (!r.require("States")) return;
  const Member* states = r.member("States");
  out.loc = states->value.loc;
  if (!states->value.is_mapping()) {
    r.type_error(*states, "an object of states");
    return;
  }
  if (states->value.members.empty()) r.error(states->value.loc, "\"States\" must hold at least one state");
  out.states.reserve(states->value.members.size());  // a State is large: no regrowth
  for (const auto& entry : states->value.members) out.states.push_back(load_state(ctx, entry));
}

namespace {

// Step Functions refuses a definition over 1 MB, a hard quota (docs/sources.md#sfn-quotas): an error when
// even its compact JSON, the least AWS can receive, is over; a warning when only the file as written is (a
// pretty-printed file that fits once minified). Compact JSON is at most four times a file's size (YAML's
// shortest scalars), so a small file is not serialized.
void check_definition_size(const SourceFile& file, const Node& root, Diagnostics& diags) {
  constexpr std::size_t kMaxBytes = 1'048'576;
  if (file.text.size() <= kMaxBytes / 4) return;
  const std::size_t compact = templates::compact_json(root).size();
  const std::string quota = "Step Functions accepts a definition of at most 1,048,576 bytes (1 MB, a hard quota)";
  if (compact > kMaxBytes) {
    diags.error(root.loc, "the definition is " + format_grouped(static_cast<double>(compact), 0) +
                              " bytes as compact JSON; " + quota);
  } else if (file.text.size() > kMaxBytes) {
    diags.warning(root.loc, "the definition file is " + format_grouped(static_cast<double>(file.text.size()), 0) +
                                " bytes and " + format_grouped(static_cast<double>(compact), 0) +
                                " as compact JSON; " + quota + ": deploy it minified");
  }
}

}  // namespace

std::optional<StateMachine> load_state_machine(const SourceFile& file, Diagnostics& diags) {
  auto root = parse_definition_document(file, diags);
  if (!root) return std::nullopt;
  return load_state_machine(file, *root, diags);
}

std::optional<StateMachine> load_state_machine(const SourceFile& file, const Node& root, Diagnostics& diags) {
  if (!root.is_mapping()) {
    diags.error(root.loc, "an ASL definition must be an object with \"StartAt\" and \"States\", not a " +
                              root.type_name());
    return std::nullopt;
  }
  StateMachine machine;
  machine.file = file.path;
  // A JSON file is deployed as written (`--definition file://...`); AWS takes no YAML, so a YAML definition
  // reaches it as the JSON a tool makes of it: counted as compact JSON.
  const std::size_t first = file.text.find_first_not_of(" \t\r\n");
  const bool json = first != std::string::npos && file.text[first] == '{';
  machine.definition_size_bytes = json ? file.text.size() : templates::compact_json(root).size();
  check_definition_size(file, root, diags);
  machine.has_placeholders = scan_placeholders(root, diags);
  FieldReader r(root, "", diags);
  r.check_keys({"Comment", "StartAt", "States", "Version", "TimeoutSeconds", "QueryLanguage"});
  if (auto c = r.string("Comment")) machine.comment = c->value;
  if (auto v = r.string("Version")) {
    if (v->value != "1.0") r.error(v->loc, "\"Version\" must be \"1.0\", not " + quoted(v->value));
    machine.version = v->value;
  }
  if (auto t = r.integer("TimeoutSeconds", 1, 99999999)) {
    machine.timeout_seconds = static_cast<double>(*t);
    machine.timeout_seconds_loc = r.member("TimeoutSeconds")->value.loc;
  }
  if (auto ql = r.enumeration("QueryLanguage", {"JSONPath", "JSONata"}))
    machine.query_language = ql->value == "JSONata" ? QueryLanguage::jsonata : QueryLanguage::jsonpath;
  else if (r.has("QueryLanguage"))  // reported; Step Functions reads any value but "JSONPath" as JSONata
    machine.query_language = QueryLanguage::jsonata;
  machine.top.query_language = machine.query_language;
  LoadContext ctx{diags, machine.query_language};
  load_scope(ctx, root, "", ScopeKind::top, machine.top);
  return machine;
}

StateMachine load_and_validate(const std::string& path, bool express, Diagnostics* warnings) {
  return load_and_validate(read_source_file(path), express, warnings);
}

StateMachine load_and_validate(const SourceFile& file, bool express, Diagnostics* warnings) {
  Diagnostics diags;
  auto root = parse_definition_document(file, diags);
  if (!root) {
    diags.throw_if_errors();
    throw InternalError("ASL loader returned no document and no error for " + file.path);
  }
  return load_and_validate(file, *root, express, std::move(diags), warnings);
}

StateMachine load_and_validate(const SourceFile& file, const Node& root, bool express, Diagnostics diags,
                               Diagnostics* warnings) {
  auto machine = load_state_machine(file, root, diags);
  if (machine) validate(*machine, ValidateOptions{express}, diags);
  diags.sort();
  diags.throw_if_errors();
  if (!machine) throw InternalError("ASL loader returned no machine and no error for " + file.path);
  if (warnings) warnings->append(diags);
  return std::move(*machine);
}

}  // namespace flowcost::model::asl
