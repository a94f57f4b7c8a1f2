// `prices merge`: an overlay's meters replace the base's whole, the rest kept; gaps follow the prices; the
// name, region, effective date and description rules; a region mismatch is an error unless forced.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "model/errors.h"
#include "model/source_file.h"
#include "pricing/cost.h"
#include "pricing/offer.h"
#include "pricing/table_import.h"
#include "pricing/table_loader.h"
#include "pricing/table_merge.h"

using namespace flowcost;

namespace {

const std::string kDir = std::string(FLOWCOST_TEST_DATA) + "/pricing/merge/";

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
  for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) text.replace(at, from.size(), to);
  return text;
}

pricing::PriceTable parse(const std::string& yaml) {
  model::Diagnostics diags;
  auto table = pricing::parse_price_table(model::make_source_file("merged.yaml", yaml), diags);
  INFO(yaml);
  REQUIRE_FALSE(diags.has_errors());
  return table;
}

}  // namespace

TEST_CASE("merge: the overlay's meters replace the base's whole; exact output") {
  const auto result = pricing::merge_price_tables({kDir + "base.yaml", kDir + "overlay.yaml"}, {});
  // The golden file names the test data folder @DATA@.
  CHECK(result.yaml == replace_all(read_text(kDir + "merged.golden.yaml"), "@DATA@", kDir));
  CHECK(result.replaced == std::vector<std::string>{"lambda-import: lambda.gb_seconds.x86, dynamodb.write_request_units"});
  CHECK(result.inputs == std::vector<std::string>{kDir + "base.yaml", kDir + "overlay.yaml"});
  const auto table = parse(result.yaml);
  CHECK(table.name == "base");
  CHECK(table.effective_date == "2026-10-01");  // the newest of the inputs
  CHECK(table.metering.standard_transitions_per_execution == 2);  // the base's metering
  // x86 GB-s: the overlay's single line replaced both of the base's lines (surcharge included).
  auto r = pricing::cost({{"lambda.gb_seconds.x86", 1e6}, {"lambda.requests", 1e6}, {"dynamodb.write_request_units", 1e6}},
                         table, {false});
  CHECK(r.total_usd == Approx(16.0 + 0.20 + 0.625).epsilon(1e-12));
  // Gaps: dynamodb priced by the overlay leaves; sqs stays (the base's reason); the overlay's gap for a
  // meter the base prices (lambda.requests) is not added.
  CHECK(table.gaps == std::map<std::string, std::string>{{"sqs.requests", "not in the base either"}});
}

TEST_CASE("merge: --name names the result; fewer than two tables is an error") {
  const auto result = pricing::merge_price_tables({kDir + "base.yaml", kDir + "overlay.yaml"}, {"mine", false});
  CHECK(parse(result.yaml).name == "mine");
  try {
    pricing::merge_price_tables({kDir + "base.yaml"}, {});
    FAIL("no error");
  } catch (const model::InputError& e) {
    CHECK(std::string(e.what()) == "flowcost: error: prices merge needs a base table and at least one overlay");
  }
}

TEST_CASE("merge: a region mismatch is an error unless forced") {
  try {
    pricing::merge_price_tables({kDir + "base.yaml", kDir + "other_region.yaml"}, {});
    FAIL("no error");
  } catch (const model::InputError& e) {
    CHECK(std::string(e.what()) == "flowcost: error: overlay " + kDir + "other_region.yaml is for region eu-west-1, the base " +
                                       kDir + "base.yaml for us-east-1 (use --force to merge tables of different regions)");
  }
  const auto forced = pricing::merge_price_tables({kDir + "base.yaml", kDir + "other_region.yaml"}, {"", true});
  CHECK(parse(forced.yaml).region == "us-east-1");
  CHECK(forced.yaml.find("# --force: the overlays' regions differ from the base's; the base's region is kept.\n") !=
        std::string::npos);
}

TEST_CASE("merge: an imported Lambda table over the shipped us-east-1 table") {
  const std::string offer = std::string(FLOWCOST_TEST_DATA) + "/pricing/offers/AWSLambda-us-east-1.json";
  const auto imported = pricing::import_offer(pricing::read_offer_file(offer), {"us-east-1", ""});
  const std::string tmp = (std::filesystem::temp_directory_path() / "flowcost_merge_lambda.yaml").string();
  std::ofstream(tmp, std::ios::binary) << imported.yaml;
  const auto merged = parse(pricing::merge_price_tables({"aws-us-east-1", tmp}, {}).yaml);
  const auto shipped = pricing::load_price_table("aws-us-east-1");
  const auto overlay = pricing::load_price_table(tmp);
  std::filesystem::remove(tmp);
  CHECK(merged.lines.size() == shipped.lines.size());
  for (const auto& line : merged.lines) {
    INFO(line.meter);
    const bool lambda = line.meter.rfind("lambda.", 0) == 0;
    const auto& from = lambda ? overlay : shipped;
    auto it = std::find_if(from.lines.begin(), from.lines.end(), [&](const auto& l) { return l.meter == line.meter; });
    REQUIRE(it != from.lines.end());
    CHECK(line.label == it->label);
    CHECK(line.per == it->per);
    REQUIRE(line.tiers.size() == it->tiers.size());
    for (std::size_t i = 0; i < line.tiers.size(); ++i) CHECK(line.tiers[i].price_usd == it->tiers[i].price_usd);
    REQUIRE(line.source);
    CHECK(line.source->url == it->source->url);
  }
  CHECK(merged.effective_date == "2026-09-06");  // the shipped table's (newer than the offer's 2026-08-31)
}

TEST_CASE("merge: a meter the overlay prices leaves the base's assumed:, the other borrowed prices stay") {
  const std::string overlay = std::string(FLOWCOST_TEST_DATA) + "/pricing/assumed/own_firehose.yaml";
  const auto result = pricing::merge_price_tables({"aws-eu-west-1", overlay}, {});
  const auto table = parse(result.yaml);
  CHECK(table.assumed.count("firehose.gb") == 0);
  CHECK(table.assumed.size() == 8);
  CHECK(table.assumed.at("kinesis.put_payload_units").from_table == "aws-us-east-1");
  for (const auto& line : table.lines) {
    if (line.meter == "firehose.gb") {
      CHECK(line.borrowed_from.empty());
      CHECK(line.tiers[0].price_usd == 0.5);
    }
    if (line.meter == "sfn.express.requests") CHECK(line.borrowed_from == "aws-us-east-1");
  }
}
