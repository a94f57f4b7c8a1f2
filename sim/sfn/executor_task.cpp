// Task attempts and their meters (docs/billing-rules.md "How the simulator meters Step Functions").
#include <algorithm>
#include <cmath>

#include "sim/random.h"
#include "sim/sfn/call_meters.h"
#include "sim/sfn/executor.h"
#include "sim/sfn/slots.h"

namespace flowcost::sim::sfn {

void Executor::meter_express(double definition_mb, double payload_bytes, std::uint64_t steps, double duration_ms) {
  // 50 MB + definition + payload x the Map/Parallel steps executed (no payload term without them).
  const double payload_mb = steps == 0 ? 0.0 : std::max(0.0, payload_bytes) / (1024.0 * 1024.0) * static_cast<double>(steps);
  out_->meters.add(Meter::sfn_express_requests, 1);
  out_->meters.add(Meter::sfn_express_gb_seconds,
                   meters_.express_mb_ms(metering_.express_base_memory_mb + definition_mb + payload_mb, duration_ms));
}

void Executor::meter_drawn_call(const PlanTask& task, std::uint32_t i, SiteVariates& variates) {
  const std::uint32_t call = task.calls_first + i;
  const PlanCall& c = plan_.calls[call];
  const double amount = values_.get(c.amount, variates, kSlotFirstCall + i);
  const std::int64_t items =
      c.items == kNone ? 1 : model::EventMeters::count(values_.get(c.items, variates, kSlotFirstCallItems + i));
  out_->meters.add(call_meters_[call].meter, call_quantity(meters_, c.kind, amount, items));
}

// A mocked Task's result for this invocation (0 = Return); kNone when the mock has no response for it
// (Step Functions Local then fails the execution with States.Runtime).
std::uint32_t Executor::mocked_error(const PlanTask& task, double t) {
  const std::int64_t n = mock_counts_[task.index]++;
  for (std::uint32_t i = 0; i < task.mock_count; ++i) {
    const PlanMockStep& st = plan_.mock_steps[task.mock_first + i];
    if (n >= st.first && n <= st.last) return st.error_id;
  }
  frame_.abort_error = plan_.err_runtime;
  frame_.abort_ms = t;
  return kNone;
}

// Child executions, callbacks, heartbeats and Fargate jobs (PlanTask::special): returns when the attempt
// ends (relative to its start) and updates `error`.
double Executor::finish_special(const PlanTask& task, double t, std::uint64_t occ, double work, double elapsed,
                                std::uint32_t& error, SiteVariates& variates) {
  if (task.child_machine != kNone) {
    const double start = t + (task.lambda ? elapsed : 0);
    const Result child = run_execution(task.child_machine, start, site_key(occ, 0xc41dull));
    if (task.child_waits) {
      elapsed = child.end_ms - t;
      if (child.error && !error) error = plan_.err_task_failed;
    }
  }
  if (task.callback_wait != kNone) elapsed = std::max(0.0, values_.get(task.callback_wait, variates, kSlotCallback));
  // Timeouts: a heartbeat missed first, or the attempt's TimeoutSeconds, end the attempt early.
  double end = elapsed;
  double fail_at = kForever;
  std::uint32_t fail_error = 0;
  if (task.heartbeat_applies && task.heartbeat_every_ms > task.heartbeat_ms && elapsed > task.heartbeat_ms) {
    fail_at = task.heartbeat_ms;
    fail_error = plan_.err_heartbeat;
  }
  if (elapsed > task.timeout_ms && task.timeout_ms < fail_at) {
    fail_at = task.timeout_ms;
    fail_error = plan_.err_timeout;
  }
  if (fail_error) {
    end = fail_at;
    error = fail_error;
  }
  if (task.fargate) {  // the job runs until it ends or Step Functions stops it
    const std::int64_t billed_ms = meters_.fargate_billed_ms(std::min(work, end));
    out_->meters.add(Meter::fargate_vcpu_seconds, model::saturating_mul(task.fargate_milli_vcpu, billed_ms));
    out_->meters.add(Meter::fargate_gb_seconds, model::saturating_mul(task.fargate_memory_mb, billed_ms));
  }
  return end;
}

}  // namespace flowcost::sim::sfn
