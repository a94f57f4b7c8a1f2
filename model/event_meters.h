#pragma once
// One function per billable event, built once from the metering rules (model/metering.h) and used by
// every executor (sim/sfn and sim/iot) and by the analytic engine, so that the same call bills the same in
// every design kind. Each returns the event's quantity in the meter's native integer unit (counts, bytes,
// MB x ms; sim/meter_counts.h). Sizes are doubles (sampled numbers): a size is rounded up to a whole byte,
// a size of 0 or less still bills one unit (AWS bills every request), and a quantity too large for an
// int64 saturates at kSaturatedQuantity (the replication loop reports a saturated meter).
#include <cstdint>
#include <limits>

#include "model/metering.h"

namespace flowcost::model {

inline constexpr std::int64_t kSaturatedQuantity = std::numeric_limits<std::int64_t>::max();

// ceil(x) as an integer: 0 for x <= 0 or NaN, kSaturatedQuantity at or above 2^63.
std::int64_t saturating_ceil(double x);
// a x b for a, b >= 0, kSaturatedQuantity when the product does not fit.
std::int64_t saturating_mul(std::int64_t a, std::int64_t b);
// a + b for a, b >= 0, kSaturatedQuantity when the sum does not fit.
inline std::int64_t saturating_add(std::int64_t a, std::int64_t b) {
  std::int64_t s = 0;
  return __builtin_add_overflow(a, b, &s) ? kSaturatedQuantity : s;
}

enum class DynamoDbRead : std::uint8_t { eventual, strong, transactional };

class EventMeters {
 public:
  explicit EventMeters(const MeteringRules& rules);

  const MeteringRules& rules() const { return rules_; }

  // A Lambda invocation that ran: MB x billed ms, billed ms = (INIT when billed + run) rounded up to the
  // duration granularity, at least one granularity step (AWS bills at least 1 ms; a REPORT line never
  // shows a billed duration of 0). One request goes with it (lambda.requests += 1). An invocation that
  // never started (a throttle) bills nothing: the caller does not call this.
  std::int64_t lambda_mb_ms(std::int64_t memory_mb, double init_ms, double run_ms) const;
  // An Express execution: billed MB (memory rounded up to the chunk) x billed ms (rounded up to the
  // granularity, at least one step). `memory_mb` is 50 MB + definition + payload x steps (the caller's).
  std::int64_t express_mb_ms(double memory_mb, double duration_ms) const;
  // A Fargate task's billed ms: the run rounded up to the granularity, at least the minimum.
  std::int64_t fargate_billed_ms(double run_ms) const;

  // IoT Core messages (and rules triggered): 5 KB units of payload + topic.
  std::int64_t iot_message_units(double bytes) const { return units(bytes, iot_); }
  // DynamoDB: per item, ceil(bytes / 1 KB) write units (x2 in a transaction), x items.
  std::int64_t dynamodb_write_units(double item_bytes, std::int64_t items, bool transactional) const;
  // DynamoDB reads in half units (the meter's native unit): per item ceil(bytes / 4 KB) x 1 (eventual),
  // x 2 (strong), x 4 (transactional), x items.
  std::int64_t dynamodb_read_half_units(double item_bytes, std::int64_t items, DynamoDbRead consistency) const;
  std::int64_t sqs_requests(double bytes) const { return units(bytes, sqs_); }
  std::int64_t sns_publishes(double bytes) const { return units(bytes, sns_); }
  std::int64_t kinesis_payload_units(double bytes) const { return units(bytes, kinesis_); }
  std::int64_t eventbridge_events(double bytes) const { return units(bytes, eventbridge_); }
  std::int64_t apigateway_http_requests(double bytes) const { return units(bytes, apigateway_http_); }
  // Firehose: billed bytes, each record rounded up to 5 KB.
  std::int64_t firehose_bytes(double record_bytes) const;
  // A count (requests, images, items): round(n), 0 for n <= 0, saturating.
  static std::int64_t count(double n);
  // Whole bytes of a size (CloudWatch Logs ingestion): ceil, 0 for n <= 0, saturating.
  static std::int64_t bytes(double n) { return saturating_ceil(n); }

 private:
  static std::int64_t units(double bytes, const UnitCounter& unit);

  MeteringRules rules_;
  Rounding lambda_ms_, express_ms_, express_mb_, fargate_ms_;
  std::int64_t lambda_min_ms_, express_min_ms_, fargate_min_ms_;
  UnitCounter iot_, dynamodb_write_, dynamodb_read_, sqs_, sns_, kinesis_, firehose_, eventbridge_,
      apigateway_http_;
};

}  // namespace flowcost::model
