// analyze() and analyze_design(): the chain solved per combination of discrete input fields and mixed,
// plus the meters of the execution itself and its trigger (analyze.h).
#include <algorithm>
#include <cmath>
#include <memory>
#include <utility>

#include "model/errors.h"
#include "model/event_meters.h"
#include "model/scenario/scenario.h"
#include "sim/markov/analyze.h"
#include "sim/markov/analyzer.h"
#include "sim/markov/base_values.h"
#include "sim/meter_counts.h"
#include "sim/scenario_values.h"
#include "sim/sfn/compile.h"

namespace flowcost::sim::markov {

namespace {

constexpr std::size_t kMaxCombinations = 4096;

using Support = std::vector<std::pair<double, double>>;  // (value, probability)

// The support of an input field: a single value, or a discrete distribution's; nullopt otherwise.
std::optional<Support> support_of(const sfn::Plan& plan, const std::vector<double>& values, std::uint32_t value) {
  const CompiledValue& v = plan.values[value];
  if (v.kind != CompiledValue::Kind::distribution) return Support{{values[value], 1.0}};
  const model::DistributionSpec& d = v.sampler.spec();
  switch (d.kind) {
    case model::DistributionKind::constant: return Support{{d.a, 1.0}};
    case model::DistributionKind::bernoulli: return Support{{0.0, 1 - d.a}, {1.0, d.a}};
    case model::DistributionKind::discrete: {
      Support s;
      for (std::size_t i = 0; i < d.weights.size(); ++i)
        s.push_back({d.labels.empty() ? d.values[i] : static_cast<double>(i), d.weights[i]});
      return s;
    }
    default: return std::nullopt;
  }
}

void add_weighted(AnalyticResult& total, const AnalyticResult& part, double w, std::vector<double>& attempts) {
  if (total.states.empty()) {
    total.states = part.states;
    for (auto& s : total.states) {
      s.visits = s.transitions = s.p_reach = 0;
      s.meters.clear();
    }
    attempts.assign(part.states.size(), 0);
  }
  for (std::size_t i = 0; i < part.states.size(); ++i) {
    StateExpectation& t = total.states[i];
    const StateExpectation& p = part.states[i];
    t.visits += w * p.visits;
    t.transitions += w * p.transitions;
    t.p_reach += w * p.p_reach;
    attempts[i] += w * p.visits * p.attempts_per_visit;
    for (const auto& [m, q] : p.meters) t.meters[m] += w * q;
  }
  total.p_success += w * part.p_success;
  for (const auto& [e, p] : part.failures) total.failures[e] += w * p;
}

AnalyticResult solve_once(const sfn::Plan& plan, const std::vector<double>& values,
                          const model::MeteringRules& metering, const std::vector<double>* inputs,
                          std::vector<std::string>& notes) {
  detail::Analyzer analyzer(plan, values, metering, inputs);
  const std::uint32_t top = plan.machines[0].top;
  const detail::ScopeSummary summary = analyzer.solve_scope(top);
  AnalyticResult out;
  analyzer.propagate(top, 1.0, 1.0, 0, out);
  out.p_success = summary.p_success;
  for (const auto& [id, p] : summary.failures) out.failures[plan.error_names[id]] += p;
  for (const auto& n : analyzer.notes())
    if (std::find(notes.begin(), notes.end(), n) == notes.end()) notes.push_back(n);
  return out;
}

std::string name_of(Meter m) { return std::string(meter_name(m)); }

void execution_meters(const sfn::Plan& plan, const std::vector<double>& values, const model::MeteringRules& metering,
                      AnalyticResult& out) {
  const sfn::PlanMachine& m = plan.machines[0];
  out.express = m.express;
  for (const auto& s : out.states) {
    out.transitions += s.transitions;
    for (const auto& [meter, q] : s.meters) out.meters[meter] += q;
  }
  if (m.express) {
    out.meters[name_of(Meter::sfn_express_requests)] += 1;
    out.notes.push_back("Express workflows: the duration (GB-s) depends on latency and is not analyzed; use run");
  } else {
    out.meters[name_of(Meter::sfn_standard_transitions)] +=
        out.transitions + static_cast<double>(metering.standard_transitions_per_execution);
  }
  // What the chain does not see: say so rather than give a number that looks exact.
  for (const auto& map : plan.maps)
    if (map.distributed && map.express_children != m.express) {
      out.notes.push_back(std::string("Distributed Map children of the other workflow type (") +
                          (map.express_children ? "EXPRESS" : "STANDARD") +
                          "): their transitions are counted as the top machine's; use run");
      break;
    }
  for (const auto& machine : plan.machines)
    if (machine.timeout_ms < sfn::kForever) {
      out.notes.push_back("an execution TimeoutSeconds is not analyzed (nor the 25,000-event history and 1-year "
                          "limits); use run");
      break;
    }
  const sfn::PlanTrigger& t = plan.trigger;
  if (t.s3) out.meters[name_of(Meter::s3_put_requests)] += 1;
  if (t.iot_rule) out.notes.push_back("the IoT rule trigger is not analyzed; use run");
  if (t.lambda) {
    const double work = t.lambda_duration != sfn::kNone ? std::max(0.0, values[t.lambda_duration]) : 0.0;
    const model::EventMeters meters(metering);
    const auto mb_ms =
        static_cast<double>(meters.lambda_mb_ms(t.lambda_memory_mb_int, 0, std::min(work, t.lambda_timeout_ms)));
    const Meter gb = t.lambda_arm64 ? Meter::lambda_gb_seconds_arm64 : Meter::lambda_gb_seconds_x86;
    out.meters[name_of(Meter::lambda_requests)] += 1;
    out.meters[name_of(gb)] += mb_ms * meter_scale(gb);
  }
  out.success_reachable = out.p_success > 1e-15;
  if (!out.success_reachable) out.notes.push_back("no execution can succeed: success is unreachable");
}

}  // namespace

AnalyticResult analyze(const sfn::Plan& plan, const std::vector<double>& values, const model::MeteringRules& metering) {
  const sfn::PlanMachine& machine = plan.machines[0];
  // Every field at its base value, then the combinations of the top machine's discrete fields.
  std::vector<double> base(plan.inputs.size(), 0.0);
  for (std::size_t f = 0; f < plan.inputs.size(); ++f) base[f] = values[plan.inputs[f].value];
  std::vector<Support> supports;
  std::size_t combinations = 1;
  bool enumerable = true;
  for (std::uint32_t i = 0; i < machine.inputs_count && enumerable; ++i) {
    auto s = support_of(plan, values, plan.inputs[machine.inputs_first + i].value);
    if (!s) enumerable = false;
    else {
      combinations *= s->size();
      supports.push_back(std::move(*s));
    }
    if (combinations > kMaxCombinations) enumerable = false;
  }
  AnalyticResult out;
  std::vector<std::string> notes;
  if (!enumerable) {
    out = solve_once(plan, values, metering, nullptr, notes);
  } else {
    std::vector<double> attempts;
    std::vector<std::size_t> digit(supports.size(), 0);
    for (std::size_t c = 0; c < combinations; ++c) {
      std::vector<double> x = base;
      double w = 1;
      for (std::size_t i = 0; i < supports.size(); ++i) {
        x[machine.inputs_first + i] = supports[i][digit[i]].first;
        w *= supports[i][digit[i]].second;
      }
      if (w > 0) add_weighted(out, solve_once(plan, values, metering, &x, notes), w, attempts);
      for (std::size_t i = 0; i < digit.size(); ++i) {
        if (++digit[i] < supports[i].size()) break;
        digit[i] = 0;
      }
    }
    for (std::size_t i = 0; i < out.states.size(); ++i)
      out.states[i].attempts_per_visit = out.states[i].visits > 0 ? attempts[i] / out.states[i].visits : 1.0;
  }
  out.notes = notes;
  execution_meters(plan, values, metering, out);
  return out;
}

AnalyticResult analyze_design(const model::Scenario& scenario, const model::DesignEntry& entry,
                              const model::MeteringRules& metering, model::Diagnostics& diags) {
  const auto* design = std::get_if<model::StepFunctionsDesign>(&entry.design);
  if (!design) throw model::InternalError("design \"" + entry.name + "\" is not a step_functions design");
  if (model::has_errors(entry)) return {};  // reported by load_scenario
  try {
    const CompiledScenarioValues scenario_values(scenario);
    sfn::Plan plan = sfn::compile_plan(*design, scenario_values);
    const DrawInputs inputs = base_inputs(scenario);
    resolve_distributions(plan.values, inputs, kAtBaseInputs);  // parameters that name inputs
    const std::vector<double> values = base_values(plan, scenario_values, inputs);
    AnalyticResult result = analyze(plan, values, metering);
    result.unpriced = plan.unpriced;
    return result;
  } catch (const model::InputError& e) {
    for (auto d : e.diagnostics()) {  // problems of the chain as a whole: at the design
      if (!d.where.known()) {
        d.where = entry.loc;
        d.message = "design \"" + entry.name + "\": " + d.message;
      }
      diags.add(d);
    }
    return {};
  }
}

}  // namespace flowcost::sim::markov
