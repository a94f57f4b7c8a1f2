#pragma once
// When a Distributed Map Run fails (docs/sources.md#asl-states): AWS compares its tolerated failure count
// or percentage with the failed ITEMS, and a failed child execution fails every item of its batch
// (ItemBatcher), so one rule for the simulator (sim/sfn/executor_map.cpp) and the analytic engine
// (sim/markov/state_outcomes.cpp).
#include "sim/sfn/plan.h"

namespace flowcost::sim::sfn {

// Whether `failed_items` failed items of `items` fail the Map Run: past the tolerated count or percentage
// (either, when both are set); with neither set, any failure.
inline bool exceeds_tolerated_failures(const PlanMap& m, double failed_items, double items) {
  const bool has_count = m.tolerated_count >= 0, has_pct = m.tolerated_percentage >= 0;
  if (!has_count && !has_pct) return failed_items > 0;
  if (has_count && failed_items > m.tolerated_count) return true;
  return has_pct && failed_items * 100 > m.tolerated_percentage * items;
}

// The items of child execution `j` of `children` when `items` are cut into batches of `batch_size`: a full
// batch, or the rest for the last child.
inline double items_of_child(std::uint64_t j, std::uint64_t children, double items, double batch_size) {
  return j + 1 < children ? batch_size : items - static_cast<double>(children - 1) * batch_size;
}

}  // namespace flowcost::sim::sfn
