// Running one rule action for one message, and metering it (docs/billing-rules.md "How the simulator
// meters IoT Core").
#include <algorithm>
#include <cmath>

#include "model/errors.h"
#include "sim/iot/simulator.h"
#include "sim/random.h"

namespace flowcost::sim::iot {

namespace {

using model::IotActionKind;

// Lambda's asynchronous retry waits: one minute before the second attempt, two before the third
// (docs/sources.md#lambda-quotas, L-DG22 invocation-async).
constexpr double kLambdaRetryWaitMs[2] = {60'000.0, 120'000.0};

std::int64_t whole_bytes(double bytes) { return bytes <= 0 ? 0 : static_cast<std::int64_t>(std::ceil(bytes)); }

bool happens(const std::optional<std::uint32_t>& p, const MessageContext& ctx, Stream& s) {
  if (!p) return false;
  double prob = ctx.values.get(*p, s);
  if (prob <= 0) return false;
  return s.uniform01() < prob;
}

double value_or(const std::optional<std::uint32_t>& v, double fallback, const MessageContext& ctx, Stream& s) {
  return v ? ctx.values.get(*v, s) : fallback;
}

// Meters what a successful try of a plain (non-Lambda, non-HTTP, non-Step Functions) action costs downstream.
void meter_delivery(const ActionPlan& a, MessageContext& ctx, Stream& s, ExecutionRecord& rec) {
  const auto& m = ctx.metering;
  auto size = [&] { return whole_bytes(value_or(a.size_bytes, static_cast<double>(ctx.payload_bytes), ctx, s)); };
  switch (a.kind) {
    case IotActionKind::dynamodb:
    case IotActionKind::dynamodb_v2:
      rec.meters.add(Meter::dynamodb_write_request_units, model::metered_units(size(), m.dynamodb_write_unit_bytes));
      break;
    case IotActionKind::sns:
      rec.meters.add(Meter::sns_publishes, model::metered_units(size(), m.sns_chunk_bytes));
      break;
    case IotActionKind::sqs:
      rec.meters.add(Meter::sqs_requests, model::metered_units(size(), m.sqs_chunk_bytes));
      break;
    case IotActionKind::s3: rec.meters.add(Meter::s3_put_requests, 1); break;
    case IotActionKind::firehose:
      rec.meters.add(Meter::firehose_gb,
                     model::metered_units(size(), m.firehose_record_unit_bytes) * m.firehose_record_unit_bytes);
      break;
    case IotActionKind::kinesis:
      rec.meters.add(Meter::kinesis_put_payload_units, model::metered_units(size(), m.kinesis_payload_unit_bytes));
      break;
    case IotActionKind::republish: {
      std::int64_t topic = whole_bytes(value_or(a.topic_bytes, static_cast<double>(ctx.topic_bytes), ctx, s));
      rec.meters.add(Meter::iot_messages, model::metered_units(size() + topic, m.iot_message_unit_bytes));
      break;
    }
    case IotActionKind::cloudwatch_logs: rec.meters.add(Meter::cloudwatch_logs_gb, size()); break;
    case IotActionKind::cloudwatch_metrics: rec.meters.add(Meter::cloudwatch_metrics, 1); break;
    case IotActionKind::lambda:
    case IotActionKind::http:
    case IotActionKind::step_functions:
      throw model::InternalError("meter_delivery called for an action with its own runner");
  }
}

// An asynchronous Lambda invocation: the rules engine hands the event over (one action executed); Lambda
// runs it, and on a function error retries up to max_retries more times, each a billed request.
ActionOutcome run_lambda(const ActionPlan& a, MessageContext& ctx, Stream& s, ExecutionRecord& rec) {
  ActionOutcome o;
  o.executions = 1;
  const LambdaPlan& l = a.lambda;
  const double granularity_ms = ctx.metering.lambda_duration_granularity_ms;
  const Meter gb_s = l.arm64 ? Meter::lambda_gb_seconds_arm64 : Meter::lambda_gb_seconds_x86;
  for (int attempt = 0; attempt <= l.max_retries; ++attempt) {
    if (attempt > 0) {
      o.completed_ms += kLambdaRetryWaitMs[attempt - 1];
      ++rec.retries;
    }
    double duration_ms = std::max(0.0, ctx.values.get(l.duration_ms, s));
    double init_ms = 0;
    if (happens(l.cold_probability, ctx, s) && l.init_ms) init_ms = std::max(0.0, ctx.values.get(*l.init_ms, s));
    double billed = duration_ms + (ctx.metering.lambda_init_billed ? init_ms : 0.0);
    auto billed_ms = static_cast<std::int64_t>(std::ceil(billed / granularity_ms) * granularity_ms);
    rec.meters.add(Meter::lambda_requests, 1);
    rec.meters.add(gb_s, l.memory_mb * billed_ms);
    o.completed_ms += init_ms + duration_ms;
    if (!happens(a.failure, ctx, s)) return o;
  }
  o.status = ActionOutcome::Status::lost;
  o.error_id = a.error_id;
  return o;
}

// The HTTP action: up to `tries` requests; each request is an action executed and an http request.
ActionOutcome run_http(const ActionPlan& a, MessageContext& ctx, Stream& s, ExecutionRecord& rec) {
  ActionOutcome o;
  for (int t = 0; t < a.tries; ++t) {
    if (t > 0) ++rec.retries;
    ++o.executions;
    rec.meters.add(Meter::http_requests, 1);
    o.completed_ms += std::max(0.0, value_or(a.duration_ms, 0.0, ctx, s));
    if (!happens(a.failure, ctx, s)) return o;
  }
  o.status = ActionOutcome::Status::failed;
  o.error_id = a.error_id;
  return o;
}

ActionOutcome run_step_functions(const ActionPlan& a, MessageContext& ctx, Stream& s, ExecutionRecord& rec) {
  ActionOutcome o;
  o.executions = 1;
  o.completed_ms = std::max(0.0, value_or(a.duration_ms, 0.0, ctx, s));
  if (happens(a.failure, ctx, s)) {  // StartExecution itself failed
    o.status = ActionOutcome::Status::failed;
    o.error_id = a.error_id;
    return o;
  }
  if (a.subdesign < 0) throw model::InternalError("step_functions action without a compiled design");
  auto index = static_cast<std::size_t>(a.subdesign);
  ExecutionRecord& sub = ctx.scratch;
  sub.clear();
  ctx.subdraws[index]->simulate(ctx.sample, sub);
  rec.meters += sub.meters;
  rec.transitions += sub.transitions;
  rec.retries += sub.retries;
  rec.caught_errors += sub.caught_errors;
  o.completed_ms += sub.latency_ms;
  if (sub.outcome != Outcome::succeeded) {
    o.status = ActionOutcome::Status::workflow_failed;
    o.error_id = ctx.subdesign_error_offset[index] + sub.error_id;
  }
  return o;
}

}  // namespace

ActionOutcome run_action(const ActionPlan& a, MessageContext& ctx, ExecutionRecord& rec) {
  Stream s(ctx.seed, ctx.draw, ctx.sample, a.site);
  switch (a.kind) {
    case IotActionKind::lambda: return run_lambda(a, ctx, s, rec);
    case IotActionKind::http: return run_http(a, ctx, s, rec);
    case IotActionKind::step_functions: return run_step_functions(a, ctx, s, rec);
    default: break;
  }
  ActionOutcome o;
  o.executions = 1;
  o.completed_ms = std::max(0.0, value_or(a.duration_ms, 0.0, ctx, s));
  if (happens(a.failure, ctx, s)) {
    o.status = ActionOutcome::Status::failed;
    o.error_id = a.error_id;
    return o;
  }
  meter_delivery(a, ctx, s, rec);
  return o;
}

}  // namespace flowcost::sim::iot
