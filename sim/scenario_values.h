#pragma once
// The scenario's inputs and workload compiled once for simulation: samplers for uncertain inputs (one
// value per outer draw) and for per-event workload items (one value per event, the same in every design).
//
// Random streams (common random numbers):
// - input NAME in draw d:           first variate of Stream(seed, d, kInputSample, site_key(NAME))
// - per-event item NAME, event s:   slot (s mod g) x n + j of SiteVariates(seed, d, s / g, kWorkloadSite),
//                                   where j is NAME's position among the workload's n items in file order
//                                   (numbers and expressions count too, so turning one item into a constant
//                                   with --set moves no other item) and g = max(1, 4 / n) consecutive events
//                                   share one group: its first Philox block holds their 4 words (one
//                                   block per 4 events with one item, per 2 events with two).
// Every design that asks for the same item of the same event gets the same value.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/scenario/scenario.h"
#include "sim/execution.h"
#include "sim/random.h"
#include "sim/sampler.h"

namespace flowcost::sim {

inline constexpr std::uint64_t kWorkloadSite = site_key("workload");

// The workload variates of a run of events (the mapping above), computing each group's Philox block once
// however many of its events ask.
class WorkloadVariates {
 public:
  WorkloadVariates(std::uint64_t seed, std::uint64_t draw, unsigned items)
      : seed_(seed), draw_(draw), items_(items), group_shift_(items == 1 ? 2 : items == 2 ? 1 : 0) {}
  // The variates of event `sample`'s group and the slot of its item `item` (0-based, file order).
  SiteVariates& group(std::uint64_t sample) {
    const std::uint64_t g = sample >> group_shift_;
    if (g != group_ || !variates_) {
      variates_.emplace(seed_, draw_, g, kWorkloadSite);
      group_ = g;
    }
    return *variates_;
  }
  unsigned slot(std::uint64_t sample, unsigned item) const {
    return static_cast<unsigned>(sample & ((std::uint64_t{1} << group_shift_) - 1)) * items_ + item;
  }

 private:
  std::uint64_t seed_, draw_;
  unsigned items_;
  unsigned group_shift_;  // log2 of g (g = 4 / n is 4, 2 or 1)
  std::uint64_t group_ = 0;
  std::optional<SiteVariates> variates_;
};

struct EventItem {
  std::string name;
  unsigned slot = 0;  // position among the workload items (slot of the kWorkloadSite variates)
  Sampler sampler;
};

class CompiledScenarioValues {
 public:
  explicit CompiledScenarioValues(const model::Scenario& scenario);

  // The values of outer draw `draw`: every input in file order (number, expression over earlier inputs, or
  // a variate of its distribution), then `events_per_month` and every per-draw workload item. Throws
  // model::InputError (at the value's position) when a value is not finite or events_per_month < 0.
  DrawInputs draw_inputs(std::uint64_t seed, std::uint64_t draw) const;

  // Per-event workload items (the workload entries that are distributions), in file order.
  const std::vector<EventItem>& event_items() const { return event_items_; }
  const EventItem* find_event_item(std::string_view name) const;
  std::optional<std::size_t> event_item_index(std::string_view name) const;
  // The item's value for event `sample` (see the stream mapping above).
  double event_value(std::size_t index, WorkloadVariates& workload, std::uint64_t sample) const {
    const EventItem& item = event_items_[index];
    SlotEngine engine(workload.group(sample), workload.slot(sample, item.slot));
    return item.sampler.sample(engine);
  }
  // The workload's number of items (n in the mapping above), for WorkloadVariates.
  unsigned workload_items() const { return workload_items_; }
  // The same for event `sample` of draw `draw`.
  double event_value(std::size_t index, std::uint64_t seed, std::uint64_t draw, std::uint64_t sample) const;

 private:
  struct Compiled {
    std::string name;
    model::ValueSpec value;  // a copy: the compiled values do not refer to the Scenario
    std::optional<Sampler> sampler;  // uncertain inputs
    std::uint64_t site = 0;
  };
  std::vector<Compiled> inputs_;
  model::ValueSpec events_per_month_;
  std::vector<Compiled> draw_items_;  // per-draw workload items (numbers, expressions)
  std::vector<EventItem> event_items_;
  unsigned workload_items_ = 0;
};

using CompiledWorkload = CompiledScenarioValues;

}  // namespace flowcost::sim
