#include "sim/sfn/call_meters.h"

#include "model/errors.h"

namespace flowcost::sim::sfn {

Meter call_meter(CallKind kind) {
  switch (kind) {
    case CallKind::dynamodb_write:
    case CallKind::dynamodb_write_transactional: return Meter::dynamodb_write_request_units;
    case CallKind::dynamodb_read_strong:
    case CallKind::dynamodb_read_eventual:
    case CallKind::dynamodb_read_transactional:
    case CallKind::dynamodb_query_strong:
    case CallKind::dynamodb_query_eventual: return Meter::dynamodb_read_request_units;
    case CallKind::sqs: return Meter::sqs_requests;
    case CallKind::sqs_fifo: return Meter::sqs_fifo_requests;
    case CallKind::sns: return Meter::sns_publishes;
    case CallKind::s3_put: return Meter::s3_put_requests;
    case CallKind::s3_get: return Meter::s3_get_requests;
    case CallKind::rekognition: return Meter::rekognition_images;
    case CallKind::firehose: return Meter::firehose_gb;
    case CallKind::kinesis: return Meter::kinesis_put_payload_units;
    case CallKind::eventbridge: return Meter::eventbridge_events;
  }
  throw model::InternalError("unknown downstream call kind");
}

std::int64_t call_quantity(const model::EventMeters& m, CallKind kind, double amount, std::int64_t items) {
  using model::DynamoDbRead;
  using model::saturating_mul;
  switch (kind) {
    case CallKind::dynamodb_write: return m.dynamodb_write_units(amount, items, false);
    case CallKind::dynamodb_write_transactional: return m.dynamodb_write_units(amount, items, true);
    case CallKind::dynamodb_read_strong: return m.dynamodb_read_half_units(amount, items, DynamoDbRead::strong);
    case CallKind::dynamodb_read_eventual: return m.dynamodb_read_half_units(amount, items, DynamoDbRead::eventual);
    case CallKind::dynamodb_read_transactional:
      return m.dynamodb_read_half_units(amount, items, DynamoDbRead::transactional);
    // A Query or Scan of `items` items of `amount` bytes each: their total rounded up to 4 KB once; one
    // that finds nothing still reads the minimum, one unit (docs/sources.md#dynamodb-query-reads).
    case CallKind::dynamodb_query_strong:
      return m.dynamodb_read_half_units(amount * static_cast<double>(items), 1, DynamoDbRead::strong);
    case CallKind::dynamodb_query_eventual:
      return m.dynamodb_read_half_units(amount * static_cast<double>(items), 1, DynamoDbRead::eventual);
    case CallKind::sqs:
    case CallKind::sqs_fifo: return m.sqs_requests(amount);
    case CallKind::sns: return m.sns_publishes(amount);
    case CallKind::s3_put:
    case CallKind::s3_get:
    case CallKind::rekognition: return model::EventMeters::count(amount);
    case CallKind::firehose: return saturating_mul(m.firehose_bytes(amount), items);
    case CallKind::kinesis: return saturating_mul(m.kinesis_payload_units(amount), items);
    case CallKind::eventbridge: return saturating_mul(m.eventbridge_events(amount), items);
  }
  throw model::InternalError("unknown downstream call kind");
}

}  // namespace flowcost::sim::sfn
