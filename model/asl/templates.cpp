#include "model/asl/templates.h"

#include <map>

#include "model/asl/intrinsics.h"
#include "model/asl/jsonata.h"
#include "model/asl/jsonpath.h"
#include "model/asl/placeholders.h"

namespace flowcost::model::asl {

namespace {

bool ends_with_dollar(std::string_view key) { return key.size() >= 2 && key.substr(key.size() - 2) == ".$"; }

void check_dynamic_value(const Member& m, const FieldReader& owner) {
  if (!m.value.is_string()) {
    owner.type_error(m, "a string (a path or an intrinsic function)");
    return;
  }
  const std::string& v = m.value.text;
  if (is_whole_placeholder(v)) return;
  std::optional<std::string> why, doubt;
  if (!v.empty() && v[0] == '$') {
    why = check_path(v, PathKind::path);
    if (why) why = "invalid path \"" + v + "\": " + *why;
  } else if (v.rfind("States.", 0) != 0) {
    why = "\"" + v + "\" is neither a path (starting with \"$\") nor an intrinsic function such as "
          "\"States.Format(...)\"";
  } else {
    why = check_intrinsic(v, &doubt);
  }
  if (why) owner.error(m.value.loc, quoted(m.key) + ": " + *why);
  if (doubt) owner.warning(m.value.loc, quoted(m.key) + ": " + *doubt);
}

void walk_template(const Node& n, const FieldReader& owner) {
  if (n.is_sequence()) {
    for (const auto& item : n.items) walk_template(item, owner);
    return;
  }
  if (!n.is_mapping()) return;
  std::map<std::string, const Member*> seen;
  for (const auto& m : n.members) {
    bool dynamic = ends_with_dollar(m.key);
    std::string name = dynamic ? m.key.substr(0, m.key.size() - 2) : m.key;
    auto [it, inserted] = seen.emplace(name, &m);
    if (!inserted)
      owner.error(m.key_loc, quoted(m.key) + " and " + quoted(it->second->key) + " name the same field");
    if (dynamic) {
      check_dynamic_value(m, owner);
      continue;
    }
    if (m.value.is_string()) {
      const std::string& v = m.value.text;
      if (looks_like_path(v) && !has_placeholder(v))
        owner.warning(m.value.loc, quoted(m.key) + ": \"" + v +
                                       "\" looks like a path, but the key does not end in \".$\", so it is "
                                       "passed as a literal string");
      else if (v.rfind("States.", 0) == 0 && v.find('(') != std::string::npos && v.back() == ')')
        owner.warning(m.value.loc, quoted(m.key) + ": \"" + v +
                                       "\" looks like an intrinsic function, but the key does not end in "
                                       "\".$\", so it is passed as a literal string");
    }
    walk_template(m.value, owner);
  }
}

void walk_jsonata(const Node& n, const FieldReader& owner) {
  if (n.is_scalar()) {
    if (!n.is_string()) return;
    if (is_jsonata_text(n.text)) {
      if (auto why = check_jsonata(jsonata_body(n.text))) owner.error(n.loc, *why);
    } else if (n.text.rfind("{%", 0) == 0 || (n.text.size() >= 2 && n.text.substr(n.text.size() - 2) == "%}")) {
      owner.error(n.loc, "incomplete JSONata expression: write \"{% expression %}\"");
    }
    return;
  }
  for (const auto& item : n.items) walk_jsonata(item, owner);
  for (const auto& m : n.members) {
    if (ends_with_dollar(m.key))
      owner.warning(m.key_loc, quoted(m.key) + ": keys ending in \".$\" are not evaluated in a JSONata state; "
                                               "write the value as \"{% expression %}\"");
    walk_jsonata(m.value, owner);
  }
}

void walk_no_jsonata(const Node& n, const FieldReader& owner) {
  if (n.is_scalar()) {
    if (n.is_string() && is_jsonata_text(n.text))
      owner.warning(n.loc, "a JSONata expression in a JSONPath state is a literal string; set \"QueryLanguage\": "
                           "\"JSONata\" to evaluate it");
    return;
  }
  for (const auto& item : n.items) walk_no_jsonata(item, owner);
  for (const auto& m : n.members) walk_no_jsonata(m.value, owner);
}

}  // namespace

void check_payload_template(const Node& value, const FieldReader& owner) {
  walk_template(value, owner);
  warn_jsonata_in_jsonpath(value, owner);
}

void check_jsonata_value(const Node& value, const FieldReader& owner) { walk_jsonata(value, owner); }

void warn_jsonata_in_jsonpath(const Node& value, const FieldReader& owner) {
  walk_no_jsonata(value, owner);
}

}  // namespace flowcost::model::asl
