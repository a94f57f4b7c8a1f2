#pragma once
// Numbers of a Step Functions design: compiled once (ValueCompiler), resolved per draw and read per
// event (DrawValues) with no allocation and no string on the hot path.
//
// Streams (common random numbers, docs/scenario-format.md "Random streams"; slots as in sim/random.h):
// - a per-event workload item: CompiledScenarioValues::event_value (the kWorkloadSite slots), once per event;
// - a distribution written in a field: drawn from a slot of the place that uses it, e.g. the Task attempt
//   (site = the state's name, enclosing Map item / Parallel branch, visit and attempt combined; slots in
//   sim/sfn/slots.h), so that every design with the same state draws the same variate for the same event;
// - the design's payload: once per execution (slot kSlotPayload of the execution's site); every use in
//   that execution (trigger, Express memory, default call sizes) reads the same number.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "model/scenario/scenario.h"
#include "model/scenario/values.h"
#include "sim/execution.h"
#include "sim/random.h"
#include "sim/scenario_values.h"
#include "sim/sfn/plan.h"

namespace flowcost::sim::sfn {

class ValueCompiler {
 public:
  ValueCompiler(const CompiledScenarioValues& scenario_values, Plan& plan)
      : scenario_values_(scenario_values), plan_(plan) {}

  std::uint32_t add(const model::ValueSpec& spec, bool probability = false);
  std::uint32_t add_constant(double v);
  // The payload of the current execution of `machine` (PlanValue::Kind::execution_payload).
  std::uint32_t add_execution_payload(std::uint32_t machine);

 private:
  std::uint32_t event_slot(std::size_t scenario_index);
  const CompiledScenarioValues& scenario_values_;
  Plan& plan_;
};

class DrawValues {
 public:
  // Resolves constants and per-draw expressions; a probability outside [0, 1] or a non-finite value is an
  // InputError at the value's position.
  DrawValues(const Plan& plan, const CompiledScenarioValues& scenario_values, const DrawInputs& inputs);

  // Starts event `sample`. Its workload items are drawn for kEventBatch consecutive events at a time:
  // the draws of different events do not depend on each other, so the processor overlaps their Philox
  // blocks and samplers instead of waiting for each in turn. Every value depends only on (seed, draw,
  // sample, slot), so the batching changes no number.
  void start_event(std::uint64_t sample) {
    sample_ = sample;
    if (item_count_ == 0) return;
    if (sample - batch_first_ >= kEventBatch) draw_batch(sample);
    row_ = batch_values_.data() + (sample - batch_first_) * item_count_;
  }
  static constexpr std::uint64_t kEventBatch = 8;
  // The value for one use: constants, per-draw and per-event values as they are; a distribution draws its
  // variate from slot `slot` of `variates`.
  double get(std::uint32_t value, SiteVariates& variates, unsigned slot) {
    if (plan_.values[value].kind != PlanValue::Kind::distribution) return get(value);
    return draw(value, variates, slot);
  }
  // A value that is not a distribution (probabilities, weights, names): InternalError for a distribution.
  double get(std::uint32_t value) const {
    const PlanValue& v = plan_.values[value];
    switch (v.kind) {
      case PlanValue::Kind::constant:
      case PlanValue::Kind::draw_expression: return resolved_[value];
      case PlanValue::Kind::event_item: return event_value(v.event_item);
      case PlanValue::Kind::execution_payload: return payload_;
      case PlanValue::Kind::event_expression: return evaluate_event_expression(v);
      case PlanValue::Kind::distribution: break;
    }
    distribution_without_stream();
  }
  double resolved(std::uint32_t value) const { return resolved_[value]; }
  bool is_distribution(std::uint32_t value) const { return plan_.values[value].kind == PlanValue::Kind::distribution; }
  // A constant or a per-draw expression: resolved() holds its number for the whole draw.
  bool fixed_for_draw(std::uint32_t value) const {
    const PlanValue::Kind k = plan_.values[value].kind;
    return k == PlanValue::Kind::constant || k == PlanValue::Kind::draw_expression;
  }
  // The payload of the execution being simulated (see ValueCompiler::add_execution_payload).
  double payload() const { return payload_; }
  void set_payload(double bytes) { payload_ = bytes; }
  // The place's slots for this event.
  SiteVariates variates(std::uint64_t site) const { return SiteVariates(seed_, draw_, sample_, site); }
  std::uint64_t seed() const { return seed_; }
  std::uint64_t draw() const { return draw_; }
  std::uint64_t sample() const { return sample_; }

 private:
  double evaluate_event_expression(const PlanValue& v) const;
  // Plan::event_items entry i for the current event.
  double event_value(std::uint32_t i) const { return row_[i]; }
  void draw_batch(std::uint64_t first);
  [[noreturn]] static void distribution_without_stream();
  [[gnu::noinline]] double draw(std::uint32_t value, SiteVariates& variates, unsigned slot) const {
    SlotEngine engine(variates, slot);
    return plan_.values[value].sampler.sample(engine);
  }

  const Plan& plan_;
  const CompiledScenarioValues& scenario_values_;
  const DrawInputs& inputs_;
  std::uint64_t seed_ = 0, draw_ = 0, sample_ = 0;
  double payload_ = 0;
  std::vector<double> resolved_;      // per value: constants and per-draw values
  // Workload items of events [batch_first_, batch_first_ + kEventBatch), event-major (see start_event).
  std::size_t item_count_ = 0;                 // Plan::event_items.size()
  std::uint64_t batch_first_ = ~std::uint64_t{0} - kEventBatch;  // no batch yet
  std::vector<double> batch_values_;
  const double* row_ = nullptr;                // the current event's items
};

}  // namespace flowcost::sim::sfn
