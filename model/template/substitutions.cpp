#include "model/template/substitutions.h"

#include <cstdio>

#include "model/asl/placeholders.h"

namespace flowcost::model::templates {

namespace {

std::string substituted(const std::string& text, const Substitutions& subs) {
  std::string out;
  std::size_t i = 0;
  for (const auto& p : asl::placeholders_in(text)) {
    auto it = subs.find(p.name);
    if (it == subs.end()) continue;
    out.append(text, i, p.offset - i);
    out += it->second.value.text;
    i = p.offset + p.length;
  }
  out.append(text, i, std::string::npos);
  return out;
}

void substitute_scalar(Node& n, const Substitutions& subs) {
  if (!n.is_scalar() || n.text.find("${") == std::string::npos) return;
  if (asl::is_whole_placeholder(n.text)) {
    auto it = subs.find(n.text.substr(2, n.text.size() - 3));
    if (it != subs.end() && it->second.scalar_value) {
      n.text = it->second.value.text;
      n.quoted = false;
      return;
    }
  }
  n.text = substituted(n.text, subs);
}

void json_string(const std::string& s, std::string& out) {
  out += '"';
  for (unsigned char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", c);
      out += buf;
    } else {
      out += static_cast<char>(c);
    }
  }
  out += '"';
}

void json(const Node& n, std::string& out) {
  switch (n.kind) {
    case Node::Kind::null: out += "null"; return;
    case Node::Kind::scalar:
      if (n.is_string()) json_string(n.text, out);
      else if (n.boolean()) out += *n.boolean() ? "true" : "false";
      else out += n.text;
      return;
    case Node::Kind::sequence:
      out += '[';
      for (std::size_t i = 0; i < n.items.size(); ++i) {
        if (i) out += ',';
        json(n.items[i], out);
      }
      out += ']';
      return;
    case Node::Kind::mapping:
      out += '{';
      for (std::size_t i = 0; i < n.members.size(); ++i) {
        if (i) out += ',';
        json_string(n.members[i].key, out);
        out += ':';
        json(n.members[i].value, out);
      }
      out += '}';
      return;
  }
}

void warn_text(const std::string& text, const SourceLocation& at, const Substitutions& subs, bool any_substitutions,
               const Unresolved& unresolved, Diagnostics& diags) {
  for (const auto& p : asl::placeholders_in(text)) {
    if (is_pseudo_parameter(p.name) || subs.count(p.name)) continue;
    std::string why;
    if (auto it = unresolved.find(p.name); it != unresolved.end()) why = it->second;
    else if (any_substitutions) why = "DefinitionSubstitutions has no \"" + p.name + "\"";
    else why = "the state machine has no DefinitionSubstitutions";
    diags.warning(at, "placeholder \"${" + p.name + "}\" is left as it is (" + why +
                          "); flowcost reads the definition with the placeholder in place");
  }
}

void warn_node(const Node& n, const Substitutions& subs, bool any, const Unresolved& unresolved, Diagnostics& diags) {
  if (n.is_scalar()) warn_text(n.text, n.loc, subs, any, unresolved, diags);
  for (const auto& item : n.items) warn_node(item, subs, any, unresolved, diags);
  for (const auto& m : n.members) {
    warn_text(m.key, m.key_loc, subs, any, unresolved, diags);
    warn_node(m.value, subs, any, unresolved, diags);
  }
}

// `in` with each of `at` (placeholders of in.text, in order) that `subs` names replaced by its value,
// every byte of the value at the placeholder's position.
MappedText substitute_at(const MappedText& in, const Substitutions& subs, const std::vector<asl::PlaceholderAt>& at) {
  MappedText out;
  out.file = in.file;
  std::size_t i = 0;
  for (const auto& p : at) {
    auto it = subs.find(p.name);
    if (it == subs.end()) continue;
    out.text.append(in.text, i, p.offset - i);
    out.origin.insert(out.origin.end(), in.origin.begin() + static_cast<std::ptrdiff_t>(i),
                      in.origin.begin() + static_cast<std::ptrdiff_t>(p.offset));
    out.text += it->second.value.text;
    out.origin.insert(out.origin.end(), it->second.value.text.size(), in.origin[p.offset]);
    i = p.offset + p.length;
  }
  out.text.append(in.text, i, std::string::npos);
  out.origin.insert(out.origin.end(), in.origin.begin() + static_cast<std::ptrdiff_t>(i), in.origin.end());
  return out;
}

}  // namespace

Substitutions read_substitutions(const Template& t, const Node* map, Unresolved& unresolved, Diagnostics& diags) {
  Substitutions out;
  if (!map) return out;
  if (!map->is_mapping()) {
    diags.error(map->loc, "DefinitionSubstitutions must be a mapping of names to values, not a " + map->type_name());
    return out;
  }
  for (const auto& m : map->members) {
    auto value = resolve_text(t, m.value, unresolved, diags);
    if (!value) {
      unresolved.emplace(m.key, "its DefinitionSubstitutions value is in error");
      continue;
    }
    Substitution s{std::move(*value), false};
    s.scalar_value = m.value.is_scalar() && m.value.tag.empty() && !m.value.quoted &&
                     (m.value.number() || m.value.boolean());
    out.emplace(m.key, std::move(s));
  }
  return out;
}

MappedText substitute_text(const MappedText& in, const Substitutions& subs) {
  return substitute_at(in, subs, asl::placeholders_in(in.text));
}

MappedText substitute_bare_json(const MappedText& in, const Substitutions& subs) {
  return substitute_at(in, subs, asl::bare_placeholders(in.text));
}

void substitute_tree(Node& root, const Substitutions& subs) {
  if (subs.empty()) return;
  substitute_scalar(root, subs);
  for (auto& item : root.items) substitute_tree(item, subs);
  for (auto& m : root.members) {
    if (m.key.find("${") != std::string::npos) m.key = substituted(m.key, subs);
    substitute_tree(m.value, subs);
  }
}

bool resolve_intrinsics(Node& root, const Template& t, Unresolved& unresolved, Diagnostics& diags) {
  if (intrinsic(root)) {
    auto text = resolve_text(t, root, unresolved, diags);
    if (!text) return false;
    Node s;
    s.kind = Node::Kind::scalar;
    s.loc = root.loc;
    s.quoted = true;
    s.text = std::move(text->text);
    root = std::move(s);
    return true;
  }
  bool ok = true;
  for (auto& item : root.items) ok = resolve_intrinsics(item, t, unresolved, diags) && ok;
  for (auto& m : root.members) ok = resolve_intrinsics(m.value, t, unresolved, diags) && ok;
  return ok;
}

void warn_unsubstituted(const Node& root, const Substitutions& subs, bool any_substitutions,
                        const Unresolved& unresolved, Diagnostics& diags) {
  warn_node(root, subs, any_substitutions, unresolved, diags);
}

std::string compact_json(const Node& root) {
  std::string out;
  json(root, out);
  return out;
}

}  // namespace flowcost::model::templates
