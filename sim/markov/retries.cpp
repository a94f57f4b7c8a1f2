#include "sim/markov/retries.h"

#include <cmath>

#include "model/errors.h"

namespace flowcost::sim::markov {

namespace {

constexpr std::size_t kMaxCounterStates = 200'000;

std::uint32_t retrier_of(const sfn::Plan& plan, const sfn::PlanState& s, std::uint32_t error) {
  for (std::uint32_t i = 0; i < s.retry_count; ++i)
    if (plan.matches_error(plan.retriers[s.retry_first + i].match_row, error)) return i;
  return sfn::kNone;
}

VisitOutcome closed_form(const sfn::Plan& plan, const sfn::PlanState& s, const std::vector<AttemptError>& errors,
                         const std::vector<std::uint32_t>& owner, std::uint32_t retrier) {
  double p = 0, u = 0;
  for (std::size_t i = 0; i < errors.size(); ++i) (owner[i] == sfn::kNone ? u : p) += errors[i].probability;
  const double m = retrier == sfn::kNone ? 0.0 : static_cast<double>(plan.retriers[s.retry_first + retrier].max_attempts);
  VisitOutcome out;
  out.expected_attempts = p >= 1 ? m + 1 : (1 - std::pow(p, m + 1)) / (1 - p);
  out.p_success = (1 - p - u) * out.expected_attempts;
  const double exhausted = std::pow(p, m);
  for (std::size_t i = 0; i < errors.size(); ++i) {
    const double f = owner[i] == sfn::kNone ? errors[i].probability * out.expected_attempts
                                            : errors[i].probability * exhausted;
    if (f > 0) out.failures[errors[i].error_id] += f;
  }
  return out;
}

VisitOutcome counter_chain(const sfn::Plan& plan, const sfn::PlanState& s, const std::vector<AttemptError>& errors,
                           const std::vector<std::uint32_t>& owner) {
  double p_error = 0;
  for (const auto& e : errors) p_error += e.probability;
  VisitOutcome out;
  out.expected_attempts = 0;
  out.p_success = 0;
  std::map<std::vector<std::int64_t>, double> mass{{std::vector<std::int64_t>(s.retry_count, 0), 1.0}};
  while (!mass.empty()) {
    std::map<std::vector<std::int64_t>, double> next;
    for (const auto& [counters, m] : mass) {
      out.expected_attempts += m;
      out.p_success += m * (1 - p_error);
      for (std::size_t i = 0; i < errors.size(); ++i) {
        const double f = m * errors[i].probability;
        if (f == 0) continue;
        const std::uint32_t r = owner[i];
        if (r != sfn::kNone && counters[r] < plan.retriers[s.retry_first + r].max_attempts) {
          auto raised = counters;
          ++raised[r];
          next[raised] += f;
        } else {
          out.failures[errors[i].error_id] += f;
        }
      }
    }
    if (next.size() > kMaxCounterStates)
      throw model::InputError(model::SourceLocation{}, "state \"" + s.name + "\": too many retry counter combinations for the analytic engine; use run");
    mass = std::move(next);
  }
  return out;
}

}  // namespace

VisitOutcome resolve_retries(const sfn::Plan& plan, const sfn::PlanState& state,
                             const std::vector<AttemptError>& per_attempt) {
  std::vector<std::uint32_t> owner;
  std::uint32_t single = sfn::kNone;
  bool several = false;
  for (const auto& e : per_attempt) {
    owner.push_back(e.probability > 0 ? retrier_of(plan, state, e.error_id) : sfn::kNone);
    if (owner.back() == sfn::kNone) continue;
    if (single == sfn::kNone) single = owner.back();
    else if (single != owner.back()) several = true;
  }
  return several ? counter_chain(plan, state, per_attempt, owner) : closed_form(plan, state, per_attempt, owner, single);
}

}  // namespace flowcost::sim::markov
