#include "model/asl/field_reader.h"

#include <cmath>
#include <sstream>

#include "model/asl/placeholders.h"
#include "model/suggest.h"

namespace flowcost::model::asl {

std::string quoted(std::string_view name) { return "\"" + std::string(name) + "\""; }

bool is_jsonata_text(std::string_view s) {
  return s.size() >= 4 && s.substr(0, 2) == "{%" && s.substr(s.size() - 2) == "%}";
}

std::string jsonata_body(std::string_view s) {
  if (!is_jsonata_text(s)) return std::string(s);
  return std::string(s.substr(2, s.size() - 4));
}

std::string one_of_text(const std::vector<std::string>& choices) {
  if (choices.size() == 2) return quoted(choices[0]) + " or " + quoted(choices[1]);
  std::string out = "one of ";
  for (std::size_t i = 0; i < choices.size(); ++i) out += (i ? ", " : "") + quoted(choices[i]);
  return out;
}

namespace {

std::string number_text(double v) {
  std::ostringstream s;
  s.precision(15);
  s << v;
  return s.str();
}

}  // namespace

void FieldReader::type_error(const Member& m, std::string_view expected) const {
  std::string actual = m.value.type_name();
  std::string article = actual == "null" ? "" : actual == "array" || actual == "object" ? "an " : "a ";
  error(m.value.loc, quoted(m.key) + " must be " + std::string(expected) + ", not " + article + actual);
}

std::optional<Located> FieldReader::string(std::string_view key) const {
  const Member* m = member(key);
  if (!m) return std::nullopt;
  if (!m->value.is_string()) {
    type_error(*m, "a string");
    return std::nullopt;
  }
  return Located{m->value.text, m->value.loc};
}

std::optional<Located> FieldReader::non_empty_string(std::string_view key) const {
  auto s = string(key);
  if (s && s->value.empty()) {
    error(s->loc, quoted(key) + " must not be empty");
    return std::nullopt;
  }
  return s;
}

bool FieldReader::placeholder_number(const Member& m) const {
  if (!m.value.is_string() || !is_whole_placeholder(m.value.text)) return false;
  warning(m.value.loc, quoted(m.key) + " is the placeholder " + quoted(m.value.text) +
                           ", a number only after substitution; flowcost reads the definition as if " +
                           quoted(m.key) + " were absent (load it from its template to substitute it)");
  return true;
}

std::optional<bool> FieldReader::boolean(std::string_view key) const {
  const Member* m = member(key);
  if (!m) return std::nullopt;
  auto b = m->value.boolean();
  if (!b) type_error(*m, "a boolean");
  return b;
}

std::optional<std::int64_t> FieldReader::integer(std::string_view key, std::int64_t min,
                                                 std::int64_t max) const {
  const Member* m = member(key);
  if (!m) return std::nullopt;
  if (placeholder_number(*m)) return std::nullopt;
  auto v = m->value.integer();
  if (!v) {
    auto d = m->value.number();
    if (d && std::isfinite(*d) && *d == std::floor(*d) && std::fabs(*d) < 9e15) {
      v = static_cast<std::int64_t>(*d);
    } else {
      type_error(*m, "an integer");
      return std::nullopt;
    }
  }
  if (*v < min || *v > max) {
    std::string range = *v > max   ? "at most " + std::to_string(max)
                        : min == 0 ? std::string("a non-negative integer")
                        : min == 1 ? std::string("a positive integer")
                                   : "at least " + std::to_string(min);
    error(m->value.loc, quoted(key) + " must be " + range + ", not " + m->value.text);
    return std::nullopt;
  }
  return v;
}

std::optional<double> FieldReader::number(std::string_view key, double min, std::optional<double> max) const {
  const Member* m = member(key);
  if (!m) return std::nullopt;
  if (placeholder_number(*m)) return std::nullopt;
  auto v = m->value.number();
  if (!v || !std::isfinite(*v)) {
    type_error(*m, "a number");
    return std::nullopt;
  }
  if (*v < min) {
    error(m->value.loc, quoted(key) + " must be at least " + number_text(min) + ", not " + m->value.text);
    return std::nullopt;
  }
  if (max && *v > *max) {
    error(m->value.loc, quoted(key) + " must be at most " + number_text(*max) + ", not " + m->value.text);
    return std::nullopt;
  }
  return v;
}

std::optional<Located> FieldReader::enumeration(std::string_view key, const std::vector<std::string>& choices) const {
  auto s = string(key);
  if (!s) return std::nullopt;
  for (const auto& c : choices)
    if (c == s->value) return s;
  std::string msg = quoted(key) + " must be " + one_of_text(choices) + ", not " + quoted(s->value);
  if (auto near = closest_name(s->value, choices)) msg += "; did you mean " + quoted(*near) + "?";
  error(s->loc, msg);
  return std::nullopt;
}

std::optional<Node> FieldReader::node(std::string_view key) const {
  const Member* m = member(key);
  if (!m) return std::nullopt;
  return m->value;
}

void FieldReader::check_keys(const std::vector<std::string>& allowed, std::string_view what) const {
  for (const auto& m : object_.members) {
    bool known = false;
    for (const auto& a : allowed) known = known || a == m.key;
    if (!known) error(m.key_loc, unknown_name_message(what, m.key, allowed));
  }
}

bool FieldReader::require(std::string_view key) const {
  if (has(key)) return true;
  // A misspelled key ("Resorce") is reported as unknown with a suggestion; do not report it twice.
  for (const auto& m : object_.members)
    if (closest_name(m.key, {std::string(key)})) return false;
  error(object_.loc, "missing required field " + quoted(key));
  return false;
}

bool FieldReader::exclusive(std::string_view a, std::string_view b) const {
  const Member* ma = member(a);
  const Member* mb = member(b);
  if (!ma || !mb) return false;
  const Member* second = ma->key_loc.line > mb->key_loc.line ||
                                 (ma->key_loc.line == mb->key_loc.line && ma->key_loc.column > mb->key_loc.column)
                             ? ma
                             : mb;
  error(second->key_loc, quoted(a) + " and " + quoted(b) + " cannot both be given");
  return true;
}

}  // namespace flowcost::model::asl
