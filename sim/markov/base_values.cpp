#include "sim/markov/base_values.h"

#include <cmath>
#include <string>

#include "model/errors.h"
#include "sim/random.h"

namespace flowcost::sim::markov {

namespace {

double lookup(const DrawInputs& inputs, std::string_view name) {
  auto it = inputs.values.find(name);
  if (it == inputs.values.end()) throw model::InternalError("no base value for \"" + std::string(name) + "\"");
  return it->second;
}

double value_at_base(const model::ValueSpec& spec, const DrawInputs& inputs) {
  switch (spec.kind) {
    case model::ValueSpec::Kind::number: return spec.number;
    case model::ValueSpec::Kind::expression:
      return spec.expression.evaluate([&](std::string_view name) { return lookup(inputs, name); });
    case model::ValueSpec::Kind::distribution:
      return mean_of(Sampler(spec.distribution).resolved([&](std::string_view name) { return lookup(inputs, name); },
                                                         kAtBaseInputs));
  }
  return 0;
}

}  // namespace

double mean_of(const Sampler& sampler) {
  if (auto m = sampler.mean()) return *m;
  Stream stream(0, 0, 0, site_key("markov:mean"));
  double sum = 0;
  for (std::uint64_t i = 0; i < kMeanSamples; ++i) sum += sampler.sample(stream);
  return sum / static_cast<double>(kMeanSamples);
}

DrawInputs base_inputs(const model::Scenario& scenario) {
  DrawInputs out;
  for (const auto& in : scenario.inputs) out.values[in.name] = value_at_base(in.value, out);
  out.values["events_per_month"] = value_at_base(scenario.workload.events_per_month, out);
  for (const auto& item : scenario.workload.items)
    if (item.value.kind != model::ValueSpec::Kind::distribution) out.values[item.name] = value_at_base(item.value, out);
  return out;
}

std::vector<double> base_values(const sfn::Plan& plan, const CompiledScenarioValues& scenario_values,
                                const DrawInputs& inputs) {
  // Per-event workload items at their means, by name, next to the draw's values.
  DrawInputs all = inputs;
  for (const auto& item : scenario_values.event_items())
    all.values[item.name] =
        mean_of(item.sampler.resolved([&](std::string_view name) { return lookup(inputs, name); }, kAtBaseInputs));
  std::vector<double> out(plan.values.size(), 0.0);
  for (std::size_t i = 0; i < plan.values.size(); ++i) {
    const CompiledValue& v = plan.values[i];
    switch (v.kind) {
      case CompiledValue::Kind::constant: out[i] = v.constant; break;
      case CompiledValue::Kind::draw_expression:
      case CompiledValue::Kind::event_expression:
        out[i] = v.expression->evaluate([&](std::string_view name) { return lookup(all, name); });
        break;
      case CompiledValue::Kind::event_name: out[i] = mean_of(plan.values.event_names[v.event_name].sampler); break;
      case CompiledValue::Kind::execution_payload: {
        const std::uint32_t payload = plan.machines[v.machine].payload;
        if (payload >= i) throw model::InternalError("an execution's payload compiled after its uses");
        out[i] = out[payload];
        break;
      }
      case CompiledValue::Kind::distribution: out[i] = mean_of(v.sampler); break;
    }
    if (!std::isfinite(out[i]))
      throw model::InputError(v.loc, "the value is not a finite number at the base inputs");
  }
  return out;
}

}  // namespace flowcost::sim::markov
