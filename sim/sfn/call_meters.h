#pragma once
// The meter and the per-call quantity of each downstream call kind of a Step Functions Task, through the
// one metering function per billable event (model/event_meters.h). Used by the executor and by the
// analytic engine (sim/markov), so both bill a call the same way.
#include <cstdint>

#include "model/event_meters.h"
#include "sim/meter_counts.h"
#include "sim/sfn/plan.h"

namespace flowcost::sim::sfn {

Meter call_meter(CallKind kind);

// The native quantity of one call: `amount` is its size in bytes (DynamoDB item, SQS/SNS message,
// Firehose/Kinesis record, EventBridge event) or its count (S3 requests, images); `items` the items,
// records or entries it carries (DynamoDB batch writes, PutRecordBatch, PutEvents), each billed alone.
std::int64_t call_quantity(const model::EventMeters& meters, CallKind kind, double amount, std::int64_t items);

}  // namespace flowcost::sim::sfn
