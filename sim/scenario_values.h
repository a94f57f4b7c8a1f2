#pragma once
// The scenario's inputs and workload compiled once for simulation: samplers for uncertain inputs (one
// value per outer draw) and for per-event workload items (one value per event, the same in every design).
//
// Random streams (common random numbers), keyed by stable hashes of names, never by position:
// - input NAME in draw d:           first variate of Stream(seed, d, kInputSample, site_key(NAME))
// - per-event item NAME, event s:   slot (s mod 4) of SiteVariates(seed, d, s / 4, workload_site(NAME)):
//                                   word s mod 4 of that stream's first Philox block, continuing (when its
//                                   sampler needs more than one word) in lane (s mod 4) + 1. Four
//                                   consecutive events share one block of each item.
// Adding, removing or reordering other workload items (or turning one into a constant with --set) moves
// no item's numbers. Every design that asks for the same item of the same event gets the same value,
// whatever its kind (Step Functions or IoT rules).
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

// A number, or an expression over the draw's scalar values (inputs, events_per_month, per-draw workload
// items); a distribution or a name without a per-draw value is an internal error (the loader refuses them).
double per_draw_value(const model::ValueSpec& value, const DrawInputs& inputs);

// `sampler` with its parameters at the values of draw `inputs.draw` (Sampler::resolved; "in draw N" in
// its messages): for distributions whose parameters name inputs, once per draw, never per event.
Sampler resolve_for_draw(const Sampler& sampler, const DrawInputs& inputs);

// The site of per-event workload item `name`: site_key("workload:" + name).
inline std::uint64_t workload_site(std::string_view name) { return site_key("workload:" + std::string(name)); }

// Events per Philox block of one workload item (the s / 4 and s mod 4 of the mapping above).
inline constexpr unsigned kEventsPerWorkloadBlock = 4;

// The variates of one workload item over a run of events, computing each block once however many of its
// events ask.
class ItemVariates {
 public:
  ItemVariates(std::uint64_t seed, std::uint64_t draw, std::uint64_t site) : seed_(seed), draw_(draw), site_(site) {}
  // The stream of event `sample`'s variate.
  Stream stream(std::uint64_t sample) {
    const std::uint64_t group = sample / kEventsPerWorkloadBlock;
    if (group != group_ || !variates_) {
      variates_.emplace(seed_, draw_, group, site_);
      group_ = group;
    }
    return variates_->stream(static_cast<unsigned>(sample % kEventsPerWorkloadBlock));
  }

 private:
  std::uint64_t seed_, draw_, site_;
  std::uint64_t group_ = 0;
  std::optional<SiteVariates> variates_;
};

struct EventItem {
  std::string name;
  std::uint64_t site = 0;  // workload_site(name)
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
  // The item's value for event `sample` (see the stream mapping above); `variates` are the item's.
  double event_value(std::size_t index, ItemVariates& variates, std::uint64_t sample) const {
    Stream stream = variates.stream(sample);
    return event_items_[index].sampler.sample(stream);
  }
  // The same for event `sample` of draw `draw` (items whose parameters are literals; DrawValues resolves
  // the others per draw).
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
