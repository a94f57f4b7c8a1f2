// Field helpers shared by the per-state loaders: numbers with their `...Path` twins, paths, JSONata
// strings, Assign, payload templates, timestamps and variable names.
#include <cctype>

#include "model/asl/jsonata.h"
#include "model/asl/load_context.h"
#include "model/asl/placeholders.h"
#include "model/asl/templates.h"

namespace flowcost::model::asl {

std::optional<std::string> jsonata_string(const FieldReader& r, const Node& value) {
  if (!value.is_string() || !is_jsonata_text(value.text)) return std::nullopt;
  std::string body = jsonata_body(value.text);
  if (auto why = check_jsonata(body)) r.error(value.loc, *why);
  return body;
}

NumberField number_field(const FieldReader& r, std::string_view key, std::string_view path_key, std::int64_t min,
                         std::int64_t max, QueryLanguage language) {
  NumberField out;
  r.exclusive(key, path_key);
  if (const Member* m = r.member(key)) {
    out.loc = m->value.loc;
    if (language == QueryLanguage::jsonata && m->value.is_string() && is_jsonata_text(m->value.text)) {
      out.jsonata = jsonata_string(r, m->value);
    } else if (language == QueryLanguage::jsonata && m->value.is_string() && !is_whole_placeholder(m->value.text)) {
      r.type_error(*m, "an integer or a JSONata expression \"{% ... %}\"");
    } else if (auto v = r.integer(key, min, max)) {
      out.literal = static_cast<double>(*v);
    }
  } else if (!path_key.empty() && r.has(path_key)) {
    out.loc = r.member(path_key)->value.loc;
    if (auto p = path_field(r, path_key, PathKind::reference)) out.path = p->value;
  }
  return out;
}

std::optional<Located> path_field(const FieldReader& r, std::string_view key, PathKind kind) {
  auto s = r.string(key);
  if (!s) return std::nullopt;
  if (is_whole_placeholder(s->value)) return s;
  if (auto why = check_path(s->value, kind)) {
    std::string what = kind == PathKind::path ? "path" : "reference path";
    r.error(s->loc, quoted(key) + " is not a valid " + what + ": " + *why);
    return std::nullopt;
  }
  // The path as Step Functions reads it: without the whitespace Jayway trims (P1).
  std::size_t begin = s->value.find_first_not_of(" \t\r\n");
  std::size_t end = s->value.find_last_not_of(" \t\r\n");
  if (begin != std::string::npos) s->value = s->value.substr(begin, end - begin + 1);
  return s;
}

std::optional<Node> nullable_path_field(const FieldReader& r, std::string_view key, PathKind kind) {
  const Member* m = r.member(key);
  if (!m) return std::nullopt;
  if (m->value.is_null()) return m->value;
  if (!m->value.is_string()) {
    r.type_error(*m, "a path or null");
    return std::nullopt;
  }
  if (!path_field(r, key, kind)) return std::nullopt;
  return m->value;
}

std::optional<Node> template_field(const FieldReader& r, std::string_view key, QueryLanguage language) {
  const Member* m = r.member(key);
  if (!m) return std::nullopt;
  if (language == QueryLanguage::jsonata) check_jsonata_value(m->value, r);
  else check_payload_template(m->value, r);
  return m->value;
}

std::optional<std::string> variable_name_problem(std::string_view name) {
  if (name.empty()) return std::string("a variable name cannot be empty");
  if (name == "states") return std::string("\"states\" is reserved and cannot be assigned");
  std::size_t chars = 0;
  for (unsigned char c : name)
    if ((c & 0xC0) != 0x80) ++chars;
  if (chars > 80) return "variable name \"" + std::string(name) + "\" is longer than 80 characters";
  auto letter = [](unsigned char c) { return std::isalpha(c) || c == '_' || c >= 0x80; };
  bool ok = letter(static_cast<unsigned char>(name[0]));
  for (unsigned char c : name) ok = ok && (letter(c) || std::isdigit(c));
  if (!ok) return "\"" + std::string(name) + "\" is not a valid variable name (letters, digits and _, not starting with a digit)";
  return std::nullopt;
}

std::optional<Node> assign_field(const FieldReader& r, QueryLanguage language) {
  const Member* m = r.member("Assign");
  if (!m) return std::nullopt;
  if (!m->value.is_mapping()) {
    r.type_error(*m, "an object");
    return std::nullopt;
  }
  for (const auto& v : m->value.members) {
    std::string_view name = v.key;
    if (language == QueryLanguage::jsonpath && name.size() >= 2 && name.substr(name.size() - 2) == ".$")
      name.remove_suffix(2);
    if (auto why = variable_name_problem(name)) {
      // AWS documents identifier rules for names, but definitions with other names are in public use
      // (asl-validator accepts them): only the reserved name and the length are errors.
      if (why->find("not a valid variable name") != std::string::npos) r.warning(v.key_loc, "\"Assign\": " + *why);
      else r.error(v.key_loc, "\"Assign\": " + *why);
    }
  }
  if (language == QueryLanguage::jsonata) check_jsonata_value(m->value, r);
  else check_payload_template(m->value, r);
  return m->value;
}

bool is_rfc3339(std::string_view s) {
  auto digits = [&](std::size_t at, std::size_t n) {
    if (at + n > s.size()) return false;
    for (std::size_t i = at; i < at + n; ++i)
      if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
    return true;
  };
  auto num = [&](std::size_t at, std::size_t n) { return std::stoi(std::string(s.substr(at, n))); };
  if (!digits(0, 4) || s.size() < 20 || s[4] != '-' || !digits(5, 2) || s[7] != '-' || !digits(8, 2) ||
      s[10] != 'T' || !digits(11, 2) || s[13] != ':' || !digits(14, 2) || s[16] != ':' || !digits(17, 2))
    return false;
  int year = num(0, 4), month = num(5, 2), day = num(8, 2);
  static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12 || day < 1 || day > days[month - 1] || num(11, 2) > 23 || num(14, 2) > 59 ||
      num(17, 2) > 60)
    return false;
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  if (month == 2 && day == 29 && !leap) return false;
  std::size_t i = 19;
  if (i < s.size() && s[i] == '.') {
    ++i;
    std::size_t start = i;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
    if (i == start) return false;
  }
  if (i < s.size() && s[i] == 'Z') return i + 1 == s.size();
  if (i < s.size() && (s[i] == '+' || s[i] == '-'))
    return i + 6 == s.size() && digits(i + 1, 2) && s[i + 3] == ':' && digits(i + 4, 2) && num(i + 1, 2) <= 23 &&
           num(i + 4, 2) <= 59;
  return false;
}

}  // namespace flowcost::model::asl
