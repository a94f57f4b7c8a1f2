// Choice rules (docs/sources.md#asl-states Choice, A10 rule 9): JSONPath data tests with every comparison
// operator and its ...Path form, Boolean composition with And / Or / Not, and JSONata Conditions.
#include <algorithm>
#include <vector>

#include "model/asl/load_context.h"
#include "model/asl/placeholders.h"
#include "model/suggest.h"

namespace flowcost::model::asl {

namespace {

enum class Operand { string, pattern, number, boolean, timestamp, type_test };

struct OperatorSpec {
  const char* name;
  ChoiceOp op;
  Operand operand;
  bool has_path_form;
};

constexpr OperatorSpec kOperators[] = {
    {"StringEquals", ChoiceOp::string_equals, Operand::string, true},
    {"StringLessThan", ChoiceOp::string_less_than, Operand::string, true},
    {"StringGreaterThan", ChoiceOp::string_greater_than, Operand::string, true},
    {"StringLessThanEquals", ChoiceOp::string_less_than_equals, Operand::string, true},
    {"StringGreaterThanEquals", ChoiceOp::string_greater_than_equals, Operand::string, true},
    {"StringMatches", ChoiceOp::string_matches, Operand::pattern, false},
    {"NumericEquals", ChoiceOp::numeric_equals, Operand::number, true},
    {"NumericLessThan", ChoiceOp::numeric_less_than, Operand::number, true},
    {"NumericGreaterThan", ChoiceOp::numeric_greater_than, Operand::number, true},
    {"NumericLessThanEquals", ChoiceOp::numeric_less_than_equals, Operand::number, true},
    {"NumericGreaterThanEquals", ChoiceOp::numeric_greater_than_equals, Operand::number, true},
    {"BooleanEquals", ChoiceOp::boolean_equals, Operand::boolean, true},
    {"TimestampEquals", ChoiceOp::timestamp_equals, Operand::timestamp, true},
    {"TimestampLessThan", ChoiceOp::timestamp_less_than, Operand::timestamp, true},
    {"TimestampGreaterThan", ChoiceOp::timestamp_greater_than, Operand::timestamp, true},
    {"TimestampLessThanEquals", ChoiceOp::timestamp_less_than_equals, Operand::timestamp, true},
    {"TimestampGreaterThanEquals", ChoiceOp::timestamp_greater_than_equals, Operand::timestamp, true},
    {"IsNull", ChoiceOp::is_null, Operand::type_test, false},
    {"IsPresent", ChoiceOp::is_present, Operand::type_test, false},
    {"IsNumeric", ChoiceOp::is_numeric, Operand::type_test, false},
    {"IsString", ChoiceOp::is_string, Operand::type_test, false},
    {"IsBoolean", ChoiceOp::is_boolean, Operand::type_test, false},
    {"IsTimestamp", ChoiceOp::is_timestamp, Operand::type_test, false},
};

// The operator spec for `key` ("NumericEquals" or "NumericEqualsPath"); `is_path` tells which.
const OperatorSpec* find_operator(std::string_view key, bool& is_path) {
  for (const auto& o : kOperators) {
    std::string_view name = o.name;
    if (key == name) {
      is_path = false;
      return &o;
    }
    if (o.has_path_form && key.size() == name.size() + 4 && key.substr(0, name.size()) == name &&
        key.substr(name.size()) == "Path") {
      is_path = true;
      return &o;
    }
  }
  return nullptr;
}

std::vector<std::string> rule_keys(QueryLanguage language, bool top) {
  std::vector<std::string> keys = {"Comment", "Assign"};
  if (top) keys.push_back("Next");
  if (language == QueryLanguage::jsonata) {
    keys.insert(keys.end(), {"Condition", "Output"});
    return keys;
  }
  keys.insert(keys.end(), {"Variable", "And", "Or", "Not"});
  for (const auto& o : kOperators) {
    keys.emplace_back(o.name);
    if (o.has_path_form) keys.push_back(std::string(o.name) + "Path");
  }
  return keys;
}

class RuleLoader {
 public:
  RuleLoader(const FieldReader& state, QueryLanguage language) : state_(state), language_(language) {}

  ChoiceRule load(const Node& n, bool top) {
    ChoiceRule rule;
    rule.loc = n.loc;
    FieldReader r(n, state_.prefix(), state_.diags());
    if (!n.is_mapping()) {
      r.error(n.loc, "a choice rule must be an object, not a " + n.type_name());
      return rule;
    }
    std::vector<std::string> keys = rule_keys(language_, top);
    for (const auto& m : n.members) {
      bool known = std::find(keys.begin(), keys.end(), m.key) != keys.end();
      if (known) continue;
      if (m.key == "Next") r.error(m.key_loc, "a rule inside \"And\", \"Or\" or \"Not\" cannot have \"Next\"");
      else if (m.key == "End") r.error(m.key_loc, "a choice rule cannot have \"End\"; it names its target with \"Next\"");
      else if (language_ == QueryLanguage::jsonata && (m.key == "Variable" || is_operator(m.key)))
        r.error(m.key_loc, quoted(m.key) + " is a JSONPath field, but the state uses JSONata; use \"Condition\"");
      else if (language_ == QueryLanguage::jsonpath && (m.key == "Condition" || m.key == "Output"))
        r.error(m.key_loc, quoted(m.key) + " is a JSONata field, but the state uses JSONPath");
      else r.error(m.key_loc, unknown_name_message("field", m.key, keys));
    }
    if (top) {
      if (r.has("Next")) rule.next = r.non_empty_string("Next");
      else r.error(n.loc, "choice rule has no \"Next\"");
    }
    if (r.has("Assign")) rule.assign = assign_field(r, language_);
    if (language_ == QueryLanguage::jsonata) {
      load_condition(r, rule);
      if (r.has("Output")) rule.output = template_field(r, "Output", language_);
    } else {
      load_test(r, rule);
    }
    return rule;
  }

 private:
  static bool is_operator(std::string_view key) {
    bool p = false;
    return find_operator(key, p) != nullptr;
  }

  void load_condition(const FieldReader& r, ChoiceRule& rule) {
    rule.op = ChoiceOp::condition;
    rule.op_name = "Condition";
    const Member* m = r.member("Condition");
    if (!m) {
      r.error(r.object().loc, "choice rule has no \"Condition\"");
      return;
    }
    if (auto b = m->value.boolean()) {
      rule.condition = Located{*b ? "true" : "false", m->value.loc};
    } else if (m->value.is_string() && is_jsonata_text(m->value.text)) {
      if (auto body = jsonata_string(r, m->value)) rule.condition = Located{*body, m->value.loc};
    } else {
      r.type_error(*m, "a boolean or a JSONata expression \"{% ... %}\"");
    }
  }

  void load_test(const FieldReader& r, ChoiceRule& rule) {
    const Member* kind = nullptr;
    for (const auto& m : r.object().members) {
      bool p = false;
      if (m.key != "And" && m.key != "Or" && m.key != "Not" && !find_operator(m.key, p)) continue;
      if (kind) {
        r.error(m.key_loc, "choice rule has both " + quoted(kind->key) + " and " + quoted(m.key) +
                               "; combine tests with \"And\" or \"Or\"");
        continue;
      }
      kind = &m;
    }
    if (!kind) {
      r.error(r.object().loc, "choice rule needs a comparison such as \"StringEquals\", or \"And\", \"Or\", \"Not\"");
      return;
    }
    rule.op_name = kind->key;
    if (kind->key == "And" || kind->key == "Or" || kind->key == "Not") {
      rule.op = kind->key == "And" ? ChoiceOp::and_ : kind->key == "Or" ? ChoiceOp::or_ : ChoiceOp::not_;
      if (const Member* v = r.member("Variable"))
        r.error(v->key_loc, "a rule with " + quoted(kind->key) + " cannot have \"Variable\"");
      load_children(r, *kind, rule);
      return;
    }
    bool is_path = false;
    const OperatorSpec* spec = find_operator(kind->key, is_path);
    rule.op = spec->op;
    rule.operand_is_path = is_path;
    if (r.has("Variable")) rule.variable = path_field(r, "Variable", PathKind::path);
    else r.error(r.object().loc, "choice rule with " + quoted(kind->key) + " has no \"Variable\"");
    load_operand(r, *kind, *spec, is_path, rule);
  }

  void load_children(const FieldReader& r, const Member& kind, ChoiceRule& rule) {
    if (kind.key == "Not") {
      if (!kind.value.is_mapping()) {
        r.type_error(kind, "one choice rule (an object)");
        return;
      }
      rule.children.push_back(load(kind.value, false));
      return;
    }
    if (!kind.value.is_sequence()) {
      r.type_error(kind, "an array of choice rules");
      return;
    }
    if (kind.value.items.empty()) r.error(kind.value.loc, quoted(kind.key) + " must hold at least one rule");
    for (const auto& child : kind.value.items) rule.children.push_back(load(child, false));
  }

  void load_operand(const FieldReader& r, const Member& m, const OperatorSpec& spec, bool is_path, ChoiceRule& rule) {
    const Node& v = m.value;
    if (is_path) {
      if (auto p = path_field(r, m.key, PathKind::path)) rule.operand = p->value;
      return;
    }
    switch (spec.operand) {
      case Operand::string:
      case Operand::pattern:
      case Operand::timestamp: {
        if (!v.is_string()) {
          r.type_error(m, spec.operand == Operand::timestamp ? "a timestamp string" : "a string");
          return;
        }
        if (spec.operand == Operand::timestamp && !is_rfc3339(v.text) && !is_whole_placeholder(v.text)) {
          r.error(v.loc, quoted(m.key) + " must be an RFC 3339 timestamp such as \"2026-01-31T08:00:00Z\", not " +
                             quoted(v.text));
          return;
        }
        if (spec.operand == Operand::pattern && unfinished_escape(v.text)) {
          r.error(v.loc, "\"StringMatches\" pattern ends with an unfinished escape \"\\\"");
          return;
        }
        rule.operand = v.text;
        return;
      }
      case Operand::number:
        if (auto d = v.number()) rule.operand = *d;
        else r.type_error(m, "a number");
        return;
      case Operand::boolean:
        if (auto b = v.boolean()) rule.operand = *b;
        else r.type_error(m, "a boolean");
        return;
      case Operand::type_test:
        if (auto b = v.boolean()) rule.operand = *b;
        else r.type_error(m, "true or false");
        return;
    }
  }

  static bool unfinished_escape(const std::string& s) {
    bool escaped = false;
    for (char c : s) escaped = !escaped && c == '\\';
    return escaped;
  }

  const FieldReader& state_;
  QueryLanguage language_;
};

}  // namespace

void load_choice(LoadContext&, const FieldReader& r, QueryLanguage language, ChoiceState& out) {
  if (r.has("Default")) out.default_state = r.non_empty_string("Default");
  if (!r.require("Choices")) return;
  const Member* m = r.member("Choices");
  if (!m->value.is_sequence()) {
    r.type_error(*m, "an array of choice rules");
    return;
  }
  if (m->value.items.empty()) r.error(m->value.loc, "\"Choices\" must hold at least one rule");
  RuleLoader loader(r, language);
  for (const auto& item : m->value.items) out.choices.push_back(loader.load(item, true));
}

}  // namespace flowcost::model::asl
