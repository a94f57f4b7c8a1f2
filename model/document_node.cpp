// The document tree's typed views of its nodes (model/document.h): YAML 1.2 core schema scalars, types for
// messages, mapping look-ups. Building the tree from a file is model/document.cpp.
#include "model/document.h"

#include <charconv>
#include <cmath>

namespace flowcost::model {

namespace {

std::optional<bool> core_bool(std::string_view s) {
  if (s == "true" || s == "True" || s == "TRUE") return true;
  if (s == "false" || s == "False" || s == "FALSE") return false;
  return std::nullopt;
}

std::optional<double> core_number(std::string_view s) {
  if (s.empty()) return std::nullopt;
  std::string_view body = s;
  bool neg = false;
  if (body.front() == '+' || body.front() == '-') {
    neg = body.front() == '-';
    body.remove_prefix(1);
  }
  if (body == ".inf" || body == ".Inf" || body == ".INF") return neg ? -INFINITY : INFINITY;
  if (s == ".nan" || s == ".NaN" || s == ".NAN") return NAN;
  // Digits, one optional '.', optional exponent; no hex, no leading '.' without digit handling.
  bool digit = false, dot = false, exp = false;
  for (std::size_t i = 0; i < body.size(); ++i) {
    char c = body[i];
    if (c >= '0' && c <= '9') digit = true;
    else if (c == '.' && !dot && !exp) dot = true;
    else if ((c == 'e' || c == 'E') && digit && !exp) {
      exp = true;
      if (i + 1 < body.size() && (body[i + 1] == '+' || body[i + 1] == '-')) ++i;
      if (i + 1 >= body.size()) return std::nullopt;
    } else return std::nullopt;
  }
  if (!digit) return std::nullopt;
  double v = 0;
  std::string_view parse = s.front() == '+' ? s.substr(1) : s;
  auto [p, ec] = std::from_chars(parse.data(), parse.data() + parse.size(), v);
  if (ec == std::errc::result_out_of_range) return neg ? -INFINITY : INFINITY;
  if (ec != std::errc() || p != parse.data() + parse.size()) return std::nullopt;
  return v;
}

}  // namespace

bool Node::is_string() const {
  if (kind != Kind::scalar) return false;
  if (quoted) return true;
  return !number() && !boolean();
}

std::optional<double> Node::number() const {
  if (kind != Kind::scalar || quoted) return std::nullopt;
  return core_number(text);
}

std::optional<std::int64_t> Node::integer() const {
  if (kind != Kind::scalar || quoted) return std::nullopt;
  std::string_view s = text;
  if (!s.empty() && s.front() == '+') s.remove_prefix(1);
  std::int64_t v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size() || s.empty()) return std::nullopt;
  return v;
}

std::optional<bool> Node::boolean() const {
  if (kind != Kind::scalar || quoted) return std::nullopt;
  return core_bool(text);
}

std::string Node::type_name() const {
  switch (kind) {
    case Kind::null: return "null";
    case Kind::sequence: return "array";
    case Kind::mapping: return "object";
    case Kind::scalar:
      if (quoted) return "string";
      if (boolean()) return "boolean";
      if (number()) return "number";
      return "string";
  }
  return "value";
}

const Member* Node::find_member(std::string_view key) const {
  if (kind != Kind::mapping) return nullptr;
  for (const auto& m : members)
    if (m.key == key) return &m;
  return nullptr;
}

const Node* Node::find(std::string_view key) const {
  const Member* m = find_member(key);
  return m ? &m->value : nullptr;
}

}  // namespace flowcost::model
