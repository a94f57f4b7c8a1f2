// One metering function per billable event, the same in every design kind (tests/data/sfn/metering.yaml):
// exact quantities of DynamoDB reads and writes, record and event calls, throttles, Lambda in both design
// kinds, IoT rule Lambda timeouts, huge payloads, large Maps, Express steps, API triggers, monthly lines.
#include <catch2/catch.hpp>

#include <map>
#include <memory>
#include <string>

#include "model/diagnostics.h"
#include "model/event_meters.h"
#include "model/metering.h"
#include "model/scenario/scenario.h"
#include "sim/design_factory.h"
#include "sim/execution.h"
#include "sim/scenario_values.h"
#include "sfn_test_util.h"

namespace {

using namespace flowcost;
using sim::Meter;

struct Fixture {
  model::Scenario scenario;
  std::vector<std::unique_ptr<sim::DesignSimulator>> designs;

  Fixture() {
    model::Diagnostics diags;
    scenario = model::load_scenario(std::string(FLOWCOST_TEST_DATA) + "/sfn/metering.yaml", {}, diags);
    if (!diags.has_errors()) designs = sim::make_design_simulators(scenario, sfn_test::no_orchestration(), diags);
    std::string text;
    for (const auto& d : diags.items()) text += model::diagnostic_headline(d) + "\n";
    INFO(text);
    REQUIRE_FALSE(diags.has_errors());
  }

  const sim::DesignSimulator& design(const std::string& name) const {
    for (const auto& d : designs)
      if (d->name() == name) return *d;
    FAIL("no design " << name);
    throw 0;
  }

  // One event (sample 0 of draw 0).
  sim::ExecutionRecord one(const std::string& name) const {
    sim::CompiledScenarioValues values(scenario);
    auto draw = design(name).prepare(values.draw_inputs(scenario.run.seed, 0));
    sim::ExecutionRecord rec;
    draw->simulate(0, rec);
    return rec;
  }

  model::MeterTotals monthly(const std::string& name) const {
    sim::CompiledScenarioValues values(scenario);
    return design(name).monthly_fixed(values.draw_inputs(scenario.run.seed, 0));
  }
};

const Fixture& fixture() {
  static const Fixture f;
  return f;
}

double rru(const sim::ExecutionRecord& r) {
  return static_cast<double>(r.meters.get(Meter::dynamodb_read_request_units)) *
         sim::meter_scale(Meter::dynamodb_read_request_units);
}

}  // namespace

TEST_CASE("metering: two 2 KB reads with no consistency given are eventual: 1.0 RRU") {
  const auto r = fixture().one("reads");
  CHECK(r.meters.get(Meter::dynamodb_read_request_units) == 2);  // half units
  CHECK(rru(r) == 1.0);
}

TEST_CASE("metering: a Query or Scan rounds its items' total once; BatchGetItem rounds each item") {
  // query-scan: Query of 10 x 1 KB, eventual: ceil(10 KB / 4 KB) = 3 units x 1/2; Scan that finds nothing,
  // strong: the minimum, 1 unit; BatchGetItem of 10 x 1 KB, eventual: 10 x 1/2. 1.5 + 1 + 5 = 7.5 RRU.
  const auto r = fixture().one("query-scan");
  CHECK(r.meters.get(Meter::dynamodb_read_request_units) == 3 + 2 + 10);  // half units
  CHECK(rru(r) == 7.5);
  // query-strong: Query of 3 x 1,500 B, strong: 4,500 B is 2 units (item by item it would be 3); Scan of
  // 2 x 4 KB, eventual: 2 x 1/2; BatchGetItem of 2 x 1,500 B, strong: 2 x 1. 2 + 1 + 2 = 5 RRU.
  CHECK(rru(fixture().one("query-strong")) == 5.0);
}

TEST_CASE("metering: FIFO queues have their own meter; a FIFO topic is listed as not priced") {
  // fifo: a QueueUrl ending in .fifo, 70 KB (2 chunks); a standard QueueUrl (1); a QueueUrl from a path with
  // `fifo: true` (1); a TopicArn ending in .fifo: not metered, listed.
  const auto r = fixture().one("fifo");
  CHECK(r.meters.get(Meter::sqs_fifo_requests) == 3);
  CHECK(r.meters.get(Meter::sqs_requests) == 1);
  CHECK(r.meters.get(Meter::sns_publishes) == 0);
  const std::string reason =
      "a FIFO topic, whose publishes AWS prices per request and per GB of payload; flowcost's tables have no FIFO "
      "topic prices, so its publishes are not metered (a standard topic's sns.publishes would be the wrong price)";
  CHECK(fixture().design("fifo").unpriced() == std::vector<model::UnpricedCall>{{"Topic", "sns", "publish", reason}});
  // `fifo: false` overrides the names: three standard requests and a standard publish, nothing listed.
  const auto o = fixture().one("fifo-overridden");
  CHECK(o.meters.get(Meter::sqs_fifo_requests) == 0);
  CHECK(o.meters.get(Meter::sqs_requests) == 3);
  CHECK(o.meters.get(Meter::sns_publishes) == 1);
  CHECK(fixture().design("fifo-overridden").unpriced().empty());
  // A Lambda function's own calls: `fifo: true` on sqs: and sns:.
  const auto l = fixture().one("lambda-fifo");
  CHECK(l.meters.get(Meter::sqs_fifo_requests) == 1);
  CHECK(l.meters.get(Meter::sqs_requests) == 0);
  CHECK(l.meters.get(Meter::sns_publishes) == 0);
  CHECK(fixture().design("lambda-fifo").unpriced() == std::vector<model::UnpricedCall>{{"Work", "sns", "publish", reason}});
}

TEST_CASE("metering: a 1 KB transactional write (transactWriteItems) is 2 WRU") {
  CHECK(fixture().one("transact").meters.get(Meter::dynamodb_write_request_units) == 2);
}

TEST_CASE("metering: a Lambda that batch-writes 100 items of 1,500 bytes bills 2 WRU per item") {
  const auto r = fixture().one("batch-write");
  CHECK(r.meters.get(Meter::dynamodb_write_request_units) == 200);
  CHECK(r.meters.get(Meter::lambda_requests) == 1);
  CHECK(r.meters.get(Meter::lambda_gb_seconds_x86) == 128 * 20);
}

TEST_CASE("metering: Firehose, Kinesis and EventBridge Tasks are metered per record") {
  const auto r = fixture().one("records");
  CHECK(r.meters.get(Meter::firehose_gb) == 2 * 5120);           // 3 KB records round up to 5 KB
  CHECK(r.meters.get(Meter::kinesis_put_payload_units) == 4 * 2);  // 30 KB = two 25 KB units
  CHECK(r.meters.get(Meter::eventbridge_events) == 3 * 2);         // 70 KB = two 64 KB chunks
}

TEST_CASE("metering: a throttled Lambda attempt bills no request and no duration") {
  const auto r = fixture().one("throttled");
  CHECK(r.outcome == sim::Outcome::failed);
  CHECK(fixture().design("throttled").error_names()[r.error_id] == "Lambda.TooManyRequestsException");
  CHECK(r.meters.get(Meter::lambda_requests) == 0);
  CHECK(r.meters.get(Meter::lambda_gb_seconds_x86) == 0);
  CHECK(r.meters.get(Meter::sfn_standard_transitions) == 2);  // Start, Work
  CHECK(r.latency_ms == 0);
}

TEST_CASE("metering: the same 0 ms Lambda call bills the same 1 ms in both design kinds") {
  const auto sfn = fixture().one("zero-ms-sfn");
  const auto iot = fixture().one("zero-ms-iot");
  CHECK(sfn.meters.get(Meter::lambda_requests) == 1);
  CHECK(iot.meters.get(Meter::lambda_requests) == 1);
  CHECK(sfn.meters.get(Meter::lambda_gb_seconds_x86) == 256);  // 256 MB x 1 ms
  CHECK(iot.meters.get(Meter::lambda_gb_seconds_x86) == 256);
}

TEST_CASE("metering: an IoT rule Lambda action stops at the function timeout and is retried twice") {
  const auto r = fixture().one("iot-timeout");
  CHECK(r.outcome == sim::Outcome::lost);
  CHECK(r.meters.get(Meter::lambda_requests) == 3);
  CHECK(r.meters.get(Meter::lambda_gb_seconds_x86) == 3 * 128 * 900'000LL);
  CHECK(r.retries == 2);
  CHECK(r.latency_ms == 3 * 900'000.0 + 60'000 + 120'000);
}

TEST_CASE("metering: the largest MQTT message, 128 KB, is 26 IoT messages of 5 KB; a larger payload is refused") {
  const auto r = fixture().one("largest-payload");
  CHECK(r.meters.get(Meter::iot_messages) == 26);  // 131,072 / 5,120 = 25.6
  CHECK(r.meters.get(Meter::iot_rules_triggered) == 26);
  const std::string file = std::string(FLOWCOST_TEST_DATA) + "/sfn/metering.yaml";
  CHECK_THROWS_WITH(fixture().one("huge-payload"),
                    file + ":105:14: error: payload size is 1e+19 in draw 0 (must be from 0 to 131,072 bytes: IoT Core refuses an MQTT "
                    "message over 128 KB)");
  // Step Functions execution data: at most 262,144 bytes; behind an IoT rule, at most the message's 128 KB.
  CHECK_THROWS_WITH(fixture().one("huge-sfn-payload"),
                    file + ":111:14: error: payload size is 307200 in draw 0 (must be from 0 to 262,144 bytes: Step Functions refuses "
                    "larger execution data)");
  CHECK_THROWS_WITH(fixture().one("huge-iot-triggered-payload"),
                    file + ":118:14: error: payload size is 204800 in draw 0 (must be from 0 to 131,072 bytes: IoT Core refuses an MQTT "
                    "message over 128 KB)");
}

TEST_CASE("metering: a 3 M-item Distributed Map bills 3 M child executions (no cap at 1 M)") {
  const auto r = fixture().one("big-import");
  CHECK(r.outcome == sim::Outcome::succeeded);
  // The Map state, one transition per child started, and each child's Pass state.
  CHECK(r.meters.get(Meter::sfn_standard_transitions) == 1 + 3'000'000 + 3'000'000);
}

TEST_CASE("metering: Express memory multiplies the payload by the Map iterations executed") {
  const auto r = fixture().one("express-steps");
  // 50 MB + definition + 100 KB x 400 iterations = 89.06 MB -> 128 MB; 400 x 100 ms at concurrency 2 = 20 s.
  CHECK(r.meters.get(Meter::sfn_express_requests) == 1);
  CHECK(r.meters.get(Meter::sfn_express_gb_seconds) == 128 * 20'000);
  CHECK(r.meters.get(Meter::lambda_requests) == 400);
}

TEST_CASE("metering: API Gateway triggers: a REST request, HTTP requests in 512 KB increments") {
  CHECK(fixture().one("api-rest").meters.get(Meter::apigateway_rest_requests) == 1);
  CHECK(fixture().one("api-rest").meters.get(Meter::apigateway_http_requests) == 0);
  CHECK(fixture().one("api-http").meters.get(Meter::apigateway_http_requests) == 2);  // 600 KB
}

TEST_CASE("metering: a Step Functions design behind an IoT rule has connection minutes and fixed lines") {
  const auto m = fixture().monthly("fleet");
  CHECK(m.at("iot.connection_minutes") == 1000.0 * 43200);  // 43,199.5 minutes round up per device
  CHECK(m.at("s3.storage_gb_months") == 250);
  CHECK(m.at("kms.keys") == 2);
  CHECK(m.size() == 3);
  CHECK(fixture().one("fleet").meters.get(Meter::iot_messages) == 1);
}

TEST_CASE("metering: logging ALL ingests every history event of the execution") {
  // Execution 2 + Start 2 + Work 2 + its attempt 3 + Done 2 = 11 events of 100 bytes.
  CHECK(fixture().one("logged").meters.get(Meter::cloudwatch_logs_gb) == 1100);
}

TEST_CASE("meter counts saturate at 2^63 - 1 instead of wrapping") {
  sim::MeterCounts c;
  c.add(sim::Meter::iot_messages, model::kSaturatedQuantity - 1);
  c.add(sim::Meter::iot_messages, 5);
  CHECK(c.get(sim::Meter::iot_messages) == model::kSaturatedQuantity);
  CHECK(c.saturated(static_cast<std::size_t>(sim::Meter::iot_messages)));
  sim::MeterCounts d;
  d.add(sim::Meter::iot_messages, 10);
  d += c;
  CHECK(d.get(sim::Meter::iot_messages) == model::kSaturatedQuantity);
  CHECK_FALSE(d.saturated(static_cast<std::size_t>(sim::Meter::lambda_requests)));
}
