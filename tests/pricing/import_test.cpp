// Price List import: both offer formats (CSV with its preamble, JSON with beginRange/endRange and
// startingRange/endingRange), usage types with and without region prefixes, tiers from ranges, free
// tiers from $0 bands and Global- rows, unmapped usage types listed, and the round trip import -> cost.
#include <catch2/catch.hpp>

#include "model/errors.h"
#include "model/number_format.h"
#include "model/source_file.h"
#include "pricing/cents.h"
#include "pricing/cost.h"
#include "pricing/offer.h"
#include "pricing/table_import.h"
#include "pricing/table_loader.h"
#include "pricing/table_writer.h"
#include "pricing/usage_types.h"

using namespace flowcost;

namespace {

const std::string kOffers = std::string(FLOWCOST_TEST_DATA) + "/pricing/offers/";

struct Imported {
  pricing::ImportResult result;
  pricing::PriceTable table;
};

Imported import(const std::string& file, const std::string& region) {
  Imported out;
  out.result = pricing::import_offer(pricing::read_offer_file(kOffers + file), {region, ""});
  model::Diagnostics diags;
  out.table = pricing::parse_price_table(model::make_source_file("imported.yaml", out.result.yaml), diags);
  INFO(out.result.yaml);
  REQUIRE(diags.empty());  // no error and no warning: every line has its source
  return out;
}

std::vector<std::string> cents(const pricing::CostResult& r, std::string& total) {
  auto c = pricing::to_cents(r);
  std::vector<std::string> out;
  for (auto v : c.line_cents) out.push_back(pricing::format_cents(v));
  total = pricing::format_cents(c.total_cents);
  return out;
}

}  // namespace

TEST_CASE("usage types map with and without region prefix, case-insensitively") {
  using pricing::match_usage_type;
  CHECK(match_usage_type("AmazonStates", "USE1-StateTransition")->meters ==
        std::vector<std::string>{"sfn.standard.transitions"});
  CHECK(match_usage_type("AmazonStates", "EU-StateTransition")->prefix == "EU");
  CHECK(match_usage_type("AmazonStates", "use1-stepfunctions-gb-second")->meters ==
        std::vector<std::string>{"sfn.express.gb_seconds"});
  CHECK(match_usage_type("AWSLambda", "Lambda-GB-Second-Arm")->meters == std::vector<std::string>{"lambda.gb_seconds.arm64"});
  CHECK(match_usage_type("AWSLambda", "USE1-Lambda-GB-Second")->meters == std::vector<std::string>{"lambda.gb_seconds.x86"});
  CHECK(match_usage_type("AWSLambda", "Request-ARM")->prefix.empty());
  auto global = match_usage_type("AWSLambda", "Global-Lambda-GB-Second");
  REQUIRE(global);
  CHECK(global->free_tier_row);
  CHECK(global->meters == std::vector<std::string>{"lambda.gb_seconds.x86", "lambda.gb_seconds.arm64"});
  CHECK(global->shared_pool == "lambda-gb-seconds");
  CHECK(match_usage_type("AmazonS3", "EUW2-Requests-Tier1")->meters == std::vector<std::string>{"s3.put_requests"});
  CHECK(match_usage_type("AWSQueueService", "Requests-RBP")->meters == std::vector<std::string>{"sqs.requests"});
  CHECK(!match_usage_type("AmazonS3", "Requests-RBP"));  // the offer code disambiguates
  CHECK(!match_usage_type("AWSLambda", "Lambda-Edge-Request"));
  CHECK(!match_usage_type("AWSLambda", "Lambda-Provisioned-Concurrency"));
}

TEST_CASE("CSV offer (Step Functions): preamble, quoted fields, tiers, region filter, unmapped list") {
  auto offer = pricing::read_offer_file(kOffers + "AmazonStates-us-east-1.csv");
  CHECK(offer.format == "csv");
  CHECK(offer.offer_code == "AmazonStates");
  CHECK(offer.version == "20260831191104");
  CHECK(offer.publication_date == "2026-08-31T19:11:04Z");
  CHECK(offer.rows.size() == 7);  // the Reserved row is dropped
  CHECK(offer.rows[1].description == "$1.00 per million requests, \"Express\" workflows");
  CHECK(offer.rows[0].where.line == 7);

  auto im = import("AmazonStates-us-east-1.csv", "us-east-1");
  CHECK(im.result.unmapped == std::vector<std::string>{"USE1-DataTransfer-Regional-Bytes"});
  CHECK(im.result.skipped.empty());
  CHECK(im.result.yaml.find("# Usage types of us-east-1 with no flowcost meter (not imported):\n"
                            "#   USE1-DataTransfer-Regional-Bytes\n") != std::string::npos);
  CHECK(im.table.name == "imported-amazonstates-us-east-1");
  CHECK(im.table.effective_date == "2026-08-31");
  REQUIRE(im.table.lines.size() == 3);
  const auto& duration = im.table.lines[2];
  CHECK(duration.meter == "sfn.express.gb_seconds");
  REQUIRE(duration.tiers.size() == 3);
  CHECK(duration.tiers[1].from == 3.6e6);
  CHECK(duration.tiers[1].to == 18e6);
  CHECK(duration.tiers[1].price_usd == 0.00000833);
  CHECK(!duration.tiers[2].to);
  CHECK(duration.source->reference ==
        "AmazonStates 20260831191104, usage type USE1-StepFunctions-GB-Second, SKU 8Y7GXMDJ4Z6PN2TQ");
  // Deterministic: the same offer gives the same bytes.
  CHECK(import("AmazonStates-us-east-1.csv", "us-east-1").result.yaml == im.result.yaml);
}

TEST_CASE("round trip: the Express page example with the offer's per-GB-s prices (docs/sources.md#conflict-1)") {
  auto im = import("AmazonStates-us-east-1.csv", "us-east-1");
  // 3,600,000 x 0.00001667 = 60.012; 14,400,000 x 0.00000833 = 119.952; 44,500,000 x 0.00000456 = 202.92:
  // $382.884 -> $382.88 (the page's per-GB-hour prices give $382.97). Requests: 100M x $0.000001 = $100.
  auto r = pricing::cost({{"sfn.express.requests", 100e6}, {"sfn.express.gb_seconds", 62.5e6}}, im.table, {});
  std::string total;
  CHECK(cents(r, total) == std::vector<std::string>{"100.00", "382.88"});
  CHECK(total == "482.88");
  REQUIRE(r.lines[1].tiers.size() == 3);
  CHECK(r.lines[1].tiers[0].cost_usd == Approx(60.012).epsilon(1e-12));
  CHECK(r.lines[1].tiers[1].cost_usd == Approx(119.952).epsilon(1e-12));
  CHECK(r.lines[1].tiers[2].cost_usd == Approx(202.92).epsilon(1e-12));
}

TEST_CASE("the region prefix selects Ireland rows from the same offer") {
  auto im = import("AmazonStates-us-east-1.csv", "eu-west-1");
  REQUIRE(im.table.lines.size() == 1);
  CHECK(im.table.lines[0].label == "EU-StateTransition");
  CHECK(im.result.unmapped.empty());
  CHECK(im.table.region == "eu-west-1");
}

TEST_CASE("an older CSV without Region Code: rows are placed by their usage-type prefix") {
  auto eu = import("AmazonStates-no-region-code.csv", "eu-west-1");
  REQUIRE(eu.table.lines.size() == 1);
  CHECK(eu.table.lines[0].label == "EU-StateTransition");
  CHECK(eu.result.unmapped == std::vector<std::string>{"EU-DataTransfer-Regional-Bytes"});
  CHECK(eu.result.skipped.empty());  // the USE1- and USW1- rows belong to other regions
  CHECK(eu.table.effective_date == "2019-03-01");
  auto us = import("AmazonStates-no-region-code.csv", "us-east-1");
  REQUIRE(us.table.lines.size() == 1);
  CHECK(us.table.lines[0].label == "USE1-StateTransition");
  CHECK(us.result.unmapped.empty());
  CHECK(pricing::region_of_prefix("") == "us-east-1");
  CHECK(pricing::region_of_prefix("eu") == "eu-west-1");
  CHECK(pricing::region_of_prefix("EUW1") == "eu-west-1");  // newer offers (Firehose, Greengrass)
  CHECK(pricing::region_of_prefix("EUC1") == "eu-central-1");
  CHECK(pricing::region_of_prefix("XYZ9").empty());
}

TEST_CASE("CSV offer (SQS): a $0 first band becomes the free tier, tiers start at 0") {
  auto im = import("AWSQueueService-us-east-1.csv", "us-east-1");
  REQUIRE(im.table.lines.size() == 1);
  const auto& line = im.table.lines[0];
  CHECK(line.free_tier->quantity == 1e6);
  CHECK(line.free_tier->shared_pool.empty());
  REQUIRE(line.tiers.size() == 3);
  CHECK(line.tiers[0].from == 0);
  CHECK(line.tiers[0].to == 1e11);
  // 1e11 requests: free tier off 1e11 x 0.0000004 = $40,000; on: (1e11 - 1e6) x 0.0000004 = $39,999.60
  CHECK(pricing::cost({{"sqs.requests", 1e11}}, im.table, {false}).total_usd == Approx(40000.0).epsilon(1e-12));
  CHECK(pricing::cost({{"sqs.requests", 1e11}}, im.table, {true}).total_usd == Approx(39999.6).epsilon(1e-12));
}

TEST_CASE("JSON offer (Lambda): both range spellings, Global- free tiers shared across architectures") {
  auto offer = pricing::read_offer_file(kOffers + "AWSLambda-us-east-1.json");
  CHECK(offer.format == "json");
  CHECK(offer.offer_code == "AWSLambda");
  auto im = import("AWSLambda-us-east-1.json", "us-east-1");
  CHECK(im.result.unmapped == std::vector<std::string>{"Lambda-Provisioned-Concurrency"});
  CHECK(im.result.skipped == std::vector<std::string>{
                                 "Request-ARM (SKU 5ZMTBCZW9XXWUW6V): lambda.requests is already priced by Request (same prices)"});
  REQUIRE(im.table.lines.size() == 3);
  CHECK(im.table.lines[0].free_tier->quantity == 1e6);
  CHECK(im.table.lines[1].free_tier->shared_pool == "lambda-gb-seconds");
  CHECK(im.table.lines[2].free_tier->quantity == 400000);
  CHECK(im.table.lines[2].tiers[1].from == 7.5e9);  // from startingRange/endingRange
  // The Lambda example with the imported table equals the shipped one: $0.40 + $18.33 = $18.73.
  auto r = pricing::cost({{"lambda.requests", 3e6}, {"lambda.gb_seconds.x86", 1.5e6}}, im.table, {true});
  std::string total;
  CHECK(cents(r, total) == std::vector<std::string>{"0.40", "18.33"});
  CHECK(total == "18.73");
}

TEST_CASE("offer problems are reported at their line; a region without rows is an error") {
  const std::string missing = kOffers + "bad_missing_column.csv";
  try {
    pricing::read_offer_file(missing);
    FAIL("no error");
  } catch (const model::InputError& e) {
    REQUIRE(e.diagnostics().size() == 1);
    CHECK(model::diagnostic_headline(e.diagnostics()[0]) == missing + ":6:1: error: offer CSV has no \"EndingRange\" column");
  }
  const std::string bad = kOffers + "bad_values.csv";
  try {
    pricing::read_offer_file(bad);
    FAIL("no error");
  } catch (const model::InputError& e) {
    std::vector<std::string> got;
    for (const auto& d : e.diagnostics()) got.push_back(model::diagnostic_headline(d));
    CHECK(got == std::vector<std::string>{
                     bad + ":7:1: error: PricePerUnit \"-0.0000004000\" is not a non-negative number",
                     bad + ":8:1: error: EndingRange \"many\" is not a number or Inf",
                     bad + ":9:1: error: row has 9 fields, the header has 11",
                 });
  }
  auto offer = pricing::read_offer_file(kOffers + "AmazonStates-us-east-1.csv");
  try {
    pricing::import_offer(offer, {"ap-south-1", ""});
    FAIL("no error");
  } catch (const model::InputError& e) {
    CHECK(std::string(e.what()) == kOffers + "AmazonStates-us-east-1.csv: error: no usage type of offer AmazonStates "
                                             "for region ap-south-1 maps to a flowcost meter");
  }
}

TEST_CASE("text from an offer never breaks the table's YAML: line breaks and control characters are escaped") {
  // Found by fuzz_offer: an unmapped usage type with a line break ended its comment line, and the rest of it
  // was read as the table's first YAML node.
  auto offer = pricing::read_offer_file(kOffers + "AWSQueueService-us-east-1.csv");
  offer.version = "2026\r0901";
  offer.offer_code = "AWSQueueService";
  pricing::OfferRow odd = offer.rows.front();
  odd.usage_type = "Requests-RBP\nA8NQVC2GEX3D9M8: [\x01\"";
  odd.region_code = "us-east-1";
  offer.rows.push_back(odd);
  offer.rows.front().description = "First\n1 Million\tfree \"x\"";
  auto result = pricing::import_offer(offer, {"us-east-1", ""});
  CHECK(result.unmapped == std::vector<std::string>{odd.usage_type});
  CHECK(result.yaml.find("#   Requests-RBP\\nA8NQVC2GEX3D9M8: [\\x01\"\n") != std::string::npos);
  CHECK(result.yaml.find("# offer AWSQueueService, version 2026\\r0901, published") != std::string::npos);
  model::Diagnostics diags;
  auto table = pricing::parse_price_table(model::make_source_file("imported.yaml", result.yaml), diags);
  INFO(result.yaml);
  REQUIRE(diags.empty());
  REQUIRE(table.lines.size() == 1);
  CHECK(table.lines[0].note == "First\n1 Million\tfree \"x\"");
  CHECK(pricing::yaml_quote(std::string("a\x7f\x1f\\", 4)) == "\"a\\x7f\\x1f\\\\\"");
}
