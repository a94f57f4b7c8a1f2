#include "model/event_meters.h"

#include <algorithm>
#include <cmath>

namespace flowcost::model {

namespace {

constexpr double kTwoTo52 = 4503599627370496.0;
constexpr double kTwoTo63 = 9223372036854775808.0;

std::int64_t rounded(const Rounding& r, double x, std::int64_t minimum) {
  // Rounding is exact below 2^52 steps; a longer time saturates (it is then far beyond any AWS limit).
  if (x > 0 && x / r.step() >= kTwoTo52) return saturating_ceil(std::ceil(x / r.step()) * r.step());
  return std::max(r(x), minimum);
}

}  // namespace

std::int64_t saturating_ceil(double x) {
  if (!(x > 0)) return 0;
  if (x >= kTwoTo63) return kSaturatedQuantity;
  if (x >= kTwoTo52) return static_cast<std::int64_t>(x);  // already whole
  return ceil_positive(x);
}

std::int64_t saturating_mul(std::int64_t a, std::int64_t b) {
  std::int64_t p = 0;
  return __builtin_mul_overflow(a, b, &p) ? kSaturatedQuantity : p;
}

EventMeters::EventMeters(const MeteringRules& rules)
    : rules_(rules),
      lambda_ms_(rules.lambda_duration_granularity_ms),
      express_ms_(rules.express_duration_granularity_ms),
      express_mb_(rules.express_memory_chunk_mb),
      fargate_ms_(rules.fargate_duration_granularity_ms),
      lambda_min_ms_(static_cast<std::int64_t>(std::ceil(rules.lambda_duration_granularity_ms))),
      express_min_ms_(static_cast<std::int64_t>(std::ceil(rules.express_duration_granularity_ms))),
      fargate_min_ms_(static_cast<std::int64_t>(std::ceil(rules.fargate_minimum_ms))),
      iot_(rules.iot_message_unit_bytes),
      dynamodb_write_(rules.dynamodb_write_unit_bytes),
      dynamodb_read_(rules.dynamodb_read_unit_bytes),
      sqs_(rules.sqs_chunk_bytes),
      sns_(rules.sns_chunk_bytes),
      kinesis_(rules.kinesis_payload_unit_bytes),
      firehose_(rules.firehose_record_unit_bytes),
      eventbridge_(rules.eventbridge_event_unit_bytes),
      apigateway_http_(rules.apigateway_http_request_unit_bytes) {}

std::int64_t EventMeters::units(double bytes, const UnitCounter& unit) {
  if (!(bytes > 0)) return 1;
  if (bytes < kTwoTo52) return unit(ceil_positive(bytes));
  return saturating_ceil(std::ceil(bytes) / static_cast<double>(unit.unit()));
}

std::int64_t EventMeters::lambda_mb_ms(std::int64_t memory_mb, double init_ms, double run_ms) const {
  const double billed = std::max(0.0, run_ms) + (rules_.lambda_init_billed ? std::max(0.0, init_ms) : 0.0);
  return saturating_mul(memory_mb, rounded(lambda_ms_, billed, lambda_min_ms_));
}

std::int64_t EventMeters::express_mb_ms(double memory_mb, double duration_ms) const {
  const std::int64_t mb = rounded(express_mb_, memory_mb, 0);
  return saturating_mul(mb, rounded(express_ms_, duration_ms, express_min_ms_));
}

std::int64_t EventMeters::fargate_billed_ms(double run_ms) const { return rounded(fargate_ms_, run_ms, fargate_min_ms_); }

std::int64_t EventMeters::dynamodb_write_units(double item_bytes, std::int64_t items, bool transactional) const {
  const std::int64_t per_item = units(item_bytes, dynamodb_write_) * (transactional ? 2 : 1);
  return saturating_mul(per_item, items);
}

std::int64_t EventMeters::dynamodb_read_half_units(double item_bytes, std::int64_t items, DynamoDbRead c) const {
  const std::int64_t factor = c == DynamoDbRead::eventual ? 1 : c == DynamoDbRead::strong ? 2 : 4;
  return saturating_mul(saturating_mul(units(item_bytes, dynamodb_read_), factor), items);
}

std::int64_t EventMeters::firehose_bytes(double record_bytes) const {
  return saturating_mul(units(record_bytes, firehose_), firehose_.unit());
}

std::int64_t EventMeters::count(double n) {
  if (!(n > 0)) return 0;
  return saturating_ceil(std::floor(n + 0.5));
}

}  // namespace flowcost::model
