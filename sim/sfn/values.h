#pragma once
// Numbers of a Step Functions design: compiled once (ValueCompiler), resolved per draw and read per
// event (DrawValues) with no allocation and no string on the hot path.
//
// Streams (common random numbers, DESIGN.md "Determinism"):
// - a per-event workload item NAME:   CompiledScenarioValues::event_value (site_key(NAME)), once per event;
// - a distribution written in a field: Stream(seed, draw, sample, site_key(site_key(FIELD NAME), occurrence))
//   where FIELD NAME is e.g. "task:Validate:duration" and occurrence combines the enclosing Map item /
//   Parallel branch, the state's visit number and the attempt number.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "model/scenario/scenario.h"
#include "model/scenario/values.h"
#include "sim/execution.h"
#include "sim/scenario_values.h"
#include "sim/sfn/plan.h"
#include "sim/sfn/site_memo.h"

namespace flowcost::sim::sfn {

class ValueCompiler {
 public:
  ValueCompiler(const CompiledScenarioValues& scenario_values, Plan& plan)
      : scenario_values_(scenario_values), plan_(plan) {}

  // `site_name` is the stable name of the field ("task:Validate:duration"), used when it is a distribution.
  std::uint32_t add(const model::ValueSpec& spec, std::string_view site_name, bool probability = false);
  std::uint32_t add_constant(double v);

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

  // Samples the event's workload items (once per execution).
  void start_event(std::uint64_t sample);
  // The value for one use; `occurrence` identifies the use (see above).
  double get(std::uint32_t value, std::uint64_t occurrence);
  double resolved(std::uint32_t value) const { return resolved_[value]; }
  std::uint64_t seed() const { return seed_; }
  std::uint64_t draw() const { return draw_; }
  std::uint64_t sample() const { return sample_; }

 private:
  double evaluate_event_expression(const PlanValue& v) const;

  const Plan& plan_;
  const CompiledScenarioValues& scenario_values_;
  const DrawInputs& inputs_;
  std::uint64_t seed_ = 0, draw_ = 0, sample_ = 0;
  std::vector<double> resolved_;      // per value: constants and per-draw values
  std::vector<double> event_values_;  // per Plan::event_items entry
  std::vector<SiteMemo> memo_;        // per value (distributions)
};

}  // namespace flowcost::sim::sfn
