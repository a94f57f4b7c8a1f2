// Per-state outgoing edges for the analytic engine: what one visit of a state does (analyze.h).
#include <algorithm>
#include <cmath>

#include "model/errors.h"
#include "sim/markov/analyzer.h"
#include "sim/markov/base_values.h"
#include "sim/meter_counts.h"
#include "sim/random.h"
#include "sim/sfn/choice_rules.h"
#include "sim/sfn/map_threshold.h"

namespace flowcost::sim::markov::detail {

using model::asl::StateType;

std::vector<AttemptError> split_failure(double p_success, const std::map<std::uint32_t, double>& failures) {
  double total = 0;
  for (const auto& [id, p] : failures) total += p;
  std::vector<AttemptError> out;
  const double p_fail = std::clamp(1 - p_success, 0.0, 1.0);
  if (total <= 0 || p_fail <= 0) return out;
  for (const auto& [id, p] : failures) out.push_back({id, p_fail * p / total});
  return out;
}

void Analyzer::note(const std::string& text) {
  if (std::find(notes_.begin(), notes_.end(), text) == notes_.end()) notes_.push_back(text);
}

std::vector<AttemptError> Analyzer::task_attempt(const sfn::PlanTask& task) {
  if (task.mocked) note("mocked Tasks are analyzed with their error probabilities, not their mocked responses; use run");
  if (task.child_machine != sfn::kNone) note("child executions of startExecution Tasks are not analyzed; use run");
  if (task.heartbeat_applies && task.heartbeat_ms < sfn::kForever) note("heartbeat timeouts are not analyzed; use run");
  // Timeouts: P(min(work, function timeout) > TimeoutSeconds) and P(work > the function's timeout).
  double p_timeout = 0, p_function = 0;
  if (task.duration != sfn::kNone) {
    const CompiledValue& d = plan_.values[task.duration];
    auto classify = [&](double work, double& to, double& fn) {
      work = std::max(0.0, work);
      const double run = task.lambda ? std::min(work, task.function_timeout_ms) : work;
      const double elapsed = run;
      if (elapsed > task.timeout_ms) to += 1;
      else if (task.lambda && work > task.function_timeout_ms) fn += 1;
    };
    if (d.kind == CompiledValue::Kind::distribution) {
      Stream stream(0, 0, 0, site_key("markov:timeout"));
      for (std::uint64_t i = 0; i < kMeanSamples; ++i) classify(d.sampler.sample(stream), p_timeout, p_function);
      p_timeout /= static_cast<double>(kMeanSamples);
      p_function /= static_cast<double>(kMeanSamples);
    } else {
      classify(values_[task.duration], p_timeout, p_function);
    }
  }
  if (task.callback_wait != sfn::kNone && values_[task.callback_wait] > task.timeout_ms) p_timeout = 1;
  const double own = 1 - p_timeout - p_function;
  std::vector<AttemptError> out;
  for (std::uint32_t i = 0; i < task.errors_count; ++i) {
    const sfn::PlanTaskError& e = plan_.task_errors[task.errors_first + i];
    out.push_back({e.error_id, own * values_[e.probability]});
  }
  if (p_timeout > 0) out.push_back({plan_.err_timeout, p_timeout});
  if (p_function > 0) out.push_back({plan_.err_lambda_unknown, p_function});
  return out;
}

std::vector<AttemptError> Analyzer::parallel_attempt(const sfn::PlanState& s) {
  double p_success = 1;
  std::map<std::uint32_t, double> failures;
  for (std::uint32_t b = 0; b < s.scopes_count; ++b) {
    const ScopeSummary branch = solve_scope(plan_.scope_lists[s.scopes_first + b]);
    p_success *= branch.p_success;
    for (const auto& [id, p] : branch.failures) failures[id] += p;
  }
  return split_failure(p_success, failures);
}

std::vector<AttemptError> Analyzer::map_attempt(const sfn::PlanState& s, StateLocal& local) {
  const sfn::PlanMap& m = plan_.maps[s.detail];
  // The mean item count as the simulator counts items: each draw rounded (base_values.h mean_count).
  const double items = m.items != sfn::kNone ? mean_count(plan_, m.items, values_[m.items]) : 0.0;
  if (m.items != sfn::kNone && plan_.values[m.items].kind != CompiledValue::Kind::constant)
    note("Map item counts are taken at their mean (of the rounded counts); failure and batch terms at that mean");
  const ScopeSummary item = solve_scope(m.processor);
  if (!m.distributed) {
    local.child_runs_per_visit = items;
    return split_failure(std::pow(item.p_success, items), item.failures);
  }
  const double children = std::ceil(items / std::max(1.0, m.batch_size));
  local.child_runs_per_visit = children;
  local.distributed_children_per_visit = children;
  // Failed children ~ Binomial(children, 1 - p_success), each failing its batch of items (taken as full
  // batches, at most all items); the Map Run fails past the tolerated count/percentage of items.
  const double q = std::clamp(1 - item.p_success, 0.0, 1.0);
  const auto n = static_cast<std::int64_t>(children);
  const double batch = std::max(1.0, m.batch_size);
  double p_exceeded = 0;
  for (std::int64_t k = 0; k <= n; ++k) {
    const double kd = static_cast<double>(k);
    if (!sfn::exceeds_tolerated_failures(m, std::min(items, kd * batch), items)) continue;
    const double log_choose = std::lgamma(children + 1) - std::lgamma(kd + 1) - std::lgamma(children - kd + 1);
    const double term = (q == 0) ? 0.0 : (q == 1 ? (k == n ? 1.0 : 0.0)
                                                 : std::exp(log_choose + kd * std::log(q) + (children - kd) * std::log1p(-q)));
    p_exceeded += term;
  }
  if (p_exceeded <= 0) return {};
  return {{plan_.err_threshold, std::min(1.0, p_exceeded)}};
}

bool Analyzer::rule_matches(std::uint32_t index, const std::vector<double>& x) const {
  return sfn::rule_matches(plan_, index, [&x](std::uint32_t field) { return x[field]; });
}

void Analyzer::choice_edges(const sfn::PlanChoice& c, StateLocal& local) {
  std::map<std::uint32_t, double> targets;  // kNone: no rule matched
  if (c.weighted) {
    double sum = 0;
    for (std::uint32_t i = 0; i < c.weights_count; ++i) {
      const auto& w = plan_.choice_weights[c.weights_first + i];
      if (w.weight != sfn::kNone) sum += values_[w.weight];
    }
    for (std::uint32_t i = 0; i < c.weights_count; ++i) {
      const auto& w = plan_.choice_weights[c.weights_first + i];
      targets[w.next] += w.weight == sfn::kNone ? std::max(0.0, 1 - sum) : values_[w.weight];
    }
  } else {
    auto first_match = [&](const std::vector<double>& x) {
      for (std::uint32_t i = 0; i < c.rules_count; ++i) {
        const std::uint32_t r = plan_.rule_children[c.rules_first + i];
        if (rule_matches(r, x)) return plan_.rules[r].next;
      }
      return c.default_next;
    };
    if (inputs_) {
      targets[first_match(*inputs_)] = 1;
    } else {
      note("Choice rules over inputs that are not discrete: P(each rule) estimated from 100,000 samples");
      std::vector<Stream> streams;
      for (const auto& f : plan_.inputs) streams.emplace_back(0, 0, 0, site_key(f.site, 0x3a7u));
      std::vector<double> x(plan_.inputs.size(), 0.0);
      std::map<std::uint32_t, std::uint64_t> counts;
      for (std::uint64_t i = 0; i < kMeanSamples; ++i) {
        for (std::size_t f = 0; f < plan_.inputs.size(); ++f) {
          const CompiledValue& v = plan_.values[plan_.inputs[f].value];
          x[f] = v.kind == CompiledValue::Kind::distribution ? v.sampler.sample(streams[f])
                                                             : values_[plan_.inputs[f].value];
        }
        ++counts[first_match(x)];
      }
      for (const auto& [target, n] : counts)
        targets[target] = static_cast<double>(n) / static_cast<double>(kMeanSamples);
    }
  }
  for (const auto& [target, p] : targets) {
    if (p <= 0) continue;
    if (target == sfn::kNone) local.failures[plan_.err_no_choice] += p;
    else local.edges.push_back({target, p});
  }
}

}  // namespace flowcost::sim::markov::detail
