// Price-table loader: the shipped tables load cleanly and cover every meter; bad tables are rejected
// with every problem at its line and column (whole messages).
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "model/errors.h"
#include "model/meters.h"
#include "model/source_file.h"
#include "pricing/borrowed_prices.h"
#include "pricing/cost.h"
#include "pricing/meter_names.h"
#include "pricing/table_loader.h"

using namespace flowcost;

namespace {

const std::string kBad = std::string(FLOWCOST_TEST_DATA) + "/pricing/bad/";

// Every diagnostic of loading `file`, as "FILE:LINE:COL: severity: message" headlines.
std::vector<std::string> problems_of(const std::string& file) {
  try {
    pricing::load_price_table(kBad + file);
  } catch (const model::InputError& e) {
    std::vector<std::string> out;
    for (const auto& d : e.diagnostics()) out.push_back(model::diagnostic_headline(d));
    return out;
  }
  return {};
}

}  // namespace

TEST_CASE("the shipped us-east-1 table prices every meter, with a source and no warning") {
  auto table = pricing::load_price_table("aws-us-east-1");
  CHECK(table.name == "aws-us-east-1");
  CHECK(table.region == "us-east-1");
  CHECK(table.currency == "USD");
  CHECK(table.effective_date == "2026-09-06");
  CHECK(table.path == std::string(FLOWCOST_TABLES_DIR) + "/aws-us-east-1.yaml");
  CHECK(table.sha256.size() == 64);
  CHECK(table.warnings.empty());
  for (const auto& meter : model::known_meters()) {
    INFO(meter.name);
    CHECK(table.has_meter(std::string(meter.name)));
  }
  for (const auto& line : table.lines) {
    INFO(line.meter);
    CHECK(line.source.has_value());
    CHECK(!line.note.empty());
  }
  // Lines come in known_meters() order.
  CHECK(table.lines.front().meter == "sfn.standard.transitions");
  CHECK(table.lines.back().meter == "kms.keys");
  CHECK(table.metering.lambda_duration_granularity_ms == 1);
  CHECK(table.metering.express_duration_granularity_ms == 100);
  CHECK(table.metering.express_memory_chunk_mb == 64);
  CHECK(table.metering.iot_message_unit_bytes == 5120);
  CHECK(table.metering.dynamodb_read_unit_bytes == 4096);
  CHECK(table.metering.firehose_record_unit_bytes == 5120);
  CHECK(table.metering.lambda_unbilled_errors == std::vector<std::string>{"Lambda.TooManyRequestsException"});
  CHECK(table.metering.lambda_async_retries == 2);
  CHECK(table.metering.lambda_async_first_retry_wait_ms == 60'000);
  CHECK(table.metering.lambda_async_second_retry_wait_ms == 120'000);
  CHECK(table.metering.iot_http_tries == 3);
  CHECK(table.metering.eventbridge_event_unit_bytes == 65536);
  CHECK(table.metering.apigateway_http_request_unit_bytes == 524288);
  CHECK(table.metering.fargate_minimum_ms == 60'000);
  CHECK(table.metering.express_parallel_branches_are_steps);
  CHECK(table.metering.source == table.path);
}

TEST_CASE("the shipped eu-west-1 table prices every meter, its own figure or one borrowed from us-east-1") {
  auto table = pricing::load_price_table("aws-eu-west-1");
  CHECK(table.region == "eu-west-1");
  CHECK(table.warnings.empty());
  CHECK(table.gaps.empty());
  const auto us = pricing::load_price_table("aws-us-east-1");
  for (const auto& meter : model::known_meters()) {
    std::string name(meter.name);
    INFO(name);
    CHECK(table.has_meter(name));
    const bool borrowed = table.assumed.count(name) == 1;
    for (const auto& line : table.lines) {
      if (line.meter != name) continue;
      CHECK(line.borrowed_from == (borrowed ? "aws-us-east-1" : ""));
    }
  }
  CHECK(table.assumed.size() == 9);
  // A borrowed line is the lender's line whole: tiers, basis, source.
  auto line_of = [](const pricing::PriceTable& t, const std::string& meter) {
    for (const auto& l : t.lines)
      if (l.meter == meter) return l;
    FAIL("no line for " << meter);
    return pricing::RateLine{};
  };
  const auto express = line_of(table, "sfn.express.gb_seconds");
  CHECK(express.per == 3600);
  REQUIRE(express.tiers.size() == 3);
  CHECK(express.tiers[2].price_usd == 0.01642);
  CHECK(express.source->url == line_of(us, "sfn.express.gb_seconds").source->url);
  const auto& b = table.assumed.at("iot.rules_triggered");
  CHECK(b.from == "aws-us-east-1");
  CHECK(b.from_table == "aws-us-east-1");
  CHECK(b.from_path == us.path);
  CHECK(b.from_sha256 == us.sha256);
  CHECK(line_of(table, "kms.keys").borrowed_from.empty());  // its own figure (the KMS page)
  CHECK(line_of(table, "kms.keys").tiers[0].price_usd == 1.0);

  // --strict-prices: the borrowed meters are gaps again, naming the lender.
  const auto strict = pricing::without_borrowed_prices(table);
  CHECK(strict.assumed.empty());
  CHECK_FALSE(strict.has_meter("firehose.gb"));
  CHECK(strict.gaps.at("firehose.gb") ==
        "no Ireland Firehose price (the $0.035 golden is eu-west-2, docs/sources.md#conflict-16); the price of "
        "aws-us-east-1 is not borrowed under --strict-prices");
  CHECK(strict.lines.size() == table.lines.size() - 9);
}

TEST_CASE("the shipped ap-northeast-1 table prices every meter, with Tokyo's own figures where sourced") {
  auto table = pricing::load_price_table("aws-ap-northeast-1");
  CHECK(table.region == "ap-northeast-1");
  CHECK(table.warnings.empty());
  CHECK(table.gaps.empty());
  for (const auto& meter : model::known_meters()) {
    INFO(meter.name);
    CHECK(table.has_meter(std::string(meter.name)));
  }
  CHECK(table.assumed.size() == 15);  // sqs.fifo_requests among them
  CHECK(table.assumed.count("iot.messages") == 0);
  // 1,000,000,000 + 1,000,000 messages: the first billion at $1.20 per million, the next million at $0.96.
  const auto r = pricing::cost({{"iot.messages", 1e9 + 1e6}}, table, {});
  CHECK(r.total_usd == Approx(1200.96).epsilon(1e-12));
  const auto ddb = pricing::cost({{"dynamodb.write_request_units", 1e6}, {"cloudwatch.logs_gb", 10}}, table, {});
  CHECK(ddb.total_usd == Approx(0.715 + 7.6).epsilon(1e-12));
}

TEST_CASE("assumed: errors are reported at their position") {
  const std::string dir = std::string(FLOWCOST_TEST_DATA) + "/pricing/assumed/";
  model::Diagnostics diags;
  auto file = model::read_source_file(dir + "bad_assumed.yaml");
  pricing::parse_price_table(file, diags);
  diags.sort();
  std::vector<std::string> messages;
  for (const auto& d : diags.items()) messages.push_back(model::diagnostic_headline(d));
  CHECK(messages == std::vector<std::string>{
                        file.path + ":11:3: error: meter \"lambda.requests\" is listed under assumed: but has a rate line",
                        file.path + ":12:3: error: meter \"sqs.requests\" is listed both under assumed: and as a gap",
                        file.path + ":13:25: error: price table \"chained\" borrows meter \"sns.publishes\" itself "
                                    "(from \"aws-us-east-1\"); borrow only a table's own figures",
                        file.path + ":14:20: error: price table \"chained\" (" + dir +
                                    "chained.yaml) has no rate line for meter \"kms.keys\"",
                        file.path + ":15:30: error: assumed.rekognition.images.from: cannot read price table "
                                    "\"none.yaml\": no such file",
                        file.path + ":16:23: error: assumed meter \"eventbridge.events\" has no reason",
                    });
}

TEST_CASE("a table is found by name, by path, and an unknown name suggests the closest") {
  CHECK(pricing::shipped_table_names() ==
        std::vector<std::string>{"aws-ap-northeast-1", "aws-eu-west-1", "aws-us-east-1"});
  // is_shipped_table: exactly the listed names.
  for (const auto& name : pricing::shipped_table_names()) CHECK(pricing::is_shipped_table(name));
  for (const std::string& name : std::vector<std::string>{"", "aws-us-east1", "aws-us-east-1.yaml", "../tables/aws-us-east-1", "/aws-us-east-1",
                                 "aws-us-east-1/", std::string("aws-us-east-1\0x", 16), std::string(300, 'a')}) {
    INFO(name);
    CHECK_FALSE(pricing::is_shipped_table(name));
  }
  auto by_path = pricing::load_price_table(std::string(FLOWCOST_TABLES_DIR) + "/aws-us-east-1.yaml");
  CHECK(by_path.name == "aws-us-east-1");
  try {
    pricing::load_price_table("aws-us-east1");
    FAIL("no error");
  } catch (const model::InputError& e) {
    CHECK(std::string(e.what()) ==
          "flowcost: error: unknown price table \"aws-us-east1\"; did you mean \"aws-us-east-1\"? (shipped tables: "
          "aws-ap-northeast-1, aws-eu-west-1, aws-us-east-1; or give a path to a .yaml file)");
  }
}

TEST_CASE("negative prices are rejected at the value") {
  CHECK(problems_of("negative_price.yaml") ==
        std::vector<std::string>{kBad + "negative_price.yaml:9:12: error: price must not be negative, not -0.2"});
}

TEST_CASE("NaN and infinite prices are rejected at the value") {
  CHECK(problems_of("nan_inf_price.yaml") ==
        std::vector<std::string>{kBad + "nan_inf_price.yaml:9:39: error: price must be a finite number, not .nan",
                                 kBad + "nan_inf_price.yaml:10:32: error: price must be a finite number, not .inf"});
}

TEST_CASE("gapped, overlapping, misplaced and bounded tiers are rejected at the tier") {
  const std::string f = kBad + "tier_gap_overlap.yaml";
  CHECK(problems_of("tier_gap_overlap.yaml") ==
        std::vector<std::string>{
            f + ":10:9: error: tier starts at 7000000000 but the previous tier ends at 6000000000 (a gap)",
            f + ":11:9: error: tier starts at 14000000000 but the previous tier ends at 15000000000 (an overlap)",
            f + ":17:9: error: the first tier must start at 0, not 10",
            f + ":18:14: error: the last tier must be open-ended (no \"to\"); quantities above 200000000000 would "
                "have no price",
        });
}

TEST_CASE("unknown meters, missing and wrong units, bad metering rules; a missing source is a warning") {
  const std::string f = kBad + "unknown_meter_missing_unit.yaml";
  CHECK(problems_of("unknown_meter_missing_unit.yaml") ==
        std::vector<std::string>{
            f + ":6:3: error: unknown meter \"lambda.request\"; did you mean \"lambda.requests\"?",
            f + ":10:5: error: rate line \"requests\" of meter \"sns.publishes\" has no unit (expected \"requests\")",
            f + ":14:5: warning: rate line \"requests\" of meter \"s3.get_requests\" has no source (url and date)",
            f + ":14:11: error: unit \"GB\" does not match the unit of meter \"s3.get_requests\" (\"requests\"); "
                "quantities are in the meter's unit, use \"per\" for prices per 1,000 or per hour",
            f + ":18:29: error: metering.iot.message_unit_bytes must be a positive whole number",
            f + ":18:32: error: unknown metering.iot key \"message_units\"",
            f + ":19:32: error: metering.express_latency.choice_ms must be a finite number, not negative",
            f + ":19:45: error: metering.express_latency.wait_ms must be a number, not string",
            f + ":19:50: error: unknown metering.express_latency key \"branch_start\"; did you mean \"branch_start_ms\"?",
        });
}

TEST_CASE("an unknown meter without a close name lists its service's meters, or the services") {
  CHECK(pricing::unknown_meter_message("lambda.invocations") ==
        "unknown meter \"lambda.invocations\"; meters of lambda: lambda.requests, lambda.gb_seconds.x86, "
        "lambda.gb_seconds.arm64");
  CHECK(pricing::unknown_meter_message("ec2.hours") ==
        "unknown meter \"ec2.hours\"; known services: sfn, lambda, iot, dynamodb, s3, sqs, sns, kinesis, firehose, "
        "cloudwatch, rekognition, fargate, http, eventbridge, apigateway, kms");
  CHECK(pricing::unknown_meter_message("sns.publish") == "unknown meter \"sns.publish\"; did you mean \"sns.publishes\"?");
}

TEST_CASE("duplicate keys are rejected at the second occurrence") {
  const std::string f = kBad + "duplicate_key.yaml";
  CHECK(problems_of("duplicate_key.yaml") ==
        std::vector<std::string>{
            f + ":10:5: error: duplicate key \"price\" (first defined at line 9)",
            f + ":12:3: error: duplicate key \"sns.publishes\" (first defined at line 6)",
        });
}

TEST_CASE("a table with only warnings loads and keeps them") {
  auto table = pricing::load_price_table(kBad + "warnings_only.yaml");
  REQUIRE(table.warnings.size() == 2);
  CHECK(model::diagnostic_headline(table.warnings[0]) ==
        kBad + "warnings_only.yaml:1:1: warning: price table has no metering section; the AWS defaults apply");
  CHECK(model::diagnostic_headline(table.warnings[1]) ==
        kBad + "warnings_only.yaml:7:5: warning: rate line \"requests\" of meter \"sns.publishes\" has no source (url and date)");
  CHECK(table.metering.sqs_chunk_bytes == 64 * 1024);
}
