// Cost engine: every tier boundary of the shipped us-east-1 table, free tier on and off, the shared
// Lambda GB-s allowance, each price basis (per unit, per 1,000, per 1M, per hour), stable zero rows,
// errors, and lines that add up to the total. Expected values are worked out in the comments.
#include <catch2/catch.hpp>

#include <cmath>

#include "model/errors.h"
#include "pricing/borrowed_prices.h"
#include "pricing/cost.h"
#include "pricing/table_loader.h"

using namespace flowcost;

namespace {

const pricing::PriceTable& us_east_1() {
  static const pricing::PriceTable table = pricing::load_price_table("aws-us-east-1");
  return table;
}

pricing::CostResult price(const model::MeterTotals& totals, bool free_tier = false) {
  return pricing::cost(totals, us_east_1(), pricing::CostOptions{free_tier});
}

double cost_of(const std::string& meter, double quantity, bool free_tier = false) {
  auto r = price({{meter, quantity}}, free_tier);
  REQUIRE(r.lines.size() == 1);
  return r.lines[0].cost_usd;
}

Approx usd(double v) { return Approx(v).epsilon(1e-12); }

}  // namespace

TEST_CASE("Lambda x86 duration tiers at 6B and 15B GB-s") {
  // tier 1: 6e9 x 0.0000166667 = 100,000.2; tier 2: 9e9 x 0.000015 = 135,000; tier 3: 0.0000133334 per GB-s
  CHECK(cost_of("lambda.gb_seconds.x86", 6e9) == usd(100000.2));
  CHECK(cost_of("lambda.gb_seconds.x86", 7e9) == usd(100000.2 + 15000.0));
  CHECK(cost_of("lambda.gb_seconds.x86", 15e9) == usd(235000.2));
  CHECK(cost_of("lambda.gb_seconds.x86", 16e9) == usd(235000.2 + 13333.4));
  auto at_boundary = price({{"lambda.gb_seconds.x86", 6e9}});
  CHECK(at_boundary.lines[0].tiers.size() == 1);  // nothing falls in the second tier
  auto past = price({{"lambda.gb_seconds.x86", 6e9 + 1}});
  REQUIRE(past.lines[0].tiers.size() == 2);
  CHECK(past.lines[0].tiers[1].from == 6e9);
  CHECK(past.lines[0].tiers[1].to == 15e9);
  CHECK(past.lines[0].tiers[1].quantity == 1);
  CHECK(past.lines[0].tiers[1].price_per_unit_usd == 0.000015);
}

TEST_CASE("Lambda Arm duration tiers at 7.5B and 18.75B GB-s, per architecture") {
  // 7.5e9 x 0.0000133334 = 100,000.5; 11.25e9 x 0.0000120001 = 135,001.125; above: 0.0000106667
  CHECK(cost_of("lambda.gb_seconds.arm64", 7.5e9) == usd(100000.5));
  CHECK(cost_of("lambda.gb_seconds.arm64", 18.75e9) == usd(235001.625));
  CHECK(cost_of("lambda.gb_seconds.arm64", 19.75e9) == usd(235001.625 + 10666.7));
  // Tiers do not aggregate across architectures: 5e9 on each stays in each first tier.
  auto both = price({{"lambda.gb_seconds.x86", 5e9}, {"lambda.gb_seconds.arm64", 5e9}});
  CHECK(both.lines[0].tiers.size() == 1);
  CHECK(both.lines[1].tiers.size() == 1);
  CHECK(both.total_usd == usd(5e9 * 0.0000166667 + 5e9 * 0.0000133334));
}

TEST_CASE("the Lambda GB-s free tier is one allowance shared by x86 and Arm, x86 first") {
  // 400,000 free GB-s: x86 uses 300,000, Arm gets the remaining 100,000.
  auto r = price({{"lambda.gb_seconds.x86", 300000}, {"lambda.gb_seconds.arm64", 300000}}, true);
  REQUIRE(r.lines.size() == 2);
  CHECK(r.lines[0].meter == "lambda.gb_seconds.x86");
  CHECK(r.lines[0].free_quantity == 300000);
  CHECK(r.lines[0].cost_usd == 0);
  CHECK(r.lines[1].free_quantity == 100000);
  CHECK(r.lines[1].cost_usd == usd(200000 * 0.0000133334));  // 2.66668
  // x86 above the allowance leaves nothing for Arm.
  auto r2 = price({{"lambda.gb_seconds.x86", 500000}, {"lambda.gb_seconds.arm64", 10}}, true);
  CHECK(r2.lines[0].free_quantity == 400000);
  CHECK(r2.lines[1].free_quantity == 0);
  // Arm alone gets all of it.
  auto r3 = price({{"lambda.gb_seconds.arm64", 500000}}, true);
  CHECK(r3.lines[0].free_quantity == 400000);
  CHECK(r3.lines[0].cost_usd == usd(100000 * 0.0000133334));
  // Off: nothing is free.
  auto off = price({{"lambda.gb_seconds.x86", 300000}, {"lambda.gb_seconds.arm64", 300000}}, false);
  CHECK(off.lines[0].free_quantity == 0);
  CHECK(off.total_usd == usd(300000 * 0.0000166667 + 300000 * 0.0000133334));
}

TEST_CASE("Standard transitions: per 1,000, free tier of 4,000 on and off") {
  // 100,000 executions x 10 transitions = 1,000,000: 1,000 x $0.025 = $25.00; free: 996 x $0.025 = $24.90
  CHECK(cost_of("sfn.standard.transitions", 1e6) == usd(25.0));
  CHECK(cost_of("sfn.standard.transitions", 1e6, true) == usd(24.9));
  CHECK(cost_of("sfn.standard.transitions", 4000, true) == 0);
  CHECK(cost_of("sfn.standard.transitions", 4001, true) == usd(0.000025));
  auto r = price({{"sfn.standard.transitions", 3000}}, true);
  CHECK(r.lines[0].free_quantity == 3000);
  CHECK(r.lines[0].tiers.empty());
}

TEST_CASE("Express duration tiers at 1,000 and 5,000 GB-hours, priced per GB-hour") {
  // 3,600,000 GB-s = 1,000 GB-h x $0.06 = $60; 18,000,000 GB-s: + 4,000 GB-h x $0.03 = $180
  CHECK(cost_of("sfn.express.gb_seconds", 3.6e6) == usd(60.0));
  CHECK(cost_of("sfn.express.gb_seconds", 18e6) == usd(180.0));
  CHECK(cost_of("sfn.express.gb_seconds", 18e6 + 3600) == usd(180.0 + 0.01642));
  CHECK(cost_of("sfn.express.gb_seconds", 3600) == usd(0.06));
  // Express has no free tier: the flag changes nothing.
  CHECK(cost_of("sfn.express.requests", 1e6, true) == usd(1.0));
}

TEST_CASE("IoT messaging tiers at 1B and 5B messages, free tier of 500,000") {
  // $1.00 per 1M for the first 1B, $0.80 for the next 4B, $0.70 above 5B
  CHECK(cost_of("iot.messages", 1e9) == usd(1000.0));
  CHECK(cost_of("iot.messages", 5e9) == usd(4200.0));
  CHECK(cost_of("iot.messages", 6e9) == usd(4900.0));
  CHECK(cost_of("iot.messages", 1e9, true) == usd(999.5));
  auto r = price({{"iot.messages", 6e9}});
  REQUIRE(r.lines[0].tiers.size() == 3);
  CHECK(r.lines[0].tiers[2].quantity == 1e9);
  CHECK(r.lines[0].tiers[2].cost_usd == usd(700.0));
}

TEST_CASE("SQS tiers at 100B and 200B requests; the free million straddles nothing") {
  CHECK(cost_of("sqs.requests", 1e11) == usd(40000.0));
  CHECK(cost_of("sqs.requests", 2e11) == usd(70000.0));
  CHECK(cost_of("sqs.requests", 3e11) == usd(94000.0));
  CHECK(cost_of("sqs.requests", 1e11, true) == usd(39999.6));  // (1e11 - 1e6) x $0.40 per 1M
  CHECK(cost_of("sqs.requests", 1e6, true) == 0);
}

TEST_CASE("SQS FIFO requests: $0.50 per 1M, sharing the free million with standard queues, standard first") {
  CHECK(cost_of("sqs.fifo_requests", 1e6) == usd(0.5));
  CHECK(cost_of("sqs.fifo_requests", 3e6, true) == usd(1.0));  // (3M - 1M free) x $0.50 per 1M
  // 600,000 standard requests take 600,000 of the free million; FIFO gets the other 400,000.
  auto r = price({{"sqs.requests", 600000}, {"sqs.fifo_requests", 600000}}, true);
  REQUIRE(r.lines.size() == 2);
  CHECK(r.lines[0].meter == "sqs.requests");
  CHECK(r.lines[0].cost_usd == 0);
  CHECK(r.lines[1].free_quantity == 400000);
  CHECK(r.lines[1].cost_usd == usd(0.1));  // 200,000 x $0.50 per 1M
}

TEST_CASE("each price basis converts to the meter's unit") {
  CHECK(cost_of("s3.put_requests", 1000) == usd(0.005));                 // per 1,000
  CHECK(cost_of("s3.get_requests", 1e6) == usd(0.4));                    // per 1,000
  CHECK(cost_of("dynamodb.write_request_units", 1e6) == usd(0.625));     // per 1M
  CHECK(cost_of("dynamodb.read_request_units", 1e6) == usd(0.125));      // per 1M
  CHECK(cost_of("fargate.vcpu_seconds", 3600) == usd(0.04048));          // per vCPU-hour
  CHECK(cost_of("fargate.gb_seconds", 7200) == usd(0.00889));            // per GB-hour
  CHECK(cost_of("firehose.gb", 10) == usd(0.29));                        // per GB
  CHECK(cost_of("cloudwatch.logs_gb", 1000) == usd(500.0));              // per GB
  CHECK(cost_of("iot.connection_minutes", 1e6) == usd(0.08));            // per 1M minutes
  CHECK(cost_of("iot.shadow_operations", 1e6) == usd(1.25));
  CHECK(cost_of("iot.rules_triggered", 1e6) == usd(0.15));
  CHECK(cost_of("iot.actions_executed", 1e6) == usd(0.15));
  CHECK(cost_of("sns.publishes", 2e6, true) == usd(0.5));
  CHECK(cost_of("kinesis.put_payload_units", 1e6) == usd(0.014));
  CHECK(cost_of("rekognition.images", 1000) == usd(1.0));
  CHECK(cost_of("cloudwatch.metrics", 1000) == usd(0.01));
  CHECK(cost_of("http.requests", 1e9) == 0);
}

TEST_CASE("a meter with quantity 0 still has its line, at cost 0") {
  auto r = price({{"lambda.requests", 0}, {"sfn.standard.transitions", 0}});
  REQUIRE(r.lines.size() == 2);
  CHECK(r.lines[0].meter == "sfn.standard.transitions");  // table order, not map order
  CHECK(r.lines[1].meter == "lambda.requests");
  CHECK(r.lines[1].line == "requests");
  CHECK(r.lines[1].unit == "requests");
  CHECK(r.lines[1].cost_usd == 0);
  CHECK(r.lines[1].tiers.empty());
  CHECK(r.total_usd == 0);
}

TEST_CASE("a meter the table does not price, and a bad quantity, are input errors") {
  auto eu = pricing::without_borrowed_prices(pricing::load_price_table("aws-eu-west-1"));
  try {
    pricing::cost({{"sfn.express.requests", 10}}, eu, {});
    FAIL("no error");
  } catch (const model::InputError& e) {
    CHECK(std::string(e.what()) == "flowcost: error: price table \"aws-eu-west-1\" (" + eu.path +
                                       ") has no rate line for meter \"sfn.express.requests\" (a known gap: no Ireland "
                                       "Express request price retrieved (docs/sources.md#regional-prices); the price of "
                                       "aws-us-east-1 is not borrowed under --strict-prices)");
  }
  try {
    price({{"lambda.requests", -1}});
    FAIL("no error");
  } catch (const model::InputError& e) {
    CHECK(std::string(e.what()) ==
          "flowcost: error: meter \"lambda.requests\" has quantity -1; quantities must be finite and not negative");
  }
  CHECK_THROWS_AS(price({{"lambda.requests", std::nan("")}}), model::InputError);
}

TEST_CASE("line items add up to the total, and displayed cents add up to the displayed total") {
  model::MeterTotals totals;
  for (const auto& line : us_east_1().lines) totals[line.meter] = 123456789.125;
  auto r = price(totals, true);
  long double sum = 0;
  for (const auto& l : r.lines) sum += l.cost_usd;
  CHECK(std::fabs(static_cast<double>(sum) - r.total_usd) < 1e-6);
  auto cents = pricing::to_cents(r);
  std::int64_t cents_sum = 0;
  for (auto c : cents.line_cents) cents_sum += c;
  CHECK(cents_sum == cents.total_cents);
  for (std::size_t i = 0; i < r.lines.size(); ++i) CHECK(std::fabs(cents.line_cents[i] - r.lines[i].cost_usd * 100) < 1.0);

  // Three lines of 0.4 cent: the total rounds to 1 cent, which goes to the first largest remainder.
  pricing::CostResult small;
  for (int i = 0; i < 3; ++i) small.lines.push_back(pricing::LineItem{"m", "l", "u", 1, 0, {}, 0.004});
  small.total_usd = 0.012;
  auto sc = pricing::to_cents(small);
  CHECK(sc.total_cents == 1);
  CHECK(sc.line_cents == std::vector<std::int64_t>{1, 0, 0});
}

TEST_CASE("a monthly cost above $1e15 is refused, one line or the sum of lines") {
  CHECK_THROWS_AS(price({{"sfn.standard.transitions", 4e21}}), model::InputError);
  // Each line below $1e15, their sum above it.
  CHECK_THROWS_AS(price({{"sfn.standard.transitions", 3.2e19}, {"lambda.requests", 3e21}}), model::InputError);
  CHECK(price({{"sfn.standard.transitions", 2e19}}).total_usd == 5e14);
}
