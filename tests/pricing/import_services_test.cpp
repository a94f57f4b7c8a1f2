// `prices import` for every service flowcost meters that has sourced usage types (pricing/usage_types.cpp):
// one small eu-west-1 offer per service in tests/data/pricing/offers/services/, in both AWS formats (JSON
// and CSV with its preamble), with `EU-` region prefixes, tiers from the ranges, free tiers from $0 bands and
// Global- rows, an hour-priced Fargate rate in per-second meters, and a usage type of each offer that has no
// meter. Both formats must give the same table, with exact rates.
#include <catch2/catch.hpp>

#include <map>
#include <optional>

#include "model/source_file.h"
#include "pricing/offer.h"
#include "pricing/table_import.h"
#include "pricing/table_loader.h"
#include "pricing/usage_types.h"

using namespace flowcost;

namespace {

struct Band {
  double from;
  std::optional<double> to;
  double price_usd;
};

struct Expected {
  double per = 1;
  std::vector<Band> tiers;
  double free = 0;
  std::string pool;
};

struct ServiceCase {
  std::string offer;
  std::map<std::string, Expected> meters;
  std::vector<std::string> unmapped;
};

std::vector<ServiceCase> cases() {
  auto open = [](double price) { return std::vector<Band>{{0, std::nullopt, price}}; };
  return {
      {"AmazonStates",
       {{"sfn.standard.transitions", {1, open(0.000025), 4000, ""}},
        {"sfn.express.requests", {1, open(0.000001), 0, ""}},
        {"sfn.express.gb_seconds",
         {1, {{0, 3600000, 0.0000166667}, {3600000, 18000000, 0.0000083333}, {18000000, std::nullopt, 0.0000045612}}, 0, ""}}},
       {}},
      {"AWSLambda",
       {{"lambda.requests", {1, open(0.0000002), 1e6, ""}},
        {"lambda.gb_seconds.x86",
         {1, {{0, 6e9, 0.0000166667}, {6e9, 1.5e10, 0.000015}, {1.5e10, std::nullopt, 0.0000133334}}, 400000, "lambda-gb-seconds"}},
        {"lambda.gb_seconds.arm64",
         {1, {{0, 7.5e9, 0.0000133334}, {7.5e9, 1.875e10, 0.0000120001}, {1.875e10, std::nullopt, 0.0000106667}}, 400000,
          "lambda-gb-seconds"}}},
       {"EU-Lambda-Provisioned-Concurrency"}},
      {"AmazonDynamoDB",
       {{"dynamodb.write_request_units", {1, open(0.000000705), 0, ""}},
        {"dynamodb.read_request_units", {1, open(0.0000001415), 0, ""}}},
       {"EU-TimedStorage-ByteHrs"}},
      {"AmazonS3",
       {{"s3.put_requests", {1, open(0.000005), 0, ""}},
        {"s3.get_requests", {1, open(0.0000004), 0, ""}},
        {"s3.storage_gb_months", {1, {{0, 51200, 0.023}, {51200, 512000, 0.022}, {512000, std::nullopt, 0.021}}, 0, ""}}},
       {"EU-TimedStorage-SIA-ByteHrs"}},
      {"AWSQueueService",
       {{"sqs.requests", {1, {{0, 1e11, 0.0000004}, {1e11, 2e11, 0.0000003}, {2e11, std::nullopt, 0.00000024}}, 1e6, "sqs-requests"}},
        {"sqs.fifo_requests", {1, open(0.0000005), 1e6, "sqs-requests"}}},  // one free million for both
       {}},
      {"AmazonSNS", {{"sns.publishes", {1, open(0.0000005), 1e6, ""}}}, {"EU-DeliveryAttempts-HTTP"}},
      {"AmazonKinesis", {{"kinesis.put_payload_units", {1, open(0.000000014), 0, ""}}}, {"EU-Storage-ShardHour"}},
      {"AmazonCloudWatch",
       {{"cloudwatch.logs_gb", {1, open(0.57), 0, ""}}, {"cloudwatch.metrics", {1, open(0.00001), 1e6, ""}}},
       {"EU-TimedStorage-ByteHrs"}},
      {"AmazonApiGateway",
       {{"apigateway.rest_requests",
         {1, {{0, 3.33e8, 0.0000035}, {3.33e8, 1e9, 0.00000319}, {1e9, 2e10, 0.00000271}, {2e10, std::nullopt, 0.00000172}}, 0, ""}},
        {"apigateway.http_requests", {1, {{0, 3e8, 0.00000111}, {3e8, std::nullopt, 0.000001}}, 0, ""}}},
       {}},
      {"AWSEvents", {{"eventbridge.events", {1, open(0.000001), 0, ""}}}, {"EU-ScheduledInvocation"}},
      {"AmazonECS",
       {{"fargate.vcpu_seconds", {3600, open(0.04048), 0, ""}}, {"fargate.gb_seconds", {3600, open(0.004445), 0, ""}}},
       {}},
  };
}

}  // namespace

TEST_CASE("import maps every service with sourced usage types, from JSON and CSV offers alike") {
  const std::string dir = std::string(FLOWCOST_TEST_DATA) + "/pricing/offers/services/";
  for (const auto& c : cases()) {
    for (const std::string format : {"json", "csv"}) {
      SECTION(c.offer + " (" + format + ")") {
        const pricing::Offer offer = pricing::read_offer_file(dir + c.offer + "-eu-west-1." + format);
        CHECK(offer.format == format);
        const pricing::ImportResult result = pricing::import_offer(offer, {"eu-west-1", ""});
        INFO(result.yaml);
        CHECK(result.unmapped == c.unmapped);
        CHECK(result.skipped.size() == (c.offer == "AWSLambda" ? 1u : 0u));  // Request-ARM: same prices as Request
        model::Diagnostics diags;
        const pricing::PriceTable table = pricing::parse_price_table(model::make_source_file("t.yaml", result.yaml), diags);
        REQUIRE(diags.empty());
        CHECK(table.region == "eu-west-1");
        CHECK(table.effective_date == "2026-10-01");
        REQUIRE(table.lines.size() == c.meters.size());
        for (const auto& line : table.lines) {
          INFO(line.meter);
          REQUIRE(c.meters.count(line.meter) == 1);
          const Expected& e = c.meters.at(line.meter);
          CHECK(line.per == e.per);
          REQUIRE(line.tiers.size() == e.tiers.size());
          for (std::size_t i = 0; i < e.tiers.size(); ++i) {
            CHECK(line.tiers[i].from == e.tiers[i].from);
            CHECK(line.tiers[i].to == e.tiers[i].to);
            CHECK(line.tiers[i].price_usd == e.tiers[i].price_usd);
          }
          CHECK((line.free_tier ? line.free_tier->quantity : 0.0) == e.free);
          CHECK((line.free_tier ? line.free_tier->shared_pool : std::string()) == e.pool);
          REQUIRE(line.source);
          CHECK(line.source->reference.find("usage type EU-") != std::string::npos);
        }
      }
    }
  }
}

TEST_CASE("an hour-priced Fargate rate is written per 3600 meter seconds") {
  const std::string dir = std::string(FLOWCOST_TEST_DATA) + "/pricing/offers/services/";
  const auto result = pricing::import_offer(pricing::read_offer_file(dir + "AmazonECS-eu-west-1.csv"), {"eu-west-1", ""});
  CHECK(result.yaml.find("  fargate.vcpu_seconds:\n    line: \"EU-Fargate-vCPU-Hours:perCPU\"\n    unit: \"vCPU-s\"\n"
                         "    per: 3600\n    tiers:\n      - {from: 0, price: 0.0404800000}\n") != std::string::npos);
}

TEST_CASE("Firehose Direct PUT ingestion (BilledBytes) imports with its three tiers, from JSON and CSV alike") {
  // us-east-2: its tiers are the ones sourced (docs/sources.md#price-list-service-usage-types).
  const std::string dir = std::string(FLOWCOST_TEST_DATA) + "/pricing/offers/services/";
  for (const std::string format : {"json", "csv"}) {
    SECTION(format) {
      const auto result = pricing::import_offer(
          pricing::read_offer_file(dir + "AmazonKinesisFirehose-us-east-2." + format), {"us-east-2", ""});
      CHECK(result.mapped == std::vector<std::string>{"USE2-BilledBytes -> firehose.gb"});
      CHECK(result.unmapped == std::vector<std::string>{"USE2-DFCBilledBytes"});
      model::Diagnostics diags;
      const auto table = pricing::parse_price_table(model::make_source_file("t.yaml", result.yaml), diags);
      REQUIRE(diags.empty());
      REQUIRE(table.lines.size() == 1);
      const auto& line = table.lines.front();
      CHECK(line.meter == "firehose.gb");
      CHECK(line.unit == "GB");
      REQUIRE(line.tiers.size() == 3);
      CHECK(line.tiers[0].from == 0);
      CHECK(line.tiers[0].to == 512000);
      CHECK(line.tiers[0].price_usd == 0.029);
      CHECK(line.tiers[1].to == 2048000);
      CHECK(line.tiers[1].price_usd == 0.025);
      CHECK_FALSE(line.tiers[2].to);
      CHECK(line.tiers[2].price_usd == 0.02);
    }
  }
}

TEST_CASE("IoT Core and KMS offers import, from JSON and CSV alike (Tokyo; KMS usage types carry the region code)") {
  const std::string dir = std::string(FLOWCOST_TEST_DATA) + "/pricing/offers/services/";
  for (const std::string format : {"json", "csv"}) {
    SECTION("AWSIoT " + format) {
      const auto result =
          pricing::import_offer(pricing::read_offer_file(dir + "AWSIoT-ap-northeast-1." + format), {"ap-northeast-1", ""});
      CHECK(result.mapped == std::vector<std::string>{"APN1-Messages -> iot.messages",
                                                      "APN1-ConnectionMinutes -> iot.connection_minutes"});
      CHECK(result.unmapped.empty());
      model::Diagnostics diags;
      const auto table = pricing::parse_price_table(model::make_source_file("t.yaml", result.yaml), diags);
      REQUIRE(diags.empty());
      REQUIRE(table.lines.size() == 2);
      CHECK(table.lines[0].meter == "iot.messages");  // model::known_meters() order
      REQUIRE(table.lines[0].tiers.size() == 3);
      CHECK(table.lines[0].tiers[0].to == 1e9);
      CHECK(table.lines[0].tiers[0].price_usd == 0.0000012);
      CHECK(table.lines[0].tiers[1].to == 5e9);
      CHECK(table.lines[0].tiers[1].price_usd == 0.00000096);
      CHECK(table.lines[0].tiers[2].price_usd == 0.00000084);
      CHECK(table.lines[1].meter == "iot.connection_minutes");
      CHECK(table.lines[1].tiers[0].price_usd == 0.000000096);
    }
    SECTION("awskms " + format) {
      const auto result =
          pricing::import_offer(pricing::read_offer_file(dir + "awskms-ap-northeast-1." + format), {"ap-northeast-1", ""});
      CHECK(result.mapped == std::vector<std::string>{"ap-northeast-1-KMS-Keys -> kms.keys"});
      CHECK(result.unmapped == std::vector<std::string>{"ap-northeast-1-KMS-Requests"});
      model::Diagnostics diags;
      const auto table = pricing::parse_price_table(model::make_source_file("t.yaml", result.yaml), diags);
      REQUIRE(diags.empty());
      REQUIRE(table.lines.size() == 1);
      CHECK(table.lines[0].meter == "kms.keys");
      CHECK(table.lines[0].unit == "keys");
      CHECK(table.lines[0].tiers[0].price_usd == 1.0);
    }
  }
}

TEST_CASE("the IoT Core usage types map to their meters, with any region prefix") {
  auto meters_of = [](const std::string& usage) {
    auto m = pricing::match_usage_type("AWSIoT", usage);
    return m ? m->meters : std::vector<std::string>{};
  };
  CHECK(meters_of("APS2-RegistryAndShadowOperations") == std::vector<std::string>{"iot.shadow_operations"});
  CHECK(meters_of("EUC1-ConnectionMinutes") == std::vector<std::string>{"iot.connection_minutes"});
  CHECK(meters_of("Messages") == std::vector<std::string>{"iot.messages"});
  CHECK(meters_of("APN1-RulesTriggered").empty());  // no source names the rules-engine usage types
  CHECK(pricing::match_usage_type("AmazonSNS", "EU-Messages") == std::nullopt);  // Messages is IoT's only
  CHECK(pricing::region_prefix("eu-west-1-KMS-Keys") == "eu-west-1");
  CHECK(pricing::region_of_prefix("eu-west-1") == "eu-west-1");
}
