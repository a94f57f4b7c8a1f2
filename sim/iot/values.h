#pragma once
// How an IoT rules design reads its numbers: every value of the design (payload, sizes, durations,
// probabilities) is compiled once into a ValueRef, then read per draw or per message with no string and
// no allocation on the hot path.
// - Names are scenario inputs and workload scalars (per draw, from DrawInputs::values), or per-message
//   distributions, each sampled once per message: a workload item from its slot of the message's
//   kWorkloadSite variates (sim/scenario_values.h, as every design kind does), a design `fields` entry
//   from the stream (seed, draw, sample, site_key(name)). Every design sees the same value for the same
//   message.
// - An unnamed distribution written in place is sampled from the caller's stream (the action's own).
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "model/expression.h"
#include "model/scenario/scenario.h"
#include "model/scenario/values.h"
#include "sim/execution.h"
#include "sim/sampler.h"
#include "sim/scenario_values.h"

namespace flowcost::sim::iot {

struct NamedSlot {
  std::string name;
  bool per_message = false;
  Sampler sampler;         // per_message: the distribution
  std::uint64_t site = 0;  // per_message field: site_key(name)
  std::optional<unsigned> workload_slot;  // per_message workload item: its slot (sim/scenario_values.h)
  // Per draw, used when DrawInputs lacks the name: a constant known at load time, or the workload item's
  // expression over the draw's values.
  std::optional<double> fixed;
  const model::Expression* expression = nullptr;
};

struct ValueRef {
  enum class Kind { constant, slot, draw_expression, message_expression, distribution } kind = Kind::constant;
  double constant = 0;
  std::uint32_t slot = 0;              // kind == slot
  const model::Expression* expression = nullptr;  // owned by ValueTable
  std::vector<std::uint32_t> name_slots;          // expression names -> slots (same order as names())
  Sampler sampler;                     // kind == distribution
  std::uint32_t draw_index = 0;        // kind == draw_expression: index into DrawValues::resolved
  model::SourceLocation loc;
  bool probability = false;
};

class ValueTable {
 public:
  ValueTable(const model::Scenario& scenario, const std::vector<std::pair<std::string, model::DistributionSpec>>& fields);

  // Compiles a value of the design; names must resolve (checked by the loader).
  ValueRef compile(const model::ValueSpec& spec, bool probability = false);
  ValueRef constant(double v) const;

  const std::vector<NamedSlot>& slots() const { return slots_; }
  std::size_t workload_item_count() const { return workload_items_.size(); }
  std::size_t draw_expression_count() const { return draw_exprs_.size(); }
  const ValueRef& draw_expression(std::size_t i) const { return *draw_exprs_[i]; }

 private:
  std::uint32_t slot_of(const std::string& name);

  std::vector<model::InputSpec> inputs_;          // copies: the table outlives the Scenario
  std::vector<model::InputSpec> workload_items_;
  std::vector<std::pair<std::string, model::DistributionSpec>> fields_;
  std::vector<NamedSlot> slots_;
  std::vector<std::unique_ptr<model::Expression>> expressions_;
  std::vector<std::unique_ptr<ValueRef>> draw_exprs_;  // copies of draw-level expression refs
};

// The per-draw state of a ValueTable: slot values and resolved per-draw expressions.
class DrawValues {
 public:
  // Fills per-draw slots from `inputs` and evaluates per-draw expressions; a probability outside [0, 1]
  // is an InputError at the value's position.
  DrawValues(const ValueTable& table, const DrawInputs& inputs);

  // Samples every per-message slot for event `sample`.
  void start_message(std::uint64_t sample);
  double get(const ValueRef& v, Stream& stream) const;
  double slot(std::uint32_t i) const { return slots_[i]; }

 private:
  double evaluate(const ValueRef& v) const;

  const ValueTable& table_;
  std::uint64_t seed_, draw_;
  WorkloadVariates workload_;
  std::vector<double> slots_;
  std::vector<double> resolved_;
};

}  // namespace flowcost::sim::iot
