#pragma once
// Metering rules: how AWS counts billable units per event, before any price applies. They live in the
// `metering:` section of a price table (so a user can model another billing rule) and the simulator
// applies them per simulated event. sim/ reads this struct; it never sees a price.
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/source_location.h"

namespace flowcost::model {

// Orchestration latency: the time Step Functions itself adds to an execution, by where it is added
// (docs/billing-rules.md "Orchestration latency"). It adds wall time (latency, Express duration), never
// Lambda duration.
enum LatencyKind : unsigned {
  kLatencyExecutionStart,  // once per execution, before its first state
  kLatencyStateEntered,    // before every state entered
  kLatencyTaskDispatch,    // before every Task attempt (the invocation of its Lambda or service)
  kLatencyChoice,          // a Choice state's own, after the state-entered latency
  kLatencyWait,            // a Wait state's own, after the state-entered latency and the wait
  kLatencyBranchStart,     // before every Parallel branch and Inline Map iteration starts
  kLatencyKinds
};
// The keys of the metering groups `express_latency` and `standard_latency` and of a design's
// `orchestration:` section, in LatencyKind order.
inline constexpr std::array<const char*, kLatencyKinds> kLatencyKeys = {
    "execution_start_ms", "state_entered_ms", "task_dispatch_ms", "choice_ms", "wait_ms", "branch_start_ms"};
using LatencyMs = std::array<double, kLatencyKinds>;
// Express, measured (docs/sources.md#sfn-orchestration-latency): 7.9 ms per execution and 14.9 ms per
// Lambda invocation (the published means); the state, Choice and branch figures are the decomposition
// that reproduces the measured Sequence, Parallel and Choice apps exactly (docs/billing-rules.md).
inline constexpr LatencyMs kExpressLatencyMs = {7.9, 5.125, 14.9, 10.925, 0, 4.925};

struct MeteringRules {
  // Lambda: billed duration = (billed INIT + duration) rounded up to this many ms; memory as configured.
  double lambda_duration_granularity_ms = 1;
  bool lambda_init_billed = true;  // on-demand ZIP functions since 2025-08-01 (docs/sources.md#lambda-billing)
  // Task errors raised before the function starts (a throttle): the attempt bills no request and no
  // duration (AWS counts a request when a function starts executing; a 429 never starts it).
  std::vector<std::string> lambda_unbilled_errors = {"Lambda.TooManyRequestsException"};
  // Asynchronous invocations (IoT rule and SNS Lambda actions): retries after a function error, and the
  // waits before them (one minute, then two).
  std::int64_t lambda_async_retries = 2;
  double lambda_async_first_retry_wait_ms = 60'000;
  double lambda_async_second_retry_wait_ms = 120'000;
  // Step Functions Express: duration rounded up to 100 ms, memory rounded up to 64 MB chunks.
  double express_duration_granularity_ms = 100;
  double express_memory_chunk_mb = 64;
  double express_base_memory_mb = 50;  // 50 MB + definition size + payload x Map/Parallel steps
  // Step Functions Standard: transitions added per execution for start/end (docs/sources.md#sfn-transitions:
  // unsettled).
  std::int64_t standard_transitions_per_execution = 0;
  // Orchestration latency per workflow type (LatencyKind order). Standard has no public measurement: it
  // takes the Express figures as its default (docs/billing-rules.md "Orchestration latency").
  LatencyMs express_latency_ms = kExpressLatencyMs;
  LatencyMs standard_latency_ms = kExpressLatencyMs;
  // Express memory: payload x the Map/Parallel steps executed. Each Inline Map iteration is a step; a
  // Parallel state counts each branch run (true) or once per run of the state (false): AWS does not
  // publish the Parallel rule.
  bool express_parallel_branches_are_steps = true;
  // IoT Core: messages metered in 5 KB units of payload + topic; rules and actions per message.
  std::int64_t iot_message_unit_bytes = 5 * 1024;
  // IoT Core points that AWS text leaves open (docs/sources.md#open-points), kept as settings:
  bool iot_rules_in_message_units = true;  // a triggered rule counts the message's 5 KB units (false: 1)
  bool iot_error_action_billed = true;     // an error action run counts as an action executed
  bool iot_where_false_triggers = true;    // a rule whose WHERE (or match) is false still counts as triggered
  // The HTTP rule action's tries when a design does not say (one try and at most two retries).
  std::int64_t iot_http_tries = 3;
  // IoT rules latency (no published figure: 0 by default, docs/billing-rules.md "Orchestration latency"):
  // before each matching rule's actions start, and before each action (and error action) is dispatched.
  double iot_rule_evaluation_ms = 0;
  double iot_action_dispatch_ms = 0;
  // DynamoDB: 1 KB per write request unit, 4 KB per strongly consistent read unit.
  std::int64_t dynamodb_write_unit_bytes = 1024;
  std::int64_t dynamodb_read_unit_bytes = 4 * 1024;
  // SQS and SNS: each 64 KB chunk of a payload is one request.
  std::int64_t sqs_chunk_bytes = 64 * 1024;
  std::int64_t sns_chunk_bytes = 64 * 1024;
  // Kinesis Data Streams: 25 KB PUT payload units.
  std::int64_t kinesis_payload_unit_bytes = 25 * 1024;
  // Firehose: each record rounded up to 5 KB.
  std::int64_t firehose_record_unit_bytes = 5 * 1024;
  // EventBridge PutEvents: each 64 KB chunk of an event is one custom event.
  std::int64_t eventbridge_event_unit_bytes = 64 * 1024;
  // API Gateway HTTP APIs: requests metered in 512 KB increments.
  std::int64_t apigateway_http_request_unit_bytes = 512 * 1024;
  // Fargate: per-second billing with a one-minute minimum.
  double fargate_duration_granularity_ms = 1000;
  double fargate_minimum_ms = 60'000;

  std::string source;  // where these rules were read from (price table path), for reports
};

// One setting of MeteringRules as the `metering:` section spells it ("iot.message_unit_bytes") with its
// value as written there ("5120", "true"): what a report lists as the assumptions behind its numbers.
struct MeteringSetting {
  std::string group;         // "lambda", "express", "standard", "iot", "dynamodb", ...
  std::string name;          // "group.key"
  std::string value;
  std::string meter_prefix;  // the meters it decides: "lambda.", "sfn.express.", "sfn.standard.", "iot.", ...
};

// Every setting of `rules`, in the order of the `metering:` section's groups and keys (model/metering.cpp).
std::vector<MeteringSetting> metering_settings(const MeteringRules& rules);

// Units of `bytes` metered in chunks of `unit` bytes: ceil(bytes / unit), and at least 1.
inline std::int64_t metered_units(std::int64_t bytes, std::int64_t unit) {
  if (bytes <= 0) return 1;
  return (bytes + unit - 1) / unit;
}

// ceil(x) for 0 < x < 2^62, exactly as std::ceil, without a libm call (the simulator's hot path).
inline std::int64_t ceil_positive(double x) {
  const auto i = static_cast<std::int64_t>(x);
  return static_cast<double>(i) < x ? i + 1 : i;
}

// metered_units(bytes, unit) for one fixed unit, without a hardware division per event (the simulator's
// hot path): a shift when the unit is a power of two; otherwise the quotient in double precision,
// corrected to the exact integer (valid below 2^52 bytes; a division above). Same results as
// metered_units, checked by a test.
class UnitCounter {
 public:
  explicit UnitCounter(std::int64_t unit) : unit_(unit > 0 ? unit : 1), inverse_(1.0 / static_cast<double>(unit_)) {
    if ((unit_ & (unit_ - 1)) == 0)
      while ((std::int64_t{1} << shift_) < unit_) ++shift_;
    else
      shift_ = -1;
  }
  std::int64_t operator()(std::int64_t bytes) const {
    if (bytes <= 0) return 1;
    const std::int64_t n = bytes + unit_ - 1;
    if (shift_ >= 0) return n >> shift_;
    if (n >= (std::int64_t{1} << 52)) return n / unit_;
    auto q = static_cast<std::int64_t>(static_cast<double>(n) * inverse_);
    if (q * unit_ > n) --q;
    else if ((q + 1) * unit_ <= n) ++q;
    return q;
  }
  std::int64_t unit() const { return unit_; }

 private:
  std::int64_t unit_;
  double inverse_;
  int shift_ = 0;
};

// A per-event rounding step in a floating-point unit (1 ms, 100 ms, 64 MB): ceil(x / step - 1e-9) x step
// as an integer, 0 for x <= 0. The 1e-9 keeps a whole multiple up to floating-point noise
// (300.0000000001 ms) from rounding up once more. A step of 1 or a power of two needs no division (x / 2^k
// is x x 2^-k exactly).
class Rounding {
 public:
  explicit Rounding(double step) : step_(step), step_int_(static_cast<std::int64_t>(step)) {
    int e = 0;
    exact_inverse_ = step > 0 && std::frexp(step, &e) == 0.5;  // a power of two
    inverse_ = exact_inverse_ ? 1.0 / step : 0.0;
  }
  std::int64_t operator()(double x) const {
    if (!(x > 0)) return 0;
    const double q = (exact_inverse_ ? x * inverse_ : x / step_) - 1e-9;
    if (!(q > 0)) return 0;
    return ceil_positive(q) * step_int_;
  }
  double step() const { return step_; }

 private:
  double step_;
  std::int64_t step_int_;
  bool exact_inverse_ = false;
  double inverse_ = 0;
};

}  // namespace flowcost::model
