#pragma once
// Per-execution and summed meter quantities as integers in a native unit per meter (counts, MB*ms,
// bytes, milli-vCPU*ms), so that sums are exact and merging shards or threads is order-independent.
// meter_scale() converts a native integer to the meter's billing unit (model/meters.h).
#include <array>
#include <cstdint>
#include <limits>
#include <string_view>

#include "sim/floor_count.h"

namespace flowcost::sim {

// Same order as model::known_meters() (checked by a test).
enum class Meter : std::uint8_t {
  sfn_standard_transitions,   // count
  sfn_express_requests,       // count
  sfn_express_gb_seconds,     // MB*ms  (billed memory MB x billed duration ms)
  lambda_requests,            // count
  lambda_gb_seconds_x86,      // MB*ms
  lambda_gb_seconds_arm64,    // MB*ms
  iot_messages,               // count of 5 KB units
  iot_connection_minutes,     // minutes
  iot_rules_triggered,        // count
  iot_actions_executed,       // count
  iot_shadow_operations,      // count
  dynamodb_write_request_units,  // count (WRU)
  dynamodb_read_request_units,   // half units (an eventual read of 4 KB = 1 half unit; scale 0.5)
  s3_put_requests,            // count
  s3_get_requests,            // count
  sqs_requests,               // count of 64 KB chunks (standard queues)
  sqs_fifo_requests,          // count of 64 KB chunks (FIFO queues)
  sns_publishes,              // count of 64 KB chunks
  kinesis_put_payload_units,  // count of 25 KB units
  firehose_gb,                // bytes (records rounded up to 5 KB)
  cloudwatch_logs_gb,         // bytes
  cloudwatch_metrics,         // count
  rekognition_images,         // count
  fargate_vcpu_seconds,       // milli-vCPU * ms
  fargate_gb_seconds,         // MB*ms
  http_requests,              // count
  eventbridge_events,         // count of 64 KB chunks
  apigateway_rest_requests,   // count
  apigateway_http_requests,   // count of 512 KB increments
  s3_storage_gb_months,       // (monthly lines only: a design's `fixed:` section)
  kms_keys,                   // (monthly lines only)
  count_
};

inline constexpr std::size_t kMeterCount = static_cast<std::size_t>(Meter::count_);
#ifdef FLOWCOST_FLOOR_COUNTING
static_assert(kMeterCount <= floor_count::kMaxMeters);
#endif

// Multiply a native integer by this to get the meter's unit (GB-s, GB, requests, ...).
double meter_scale(Meter m);
std::string_view meter_name(Meter m);

// The largest native quantity a meter holds: a sum that would pass it stays there (saturates) instead of
// wrapping around, and the replication loop reports every meter that reached it (a lower bound).
inline constexpr std::int64_t kMeterSaturated = std::numeric_limits<std::int64_t>::max();

struct MeterCounts {
  std::array<std::int64_t, kMeterCount> v{};

  // Quantities are never negative; a sum that overflows saturates at kMeterSaturated.
  void add(Meter m, std::int64_t n) {
#ifdef FLOWCOST_FLOOR_COUNTING
    floor_count::meter_added(static_cast<std::size_t>(m));
#endif
    std::int64_t& x = v[static_cast<std::size_t>(m)];
    if (__builtin_add_overflow(x, n, &x)) x = kMeterSaturated;
  }
  std::int64_t get(Meter m) const { return v[static_cast<std::size_t>(m)]; }
  MeterCounts& operator+=(const MeterCounts& o) {
    for (std::size_t i = 0; i < kMeterCount; ++i)
      if (__builtin_add_overflow(v[i], o.v[i], &v[i])) v[i] = kMeterSaturated;
    return *this;
  }
  bool saturated(std::size_t i) const { return v[i] == kMeterSaturated; }
  void clear() { v.fill(0); }
};

}  // namespace flowcost::sim
