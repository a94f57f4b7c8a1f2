// Metering rules read from a table, several rate lines for one meter, cents rounding, and the RFC 4180 CSV reader used by the offer importer.
#include <catch2/catch.hpp>

#include "model/number_format.h"
#include "pricing/cents.h"
#include "pricing/cost.h"
#include "pricing/table_loader.h"

using namespace flowcost;

TEST_CASE("a table's metering section sets every rule; several lines can bill one meter") {
  auto table = pricing::load_price_table(std::string(FLOWCOST_TEST_DATA) + "/pricing/custom_metering.yaml");
  CHECK(table.warnings.empty());
  const auto& m = table.metering;
  CHECK(m.lambda_duration_granularity_ms == 100);
  CHECK(!m.lambda_init_billed);
  CHECK(m.express_duration_granularity_ms == 1000);
  CHECK(m.express_memory_chunk_mb == 128);
  CHECK(m.express_base_memory_mb == 40);
  CHECK(m.standard_transitions_per_execution == 2);
  CHECK(m.iot_message_unit_bytes == 1024);
  CHECK(m.dynamodb_write_unit_bytes == 2048);
  CHECK(m.dynamodb_read_unit_bytes == 8192);
  CHECK(m.sqs_chunk_bytes == 1024);
  CHECK(m.sns_chunk_bytes == 2048);
  CHECK(m.kinesis_payload_unit_bytes == 1000);
  CHECK(m.firehose_record_unit_bytes == 1);
  CHECK(!m.iot_rules_in_message_units);
  CHECK(!m.iot_error_action_billed);
  CHECK(m.iot_where_false_triggers);
  CHECK(m.lambda_unbilled_errors == std::vector<std::string>{"Lambda.TooManyRequestsException", "Custom.Throttle"});
  CHECK(m.lambda_async_retries == 1);
  CHECK(m.lambda_async_first_retry_wait_ms == 1500);
  CHECK(m.lambda_async_second_retry_wait_ms == 0);
  CHECK(!m.express_parallel_branches_are_steps);
  CHECK(m.iot_http_tries == 5);
  CHECK(m.eventbridge_event_unit_bytes == 256);
  CHECK(m.apigateway_http_request_unit_bytes == 1024);
  CHECK(m.fargate_duration_granularity_ms == 60000);
  CHECK(m.fargate_minimum_ms == 0);
  CHECK(m.express_latency_ms == flowcost::model::LatencyMs{1, 2, 3, 4, 5, 6});
  // Keys left out keep the defaults (the Express figures for Standard).
  CHECK(m.standard_latency_ms == flowcost::model::LatencyMs{0, 0.5, 25, 10.925, 0, 4.925});
  CHECK(m.iot_rule_evaluation_ms == 7);
  CHECK(m.iot_action_dispatch_ms == 3.5);
  // Every setting as a report lists it, in the section's order, with the meters it decides.
  std::vector<std::string> listed;
  for (const auto& s : flowcost::model::metering_settings(m)) listed.push_back(s.name + "=" + s.value + " " + s.meter_prefix);
  CHECK(listed == std::vector<std::string>{
                      "lambda.duration_granularity_ms=100 lambda.", "lambda.init_billed=false lambda.",
                      "lambda.unbilled_errors=[Lambda.TooManyRequestsException, Custom.Throttle] lambda.",
                      "lambda.async_retries=1 lambda.", "lambda.async_first_retry_wait_ms=1500 lambda.",
                      "lambda.async_second_retry_wait_ms=0 lambda.",
                      "express.duration_granularity_ms=1000 sfn.express.", "express.memory_chunk_mb=128 sfn.express.",
                      "express.base_memory_mb=40 sfn.express.", "express.parallel_branches_are_steps=false sfn.express.",
                      "standard.transitions_per_execution=2 sfn.standard.",
                      "express_latency.execution_start_ms=1 sfn.express.", "express_latency.state_entered_ms=2 sfn.express.",
                      "express_latency.task_dispatch_ms=3 sfn.express.", "express_latency.choice_ms=4 sfn.express.",
                      "express_latency.wait_ms=5 sfn.express.", "express_latency.branch_start_ms=6 sfn.express.",
                      "standard_latency.execution_start_ms=0 sfn.standard.",
                      "standard_latency.state_entered_ms=0.5 sfn.standard.",
                      "standard_latency.task_dispatch_ms=25 sfn.standard.",
                      "standard_latency.choice_ms=10.925 sfn.standard.", "standard_latency.wait_ms=0 sfn.standard.",
                      "standard_latency.branch_start_ms=4.925 sfn.standard.",
                      "iot.message_unit_bytes=1024 iot.", "iot.rules_in_message_units=false iot.",
                      "iot.error_action_billed=false iot.", "iot.where_false_triggers=true iot.", "iot.http_tries=5 iot.",
                      "iot_latency.rule_evaluation_ms=7 iot.", "iot_latency.action_dispatch_ms=3.5 iot.",
                      "dynamodb.write_unit_bytes=2048 dynamodb.", "dynamodb.read_unit_bytes=8192 dynamodb.",
                      "sqs.chunk_bytes=1024 sqs.", "sns.chunk_bytes=2048 sns.", "kinesis.payload_unit_bytes=1000 kinesis.",
                      "firehose.record_unit_bytes=1 firehose.", "eventbridge.event_unit_bytes=256 eventbridge.",
                      "apigateway.http_request_unit_bytes=1024 apigateway.",
                      "fargate.duration_granularity_ms=60000 fargate.", "fargate.minimum_ms=0 fargate."});
  REQUIRE(table.lines.size() == 2);
  CHECK(table.lines[1].source->url == "https://example.com/internal-chargeback");
  CHECK(table.lines[1].tiers[1].from == 1e6);  // "from" defaults to the previous "to"
  // 5M requests: $0.20 x 5 = $1.00, plus the surcharge on 4M above its $0 band: $0.04.
  auto r = pricing::cost({{"lambda.requests", 5e6}}, table, {});
  REQUIRE(r.lines.size() == 2);
  CHECK(r.lines[0].cost_usd == Approx(1.0).epsilon(1e-12));
  CHECK(r.lines[1].line == "support surcharge");
  CHECK(r.lines[1].cost_usd == Approx(0.04).epsilon(1e-12));
  CHECK(r.total_usd == Approx(1.04).epsilon(1e-12));
}

TEST_CASE("money rounds to cents with halves away from zero, as written in decimal") {
  CHECK(pricing::round_to_cents(18.33337) == 1833);
  CHECK(pricing::round_to_cents(1.875) == 188);
  CHECK(pricing::round_to_cents(0.125) == 13);
  CHECK(pricing::round_to_cents(1.005) == 101);  // the double is 1.00499999999999989...
  CHECK(pricing::round_to_cents(0.0049) == 0);
  CHECK(pricing::round_to_cents(-0.125) == -13);
  CHECK(pricing::format_cents(1833) == "18.33");
  CHECK(pricing::format_cents(5) == "0.05");
  CHECK(pricing::format_cents(-5) == "-0.05");
  CHECK(pricing::format_cents(48297) == "482.97");
}

