// model/event_meters.h: one function per billable event, exact, saturating instead of wrapping.
#include <catch2/catch.hpp>

#include <cmath>

#include "model/event_meters.h"

using namespace flowcost;
using model::DynamoDbRead;
using model::EventMeters;
using model::kSaturatedQuantity;

TEST_CASE("event meters: DynamoDB units per item, eventual reads in half units, transactions double") {
  const EventMeters m{model::MeteringRules{}};
  CHECK(m.dynamodb_read_half_units(2048, 1, DynamoDbRead::eventual) == 1);
  CHECK(m.dynamodb_read_half_units(2048, 2, DynamoDbRead::eventual) == 2);  // two reads: 1.0 RRU
  CHECK(m.dynamodb_read_half_units(8192, 1, DynamoDbRead::strong) == 4);
  CHECK(m.dynamodb_read_half_units(8192, 1, DynamoDbRead::transactional) == 8);
  CHECK(m.dynamodb_write_units(1024, 1, true) == 2);
  CHECK(m.dynamodb_write_units(1025, 1, false) == 2);
  CHECK(m.dynamodb_write_units(1500, 100, false) == 200);
}

TEST_CASE("event meters: a Lambda invocation bills at least one 1 ms step, INIT when billed") {
  model::MeteringRules rules;
  const EventMeters m{rules};
  CHECK(m.lambda_mb_ms(128, 0, 0) == 128);
  CHECK(m.lambda_mb_ms(128, 0, 10.2) == 128 * 11);
  CHECK(m.lambda_mb_ms(256, 300, 10.4) == 256 * 311);
  rules.lambda_init_billed = false;
  CHECK(EventMeters{rules}.lambda_mb_ms(256, 300, 10.4) == 256 * 11);
}

TEST_CASE("event meters: chunks and records") {
  const EventMeters m{model::MeteringRules{}};
  CHECK(m.firehose_bytes(3 * 1024) == 5120);
  CHECK(m.firehose_bytes(12 * 1024) == 15 * 1024);
  CHECK(m.sqs_requests(0) == 1);
  CHECK(m.sns_publishes(256 * 1024) == 4);
  CHECK(m.eventbridge_events(64 * 1024 + 1) == 2);
  CHECK(m.apigateway_http_requests(512 * 1024) == 1);
  CHECK(m.apigateway_http_requests(512 * 1024 + 1) == 2);
  CHECK(m.kinesis_payload_units(25 * 1024) == 1);
  CHECK(m.iot_message_units(8 * 1024) == 2);
  CHECK(m.fargate_billed_ms(1500) == 60'000);
  CHECK(m.fargate_billed_ms(61'200) == 62'000);
  CHECK(m.express_mb_ms(50.1, 0) == 64 * 100);
}

TEST_CASE("event meters: sizes beyond 2^52 bytes are exact or saturate, never wrap") {
  const EventMeters m{model::MeteringRules{}};
  CHECK(m.iot_message_units(1e19) == 1'953'125'000'000'000LL);
  CHECK(m.firehose_bytes(1e19) == kSaturatedQuantity);
  CHECK(m.sqs_requests(1e300) == kSaturatedQuantity);
  CHECK(m.lambda_mb_ms(10240, 0, 1e300) == kSaturatedQuantity);
  CHECK(m.dynamodb_write_units(1e18, 1'000'000, false) == kSaturatedQuantity);
  CHECK(model::saturating_ceil(-5) == 0);
  CHECK(model::saturating_ceil(std::nan("")) == 0);
  CHECK(EventMeters::count(2.5) == 3);
  CHECK(EventMeters::count(1e30) == kSaturatedQuantity);
}
