#pragma once
// The scenario's inputs and workload compiled once for simulation: samplers for uncertain inputs (one
// value per outer draw) and for per-event workload items (one value per event, the same in every design).
//
// Random streams (common random numbers):
// - input NAME in draw d:           first variate of Stream(seed, d, kInputSample, site_key(NAME))
// - per-event item NAME, event s:   slot j of SiteVariates(seed, d, s, kWorkloadSite), where j is NAME's
//                                   position among the workload's items in file order (numbers and
//                                   expressions count too, so turning one item into a constant with --set
//                                   moves no other item); four items share one Philox block.
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
  // The item's value for an event, from the event's kWorkloadSite variates (see the stream mapping above).
  double event_value(std::size_t index, SiteVariates& workload) const {
    const EventItem& item = event_items_[index];
    SlotEngine engine(workload, item.slot);
    return item.sampler.sample(engine);
  }
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
};

using CompiledWorkload = CompiledScenarioValues;

}  // namespace flowcost::sim
