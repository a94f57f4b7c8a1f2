#pragma once
// One attempt of a Task (docs/billing-rules.md "How the simulator meters Step Functions"): defined here,
// inline, for executor.cpp, the one file that calls it, so that the state loop runs it without a call.
#include <algorithm>

#include "sim/random.h"
#include "sim/sfn/executor.h"
#include "sim/sfn/slots.h"

namespace flowcost::sim::sfn {

[[gnu::always_inline]] inline Executor::Result Executor::run_task(const PlanTask& task, double t, std::uint64_t occ,
                                                                   SiteVariates& variates) {
  // The invocation starts after its dispatch latency (wall time only: no Lambda duration).
  if (frame_.latency->any) t += latency_ms(model::kLatencyTaskDispatch, occ);
  // The work time first: its sampler (a normal and an exp for a lognormal) is the longest chain here,
  // and the checks below do not wait for it.
  const double work = task.duration != kNone ? std::max(0.0, values_.get(task.duration, variates, kSlotDuration)) : 0;
  // The attempt's own error: the mocked result, or one uniform against the per-attempt probabilities.
  std::uint32_t error = 0;
  if (task.mocked) {
    error = mocked_error(task, t);
    if (error == kNone) return {t, plan_.err_runtime};
  } else if (task.errors_count) {
    const double u = variates.uniform01(kSlotError);
    for (std::uint32_t i = 0; i < task.errors_count; ++i)
      if (u < error_cumulative_[task.errors_first + i]) {
        error = plan_.task_errors[task.errors_first + i].error_id;
        break;
      }
  }
  double elapsed = work;
  if (task.lambda) {
    double init = 0;
    if (task.cold_probability != kNone && variates.uniform01(kSlotColdStart) < cold_probability(task))
      init = task.init != kNone ? std::max(0.0, values_.get(task.init, variates, kSlotInit)) : 0;
    if (error != 0 && unbilled_error_[error]) {
      // The invoke failed before the function started (a throttle): no request, no duration, no time.
      init = 0;
      elapsed = 0;
    } else {
      const double run_ms = std::min(work, task.function_timeout_ms);
      if (work > task.function_timeout_ms) error = plan_.err_lambda_unknown;  // the function timed out
      meter_lambda(task.arm64, task.memory_mb_int, init, run_ms);
      elapsed = init + run_ms;
    }
  }
  double end = elapsed;
  if (task.special) {
    end = finish_special(task, t, occ, work, elapsed, error, variates);
  } else if (elapsed > task.timeout_ms) {  // the attempt's TimeoutSeconds ends it early
    end = task.timeout_ms;
    error = plan_.err_timeout;
  }
  if (task.calls_count && (error == 0 || task.callback_wait != kNone)) meter_calls(task, variates);
  return {t + end, error};
}

}  // namespace flowcost::sim::sfn
