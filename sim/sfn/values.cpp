#include "sim/sfn/values.h"

#include <cmath>
#include <cstdio>

#include "model/errors.h"
#include "sim/random.h"

namespace flowcost::sim::sfn {

std::uint32_t ValueCompiler::event_slot(std::size_t scenario_index) {
  for (std::size_t i = 0; i < plan_.event_items.size(); ++i)
    if (plan_.event_items[i] == scenario_index) return static_cast<std::uint32_t>(i);
  plan_.event_items.push_back(static_cast<std::uint32_t>(scenario_index));
  return static_cast<std::uint32_t>(plan_.event_items.size() - 1);
}

std::uint32_t ValueCompiler::add_constant(double v) {
  PlanValue pv;
  pv.kind = PlanValue::Kind::constant;
  pv.constant = v;
  plan_.values.push_back(std::move(pv));
  return static_cast<std::uint32_t>(plan_.values.size() - 1);
}

std::uint32_t ValueCompiler::add_execution_payload(std::uint32_t machine) {
  PlanValue pv;
  pv.kind = PlanValue::Kind::execution_payload;
  pv.machine = machine;
  plan_.values.push_back(std::move(pv));
  return static_cast<std::uint32_t>(plan_.values.size() - 1);
}

std::uint32_t ValueCompiler::add(const model::ValueSpec& spec, bool probability) {
  PlanValue pv;
  pv.loc = spec.loc;
  pv.probability = probability;
  switch (spec.kind) {
    case model::ValueSpec::Kind::number:
      pv.kind = PlanValue::Kind::constant;
      pv.constant = spec.number;
      break;
    case model::ValueSpec::Kind::distribution:
      pv.kind = PlanValue::Kind::distribution;
      pv.sampler = Sampler(spec.distribution);
      break;
    case model::ValueSpec::Kind::expression: {
      pv.expression = &spec.expression;
      bool per_event = false;
      for (const auto& name : spec.expression.names())
        if (scenario_values_.event_item_index(name)) per_event = true;
      pv.kind = per_event ? PlanValue::Kind::event_expression : PlanValue::Kind::draw_expression;
      if (per_event) {
        for (const auto& name : spec.expression.names())
          if (auto idx = scenario_values_.event_item_index(name)) event_slot(*idx);
        // A bare item name is read directly (no expression evaluation on the hot path).
        if (auto name = spec.expression.bare_name()) {
          pv.kind = PlanValue::Kind::event_item;
          pv.event_item = event_slot(*scenario_values_.event_item_index(*name));
        }
      }
      break;
    }
  }
  plan_.values.push_back(std::move(pv));
  return static_cast<std::uint32_t>(plan_.values.size() - 1);
}

DrawValues::DrawValues(const Plan& plan, const CompiledScenarioValues& scenario_values, const DrawInputs& inputs)
    : plan_(plan), scenario_values_(scenario_values), inputs_(inputs), seed_(inputs.seed), draw_(inputs.draw) {
  resolved_.assign(plan.values.size(), 0.0);
  item_count_ = plan.event_items.size();
  batch_values_.assign(kEventBatch * item_count_, 0.0);
  for (std::size_t i = 0; i < plan.values.size(); ++i) {
    const PlanValue& v = plan.values[i];
    double x = 0;
    if (v.kind == PlanValue::Kind::constant) {
      x = v.constant;
    } else if (v.kind == PlanValue::Kind::draw_expression) {
      x = v.expression->evaluate([&](std::string_view name) {
        auto it = inputs.values.find(name);
        if (it == inputs.values.end()) throw model::InternalError("no value for \"" + std::string(name) + "\" in the draw");
        return it->second;
      });
      if (!std::isfinite(x))
        throw model::InputError(v.loc, "\"" + v.expression->text() + "\" is not a finite number in draw " +
                                           std::to_string(inputs.draw));
    } else {
      continue;
    }
    if (v.probability && !(x >= 0 && x <= 1)) {
      char buf[64];
      std::snprintf(buf, sizeof buf, "%.6g", x);
      throw model::InputError(v.loc, "probability " + (v.expression ? "\"" + v.expression->text() + "\" " : std::string()) +
                                         "is " + buf + " in draw " + std::to_string(inputs.draw) +
                                         "; a probability must be in [0, 1]");
    }
    resolved_[i] = x;
  }
}

void DrawValues::draw_batch(std::uint64_t first) {
  batch_first_ = first;
  WorkloadVariates workload(seed_, draw_, scenario_values_.workload_items());
  for (std::uint64_t b = 0; b < kEventBatch; ++b) {
    double* row = batch_values_.data() + b * item_count_;
    for (std::size_t i = 0; i < item_count_; ++i)
      row[i] = scenario_values_.event_value(plan_.event_items[i], workload, first + b);
  }
}

double DrawValues::evaluate_event_expression(const PlanValue& v) const {
  return v.expression->evaluate([&](std::string_view name) -> double {
    if (auto idx = scenario_values_.event_item_index(name)) {
      for (std::size_t i = 0; i < plan_.event_items.size(); ++i)
        if (plan_.event_items[i] == *idx) return event_value(static_cast<std::uint32_t>(i));
    }
    auto it = inputs_.values.find(name);
    if (it == inputs_.values.end()) throw model::InternalError("no value for \"" + std::string(name) + "\"");
    return it->second;
  });
}

void DrawValues::distribution_without_stream() {
  throw model::InternalError("a distribution read without a random stream");
}

}  // namespace flowcost::sim::sfn
