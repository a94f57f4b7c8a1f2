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
  const model::EventMeters& m = ctx.meters;
  auto size = [&] { return std::max(0.0, value_or(a.size_bytes, ctx.payload_bytes, ctx, s)); };
  switch (a.kind) {
    case IotActionKind::dynamodb:
    case IotActionKind::dynamodb_v2:
      rec.meters.add(Meter::dynamodb_write_request_units, m.dynamodb_write_units(size(), 1, false));
      break;
    case IotActionKind::sns: rec.meters.add(Meter::sns_publishes, m.sns_publishes(size())); break;
    case IotActionKind::sqs: rec.meters.add(Meter::sqs_requests, m.sqs_requests(size())); break;
    case IotActionKind::s3: rec.meters.add(Meter::s3_put_requests, 1); break;
    case IotActionKind::firehose: rec.meters.add(Meter::firehose_gb, m.firehose_bytes(size())); break;
    case IotActionKind::kinesis: rec.meters.add(Meter::kinesis_put_payload_units, m.kinesis_payload_units(size())); break;
    case IotActionKind::republish: {
      const double topic = std::max(0.0, value_or(a.topic_bytes, ctx.topic_bytes, ctx, s));
      rec.meters.add(Meter::iot_messages, m.iot_message_units(size() + topic));
      break;
    }
    case IotActionKind::cloudwatch_logs: rec.meters.add(Meter::cloudwatch_logs_gb, model::EventMeters::bytes(size())); break;
    case IotActionKind::cloudwatch_metrics: rec.meters.add(Meter::cloudwatch_metrics, 1); break;
    case IotActionKind::lambda:
    case IotActionKind::http:
    case IotActionKind::step_functions:
      throw model::InternalError("meter_delivery called for an action with its own runner");
  }
}

// An asynchronous Lambda invocation: the rules engine hands the event over (one action executed); Lambda
// runs it, stopped at the function's timeout (a timeout is a function error), and on a function error
// retries it up to max_retries more times (the table's lambda.async_retries when the design does not
// say), after the table's waits; each invocation is a billed request.
ActionOutcome run_lambda(const ActionPlan& a, MessageContext& ctx, Stream& s, ExecutionRecord& rec) {
  ActionOutcome o;
  o.executions = 1;
  const LambdaPlan& l = a.lambda;
  const model::MeteringRules& rules = ctx.metering;
  const Meter gb_s = l.arm64 ? Meter::lambda_gb_seconds_arm64 : Meter::lambda_gb_seconds_x86;
  const std::int64_t retries = l.max_retries >= 0 ? l.max_retries : rules.lambda_async_retries;
  for (std::int64_t attempt = 0; attempt <= retries; ++attempt) {
    if (attempt > 0) {
      o.completed_ms += attempt == 1 ? rules.lambda_async_first_retry_wait_ms : rules.lambda_async_second_retry_wait_ms;
      ++rec.retries;
    }
    const double duration_ms = std::max(0.0, ctx.values.get(l.duration_ms, s));
    double init_ms = 0;
    if (happens(l.cold_probability, ctx, s) && l.init_ms) init_ms = std::max(0.0, ctx.values.get(*l.init_ms, s));
    const double run_ms = std::min(duration_ms, l.timeout_ms);
    rec.meters.add(Meter::lambda_requests, 1);
    rec.meters.add(gb_s, ctx.meters.lambda_mb_ms(l.memory_mb, init_ms, run_ms));
    o.completed_ms += init_ms + run_ms;
    const bool timed_out = duration_ms > l.timeout_ms;
    const bool failed = happens(a.failure, ctx, s);
    if (!timed_out && !failed) return o;
  }
  o.status = ActionOutcome::Status::lost;
  o.error_id = a.error_id;
  return o;
}

// The HTTP action: up to `tries` requests; each request is an action executed and an http request.
ActionOutcome run_http(const ActionPlan& a, MessageContext& ctx, Stream& s, ExecutionRecord& rec) {
  ActionOutcome o;
  const std::int64_t tries = a.tries > 0 ? a.tries : ctx.metering.iot_http_tries;
  for (std::int64_t t = 0; t < tries; ++t) {
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
