#pragma once
// A Choice rule of a Plan evaluated on the input fields' current values (docs/sources.md#asl-states "Choice"):
// a type mismatch is false, numbers compare as binary64, strings code unit by code unit, timestamps as
// instants. Shared by the executor (each visit) and the analytic engine (sim/markov: each input combination),
// so both take the same branch for the same inputs.
#include <cmath>
#include <cstdint>
#include <string>

#include "model/asl/state_machine.h"
#include "model/asl/string_matches.h"
#include "sim/sfn/plan.h"

namespace flowcost::sim::sfn {

namespace choice_detail {

template <class T>
bool compare(model::asl::ChoiceOp op, const T& a, const T& b) {
  using model::asl::ChoiceOp;
  switch (op) {
    case ChoiceOp::numeric_equals:
    case ChoiceOp::string_equals:
    case ChoiceOp::timestamp_equals: return a == b;
    case ChoiceOp::numeric_less_than:
    case ChoiceOp::string_less_than:
    case ChoiceOp::timestamp_less_than: return a < b;
    case ChoiceOp::numeric_greater_than:
    case ChoiceOp::string_greater_than:
    case ChoiceOp::timestamp_greater_than: return a > b;
    case ChoiceOp::numeric_less_than_equals:
    case ChoiceOp::string_less_than_equals:
    case ChoiceOp::timestamp_less_than_equals: return a <= b;
    case ChoiceOp::numeric_greater_than_equals:
    case ChoiceOp::string_greater_than_equals:
    case ChoiceOp::timestamp_greater_than_equals: return a >= b;
    default: return false;
  }
}

// The label a string field holds (its value is the label's index), or nullptr for a numeric field or an
// index out of range.
inline const std::string* label_of(const PlanInputField& f, double x) {
  if (!f.label || !(x >= 0) || x >= static_cast<double>(f.labels.size())) return nullptr;
  return &f.labels[static_cast<std::size_t>(x)];
}

// The instant (seconds since the epoch) a string field's label names, or NaN when it is not an RFC 3339
// timestamp (or the field is numeric).
inline double instant_of(const PlanInputField& f, double x) {
  if (!label_of(f, x)) return std::nan("");
  return f.label_epoch_s[static_cast<std::size_t>(x)];
}

}  // namespace choice_detail

template <class Value>
bool rule_matches(const Plan& plan, std::uint32_t index, const Value& value);

namespace choice_detail {

// Every rule but the simple ones (rule_matches tells those at once, inline).
template <class Value>
[[gnu::noinline]] bool general_rule_matches(const Plan& plan, const PlanRule& r, const Value& value) {
  using model::asl::ChoiceOp;
  auto child = [&](std::uint32_t i) { return rule_matches(plan, plan.rule_children[r.children_first + i], value); };
  switch (r.op) {
    case ChoiceOp::and_:
      for (std::uint32_t i = 0; i < r.children_count; ++i)
        if (!child(i)) return false;
      return true;
    case ChoiceOp::or_:
      for (std::uint32_t i = 0; i < r.children_count; ++i)
        if (child(i)) return true;
      return false;
    case ChoiceOp::not_: return r.children_count == 1 && !child(0);
    case ChoiceOp::is_present: return r.field != kNone;
    case ChoiceOp::is_null:
    case ChoiceOp::is_boolean: return false;
    default: break;
  }
  if (r.field == kNone) return false;
  const PlanInputField& f = plan.inputs[r.field];
  const double x = value(r.field);
  switch (r.op) {
    case ChoiceOp::is_numeric: return !f.label;
    case ChoiceOp::is_string: return f.label;
    case ChoiceOp::is_timestamp: return !std::isnan(choice_detail::instant_of(f, x));
    case ChoiceOp::boolean_equals:  // a numeric field (e.g. Bernoulli) reads as a boolean: non-zero = true
      return !f.label && r.has_boolean && (x != 0) == r.boolean;
    case ChoiceOp::numeric_equals:
    case ChoiceOp::numeric_less_than:
    case ChoiceOp::numeric_greater_than:
    case ChoiceOp::numeric_less_than_equals:
    case ChoiceOp::numeric_greater_than_equals: {
      if (f.label) return false;
      if (r.other_field != kNone) return !plan.inputs[r.other_field].label && compare(r.op, x, value(r.other_field));
      return r.has_number && compare(r.op, x, r.number);
    }
    case ChoiceOp::string_equals:
    case ChoiceOp::string_less_than:
    case ChoiceOp::string_greater_than:
    case ChoiceOp::string_less_than_equals:
    case ChoiceOp::string_greater_than_equals: {
      const std::string* a = choice_detail::label_of(f, x);
      if (!a) return false;
      if (r.other_field != kNone) {
        const std::string* b = choice_detail::label_of(plan.inputs[r.other_field], value(r.other_field));
        return b && compare(r.op, *a, *b);
      }
      return r.has_text && compare(r.op, *a, r.text);
    }
    case ChoiceOp::string_matches: {
      const std::string* a = choice_detail::label_of(f, x);
      return a && r.has_text && model::asl::string_matches(r.text, *a);
    }
    case ChoiceOp::timestamp_equals:
    case ChoiceOp::timestamp_less_than:
    case ChoiceOp::timestamp_greater_than:
    case ChoiceOp::timestamp_less_than_equals:
    case ChoiceOp::timestamp_greater_than_equals: {
      const double a = choice_detail::instant_of(f, x);
      const double b = r.other_field != kNone ? choice_detail::instant_of(plan.inputs[r.other_field], value(r.other_field))
                                              : r.has_number ? r.number : std::nan("");
      return !std::isnan(a) && !std::isnan(b) && compare(r.op, a, b);
    }
    default: return false;
  }
}

}  // namespace choice_detail

// Does rule `index` of `plan` match? `value(field)` gives input field `field`'s value in this execution (a
// number, or a label's index for a string field).
template <class Value>
inline bool rule_matches(const Plan& plan, std::uint32_t index, const Value& value) {
  const PlanRule& r = plan.rules[index];
  if (r.simple_numeric) return choice_detail::compare(r.op, value(r.field), r.number);
  if (r.simple_boolean) return (value(r.field) != 0) == r.boolean;
  return choice_detail::general_rule_matches(plan, r, value);
}

}  // namespace flowcost::sim::sfn
