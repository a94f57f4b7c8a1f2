// Published worked examples run through the shipped us-east-1 table; each must match to the cent.
// The sources and their arithmetic are in the comments (docs/billing-rules.md lists them too).
#include <catch2/catch.hpp>

#include "model/number_format.h"
#include "pricing/cents.h"
#include "pricing/cost.h"
#include "pricing/table_loader.h"

using namespace flowcost;

namespace {

struct Quote {
  std::vector<std::string> lines;  // cents per line, as displayed
  std::string total;
};

Quote quote(const model::MeterTotals& totals, bool free_tier) {
  static const auto table = pricing::load_price_table("aws-us-east-1");
  auto result = pricing::cost(totals, table, pricing::CostOptions{free_tier});
  auto cents = pricing::to_cents(result);
  Quote q;
  for (auto c : cents.line_cents) q.lines.push_back(pricing::format_cents(c));
  q.total = pricing::format_cents(cents.total_cents);
  return q;
}

}  // namespace

TEST_CASE("Step Functions pricing page, Express example: 100M workflows x 10 s x 64 MB") {
  // Page: 100M requests x $1.00/M = $100.00. Duration 1e9 s x 64/1024 GB = 62,500,000 GB-s = 17,361.11 GB-h:
  // $0.06 x 1,000 = $60.00; $0.03 x 4,000 = $120.00; $0.01642 x 12,361.11 = $202.97; duration $382.97.
  auto q = quote({{"sfn.express.requests", 100e6}, {"sfn.express.gb_seconds", 62.5e6}}, false);
  CHECK(q.lines == std::vector<std::string>{"100.00", "382.97"});
  CHECK(q.total == "482.97");
}

TEST_CASE("Express 1M requests x 30 s x 64 MB") {
  // 1e6 x 30 s x 0.0625 GB = 1,875,000 GB-s = 520.833 GB-h x $0.06 = $31.25; requests $1.00.
  auto q = quote({{"sfn.express.requests", 1e6}, {"sfn.express.gb_seconds", 1.875e6}}, false);
  CHECK(q.lines == std::vector<std::string>{"1.00", "31.25"});
  CHECK(q.total == "32.25");
}

TEST_CASE("Lambda pricing page (old) example 1 pattern: 3M requests at 512 MB for 1 s, free tier on") {
  // 3e6 x 1 s x 0.5 GB = 1,500,000 GB-s; minus 400,000 free = 1,100,000 x $0.0000166667 = $18.33
  // (the old page's $0.00001667 gives $18.34: docs/sources.md#conflict-2). Requests: (3M - 1M) x $0.20/M = $0.40.
  auto q = quote({{"lambda.requests", 3e6}, {"lambda.gb_seconds.x86", 1.5e6}}, true);
  CHECK(q.lines == std::vector<std::string>{"0.40", "18.33"});
  CHECK(q.total == "18.73");
  // Without the free tier: 1,500,000 x $0.0000166667 = $25.00005 -> $25.00; requests $0.60.
  auto off = quote({{"lambda.requests", 3e6}, {"lambda.gb_seconds.x86", 1.5e6}}, false);
  CHECK(off.lines == std::vector<std::string>{"0.60", "25.00"});
  CHECK(off.total == "25.60");
}

TEST_CASE("Standard: 100,000 executions x 10 transitions, with and without free tier") {
  // 1,000,000 transitions x $0.025/1,000 = $25.00; with 4,000 free: 996,000 x $0.000025 = $24.90.
  CHECK(quote({{"sfn.standard.transitions", 1e6}}, false).total == "25.00");
  CHECK(quote({{"sfn.standard.transitions", 1e6}}, true).total == "24.90");
}

TEST_CASE("infracost golden files (docs/sources.md#downstream-prices): DynamoDB writes and CloudWatch Logs") {
  // 3,000,000 WRU x $0.625/M = $1.875 -> $1.88 (golden, us-east-2 2024-11, same price).
  CHECK(quote({{"dynamodb.write_request_units", 3e6}}, false).total == "1.88");
  // 1,000 GB ingested x $0.50 = $500.00 (golden, 2024-07).
  CHECK(quote({{"cloudwatch.logs_gb", 1000}}, false).total == "500.00");
}
