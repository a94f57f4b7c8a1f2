// Choice states: weights, and rules evaluated on the sampled input fields (docs/sources.md#asl-states "Choice"): a
// type mismatch is
// false, numbers compare as binary64, strings code unit by code unit.
#include "sim/sfn/executor.h"
#include "sim/sfn/slots.h"

namespace flowcost::sim::sfn {

namespace {

using model::asl::ChoiceOp;

template <class T>
bool compare(ChoiceOp op, const T& a, const T& b) {
  switch (op) {
    case ChoiceOp::numeric_equals:
    case ChoiceOp::string_equals: return a == b;
    case ChoiceOp::numeric_less_than:
    case ChoiceOp::string_less_than: return a < b;
    case ChoiceOp::numeric_greater_than:
    case ChoiceOp::string_greater_than: return a > b;
    case ChoiceOp::numeric_less_than_equals:
    case ChoiceOp::string_less_than_equals: return a <= b;
    case ChoiceOp::numeric_greater_than_equals:
    case ChoiceOp::string_greater_than_equals: return a >= b;
    default: return false;
  }
}

}  // namespace

bool Executor::evaluate_rule(std::uint32_t index) const {
  const PlanRule& r = plan_.rules[index];
  if (r.simple_numeric) return compare(r.op, input_value(r.field), r.number);
  auto child = [&](std::uint32_t i) { return evaluate_rule(plan_.rule_children[r.children_first + i]); };
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
    case ChoiceOp::is_boolean:
    case ChoiceOp::is_timestamp: return false;
    default: break;
  }
  if (r.field == kNone) return false;
  const PlanInputField& f = plan_.inputs[r.field];
  const double x = input_value(r.field);
  switch (r.op) {
    case ChoiceOp::is_numeric: return !f.label;
    case ChoiceOp::is_string: return f.label;
    case ChoiceOp::boolean_equals:  // a numeric field (e.g. Bernoulli) reads as a boolean: non-zero = true
      return !f.label && r.has_boolean && (x != 0) == r.boolean;
    case ChoiceOp::numeric_equals:
    case ChoiceOp::numeric_less_than:
    case ChoiceOp::numeric_greater_than:
    case ChoiceOp::numeric_less_than_equals:
    case ChoiceOp::numeric_greater_than_equals: {
      if (f.label) return false;
      double y = r.number;
      if (r.other_field != kNone) {
        if (plan_.inputs[r.other_field].label) return false;
        y = input_value(r.other_field);
      } else if (!r.has_number) {
        return false;
      }
      return compare(r.op, x, y);
    }
    case ChoiceOp::string_equals:
    case ChoiceOp::string_less_than:
    case ChoiceOp::string_greater_than:
    case ChoiceOp::string_less_than_equals:
    case ChoiceOp::string_greater_than_equals: {
      if (!f.label || x < 0 || x >= static_cast<double>(f.labels.size())) return false;
      const std::string& a = f.labels[static_cast<std::size_t>(x)];
      if (r.other_field != kNone) {
        const PlanInputField& g = plan_.inputs[r.other_field];
        const double y = input_value(r.other_field);
        if (!g.label || y < 0 || y >= static_cast<double>(g.labels.size())) return false;
        return compare(r.op, a, g.labels[static_cast<std::size_t>(y)]);
      }
      return r.has_text && compare(r.op, a, r.text);
    }
    default: return false;
  }
}

// A Choice's next state: by its weights (one uniform at the visit's site), or by its rules in order, then
// Default; no_match when nothing matched and there is no Default (States.NoChoiceMatched).
std::uint32_t Executor::choose(const PlanChoice& c, std::uint64_t occurrence, bool& no_match) {
  no_match = false;
  std::uint32_t next = kNone;
  if (c.weighted) {
    const double u = values_.variates(occurrence).uniform01(kSlotChoice);
    next = plan_.choice_weights[c.weights_first + c.weights_count - 1].next;
    for (std::uint32_t i = 0; i < c.weights_count; ++i)
      if (u < choice_cumulative_[c.weights_first + i]) {
        next = plan_.choice_weights[c.weights_first + i].next;
        break;
      }
  } else {
    next = c.default_next;
    for (std::uint32_t i = 0; i < c.rules_count; ++i) {
      const std::uint32_t r = plan_.rule_children[c.rules_first + i];
      const PlanRule& rule = plan_.rules[r];
      if (rule.simple_numeric ? compare(rule.op, input_value(rule.field), rule.number) : evaluate_rule(r)) {
        next = rule.next;
        break;
      }
    }
  }
  no_match = next == kNone;
  return next;
}

}  // namespace flowcost::sim::sfn
