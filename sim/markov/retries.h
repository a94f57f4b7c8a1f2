#pragma once
// One visit of a Task, Parallel or Map state under its Retry policy (docs/sources.md#asl-retry), in closed form
// or by an exact chain over the retriers' counters.
//
// Each attempt ends with error e with probability p_e (independently of earlier attempts), else succeeds.
// The first retrier whose ErrorEquals matches e retries when its counter is below MaxAttempts.
// - When every retried error maps to one retrier (failure probability p, m = MaxAttempts) and u is the
//   probability of the errors no retrier matches: E[attempts] = (1 - p^(m+1)) / (1 - p) (m + 1 when
//   p = 1), P(fail with a retried error e) = p^m p_e, P(fail with an unmatched error e) = p_e E[attempts].
// - Otherwise the exact distribution over counter vectors is carried attempt by attempt (every attempt
//   that does not end the visit raises one counter, so the chain is acyclic and finite).
#include <cstdint>
#include <map>
#include <vector>

#include "sim/sfn/plan.h"

namespace flowcost::sim::markov {

struct AttemptError {
  std::uint32_t error_id = 0;
  double probability = 0;  // per attempt
};

struct VisitOutcome {
  double expected_attempts = 1;
  double p_success = 1;                            // the visit's last attempt succeeded
  std::map<std::uint32_t, double> failures;        // error id -> P(the visit ends with it after retries)
};

VisitOutcome resolve_retries(const sfn::Plan& plan, const sfn::PlanState& state,
                             const std::vector<AttemptError>& per_attempt);

}  // namespace flowcost::sim::markov
