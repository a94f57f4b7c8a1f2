#pragma once
// Metering rules: how AWS counts billable units per event, before any price applies. They live in the
// `metering:` section of a price table (so a user can model another billing rule) and the simulator
// applies them per simulated event. sim/ reads this struct; it never sees a price.
#include <cstdint>
#include <optional>
#include <string>

#include "model/source_location.h"

namespace flowcost::model {

struct MeteringRules {
  // Lambda: billed duration = (billed INIT + duration) rounded up to this many ms; memory as configured.
  double lambda_duration_granularity_ms = 1;
  bool lambda_init_billed = true;  // on-demand ZIP functions since 2025-08-01 (pricing.md 2.2)
  // Step Functions Express: duration rounded up to 100 ms, memory rounded up to 64 MB chunks.
  double express_duration_granularity_ms = 100;
  double express_memory_chunk_mb = 64;
  double express_base_memory_mb = 50;  // 50 MB + definition size + payload x Map/Parallel steps
  // Step Functions Standard: transitions added per execution for start/end (pricing.md 1.2: unsettled).
  std::int64_t standard_transitions_per_execution = 0;
  // IoT Core: messages metered in 5 KB units of payload + topic; rules and actions per message.
  std::int64_t iot_message_unit_bytes = 5 * 1024;
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

  std::string source;  // where these rules were read from (price table path), for reports
};

// Units of `bytes` metered in chunks of `unit` bytes: ceil(bytes / unit), and at least 1.
inline std::int64_t metered_units(std::int64_t bytes, std::int64_t unit) {
  if (bytes <= 0) return 1;
  return (bytes + unit - 1) / unit;
}

}  // namespace flowcost::model
