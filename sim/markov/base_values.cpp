#include "sim/markov/base_values.h"

#include <algorithm>
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

double mean_count_of(const Sampler& sampler) {
  const model::DistributionSpec& spec = sampler.spec();
  const auto count = [](double x) { return std::max(0.0, std::round(x)); };
  if (spec.kind == model::DistributionKind::discrete && spec.labels.empty() && !spec.lower && !spec.upper) {
    double sum = 0;
    for (std::size_t i = 0; i < spec.values.size(); ++i) sum += spec.weights[i] * count(spec.values[i]);
    return sum;
  }
  if (sampler.is_constant()) return count(*sampler.mean());
  if (spec.kind == model::DistributionKind::uniform && !spec.lower && !spec.upper && spec.b > spec.a &&
      spec.b - spec.a <= 1e6) {
    // Each whole k takes the share of [a, b] that rounds to it, [k - 1/2, k + 1/2) (round half away from
    // zero: the boundaries have probability 0).
    double sum = 0;
    for (double k = std::round(spec.a); k <= std::round(spec.b); ++k) {
      const double from = std::max(spec.a, k - 0.5), to = std::min(spec.b, k + 0.5);
      if (to > from) sum += count(k) * (to - from);
    }
    return sum / (spec.b - spec.a);
  }
  Stream stream(0, 0, 0, site_key("markov:count"));
  double sum = 0;
  for (std::uint64_t i = 0; i < kMeanSamples; ++i) sum += count(sampler.sample(stream));
  return sum / static_cast<double>(kMeanSamples);
}

double mean_count(const sfn::Plan& plan, std::uint32_t value, double base) {
  const CompiledValue& v = plan.values[value];
  if (v.kind == CompiledValue::Kind::distribution) return mean_count_of(v.sampler);
  if (v.kind == CompiledValue::Kind::event_name) return mean_count_of(plan.values.event_names[v.event_name].sampler);
  return std::max(0.0, std::round(base));
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
