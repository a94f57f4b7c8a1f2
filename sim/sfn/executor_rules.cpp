// Choice states: weights, or rules evaluated on the sampled input fields (sim/sfn/choice_rules.h;
// docs/sources.md#asl-states "Choice").
#include "sim/sfn/choice_rules.h"
#include "sim/sfn/executor.h"
#include "sim/sfn/slots.h"

namespace flowcost::sim::sfn {

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
    const auto value = [this](std::uint32_t field) { return input_value(field); };
    for (std::uint32_t i = 0; i < c.rules_count; ++i) {
      const std::uint32_t r = plan_.rule_children[c.rules_first + i];
      if (rule_matches(plan_, r, value)) {
        next = plan_.rules[r].next;
        break;
      }
    }
  }
  no_match = next == kNone;
  return next;
}

}  // namespace flowcost::sim::sfn
