// `flowcost quote` and `flowcost prices` end to end through run_cli: exact outputs (CSV whole text, JSON
// fields), whole error messages, exit codes, a usage file, -o, locale independence, import -> quote.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <locale>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "run_cli_helpers.h"

namespace {

using flowcost::testing::run_flowcost;
using flowcost::testing::transitions_price;

std::string data(const std::string& rel) { return std::string(FLOWCOST_TEST_DATA) + "/pricing/" + rel; }

std::string temp_path(const std::string& name) {
  auto dir = std::filesystem::temp_directory_path() / "flowcost_quote_test";
  std::filesystem::create_directories(dir);
  return (dir / name).string();
}

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// A locale that writes 1.234.567,5 (as de_DE does), to prove numbers never go through it.
struct CommaDecimal : std::numpunct<char> {
  char do_decimal_point() const override { return ','; }
  char do_thousands_sep() const override { return '.'; }
  std::string do_grouping() const override { return "\3"; }
};

}  // namespace

TEST_CASE("quote: CSV is exact, RFC 4180, and independent of the stream's locale") {
  const std::string expected =
      "meter,line,unit,quantity,free_quantity,billed_quantity,tiers,cost_usd,borrowed_from\r\n"
      "sfn.standard.transitions,transitions,transitions,1000000,4000,996000,0-inf: 0.025 per 1000,24.9,\r\n"
      "s3.put_requests,\"PUT, COPY, POST, LIST\",requests,1000,0,1000,0-inf: 0.005 per 1000,0.005,\r\n"
      "sqs.requests,standard queue requests,requests,200000000000,1000000,199999000000,"
      "0-100000000000: 0.4 per 1000000; 100000000000-200000000000: 0.3 per 1000000,69999.6,\r\n"
      "total,,,,,,,70024.505,\r\n";
  const std::vector<std::string> args{"quote", "--format", "csv", "--free-tier", "sfn.standard.transitions=1000000",
                                      "sqs.requests=2e11", "s3.put_requests=1000"};
  auto r = run_flowcost(args);
  CHECK(r.code == 0);
  CHECK(r.err == "");
  CHECK(r.out == expected);
  std::locale comma(std::locale::classic(), new CommaDecimal);
  auto localized = run_flowcost(args, comma);
  CHECK(localized.out == expected);
}

TEST_CASE("quote: JSON has lines[]{meter,quantity,cost_usd} and total_usd; lines add up to the total") {
  auto r = run_flowcost({"quote", "--format", "json", "--free-tier", "lambda.requests=3000000", "lambda.gb_seconds.x86=1_500_000"});
  REQUIRE(r.code == 0);
  auto doc = nlohmann::json::parse(r.out);
  CHECK(doc["prices"]["name"] == "aws-us-east-1");
  CHECK(doc["prices"]["effective_date"] == "2026-09-06");
  CHECK(doc["free_tier"] == true);
  REQUIRE(doc["lines"].size() == 2);
  CHECK(doc["lines"][0]["meter"] == "lambda.requests");
  CHECK(doc["lines"][0]["quantity"] == 3000000.0);
  CHECK(doc["lines"][0]["free_quantity"] == 1000000.0);
  CHECK(doc["lines"][0]["cost_usd"].get<double>() == Approx(0.4).epsilon(1e-12));
  CHECK(doc["lines"][1]["meter"] == "lambda.gb_seconds.x86");
  CHECK(doc["lines"][1]["cost_usd"].get<double>() == Approx(18.33337).epsilon(1e-12));  // 1,100,000 x 0.0000166667
  CHECK(doc["total_usd"].get<double>() == Approx(18.73337).epsilon(1e-12));
  CHECK(doc["total_cents"] == 1873);
  CHECK(doc["lines"][0]["cost_cents"].get<int>() + doc["lines"][1]["cost_cents"].get<int>() == 1873);
}

TEST_CASE("quote: the table format shows each line, its tiers, and a total that adds up") {
  auto r = run_flowcost({"quote", "iot.messages=6e9", "lambda.requests=0"});
  CHECK(r.code == 0);
  CHECK(r.out ==
        "Prices: aws-us-east-1 (us-east-1, effective 2026-09-06), free tier not applied\n"
        "\n"
        "meter            line                 quantity  unit                  free      cost USD\n"
        "lambda.requests  requests                    0  requests                 0          0.00\n"
        "iot.messages     messaging       6,000,000,000  messages                 0      4,900.00\n"
        "                   tier 0 to 1,000,000,000: 1,000,000,000 messages at 1 per 1,000,000 = 1000.0000\n"
        "                   tier 1,000,000,000 to 5,000,000,000: 4,000,000,000 messages at 0.8 per 1,000,000 = 3200.0000\n"
        "                   tier 5,000,000,000 to above: 1,000,000,000 messages at 0.7 per 1,000,000 = 700.0000\n"
        "total                                                                           4,900.00\n");
}

TEST_CASE("quote: an unknown meter gets the closest name, exit 1 and nothing on stdout") {
  auto r = run_flowcost({"quote", "lambda.request=5"});
  CHECK(r.code == 1);
  CHECK(r.out == "");
  CHECK(r.err == "flowcost: error: unknown meter \"lambda.request\"; did you mean \"lambda.requests\"?\n");
  auto bad = run_flowcost({"quote", "lambda.requests=abc", "sns.publishes=-1", "nonsense"});
  CHECK(bad.code == 1);
  CHECK(bad.err == "flowcost: error: quantity \"abc\" of meter \"lambda.requests\" is not a number\n"
                   "flowcost: error: quantity \"-1\" of meter \"sns.publishes\" must not be negative\n"
                   "flowcost: error: expected METER=QUANTITY, got \"nonsense\"\n");
  auto none = run_flowcost({"quote"});
  CHECK(none.code == 1);
  CHECK(none.err == "flowcost: error: nothing to quote: give METER=QUANTITY arguments or --usage FILE\n");
}

TEST_CASE("quote: a meter that the table leaves as a gap is an error naming the table and the gap") {
  const std::string base = data("merge/base.yaml");
  auto r = run_flowcost({"quote", "--prices", base, "lambda.requests=10", "sqs.requests=10"});
  CHECK(r.code == 1);
  CHECK(r.out == "");
  CHECK(r.err == "flowcost: error: price table \"base\" (" + base +
                     ") has no rate line for meter \"sqs.requests\" (a known gap: not in the base either)\n");
}

TEST_CASE("quote: aws-eu-west-1 prices KMS keys from the KMS page and Express with the us-east-1 figures it borrows") {
  auto kms = run_flowcost({"quote", "--prices", "aws-eu-west-1", "kms.keys=10", "--format", "csv"});
  REQUIRE(kms.code == 0);
  CHECK(kms.out.find("\r\ntotal,,,,,,,10,\r\n") != std::string::npos);
  // 1,000,000 Express requests at the borrowed $1.00 per million.
  auto express = run_flowcost({"quote", "--prices", "aws-eu-west-1", "sfn.express.requests=1000000", "--format", "csv"});
  REQUIRE(express.code == 0);
  CHECK(express.out.find("\r\ntotal,,,,,,,1,\r\n") != std::string::npos);
  // CSV marks the borrowed line with the table lent from, as the other formats list it among the assumptions.
  CHECK(express.out.find("\r\nsfn.express.requests,requests,requests,1000000,0,1000000,0-inf: 1 per 1000000,1,"
                         "aws-us-east-1\r\n") != std::string::npos);
  CHECK(kms.out.find(",aws-us-east-1") == std::string::npos);
  // The borrowed figure is an assumption of the quote, as in run reports.
  auto table = run_flowcost({"quote", "--prices", "aws-eu-west-1", "sfn.express.requests=1000000", "kms.keys=1"});
  REQUIRE(table.code == 0);
  CHECK(table.out.find("\nassumption (price table aws-eu-west-1, assumed: no Ireland Express request price retrieved "
                       "(docs/sources.md#regional-prices)): borrowed_price.sfn.express.requests=aws-us-east-1\n") !=
        std::string::npos);
  CHECK(table.out.find("kms.keys=") == std::string::npos);  // the table's own figure
  auto json = run_flowcost({"quote", "--prices", "aws-eu-west-1", "sfn.express.requests=1000000", "--format", "json"});
  REQUIRE(json.code == 0);
  CHECK(nlohmann::json::parse(json.out)["assumptions"] ==
        nlohmann::json({{"borrowed_price.sfn.express.requests", "aws-us-east-1"}}));
  auto md = run_flowcost({"quote", "--prices", "aws-eu-west-1", "sfn.express.requests=1000000", "--format", "md"});
  REQUIRE(md.code == 0);
  CHECK(md.out.find("\n- Assumption (price table aws-eu-west-1, assumed: no Ireland Express request price retrieved "
                    "(docs/sources.md#regional-prices)): borrowed_price.sfn.express.requests=aws-us-east-1\n") !=
        std::string::npos);
}

TEST_CASE("quote: quantities from a usage file, overridden by arguments; -o writes the same bytes") {
  auto r = run_flowcost({"quote", "--usage", data("usage/lambda_example.yaml"), "--free-tier", "--format", "csv"});
  REQUIRE(r.code == 0);
  CHECK(r.out.find("\r\ntotal,,,,,,,18.73337,\r\n") != std::string::npos);
  auto over = run_flowcost({"quote", "--usage", data("usage/lambda_example.yaml"), "lambda.requests=1000000", "--free-tier",
                     "--format", "csv"});
  CHECK(over.out.find("\r\ntotal,,,,,,,18.33337,\r\n") != std::string::npos);
  const std::string out_file = temp_path("quote.csv");
  std::filesystem::remove(out_file);
  auto to_file = run_flowcost({"quote", "--usage", data("usage/lambda_example.yaml"), "--free-tier", "--format", "csv", "-o", out_file});
  CHECK(to_file.code == 0);
  CHECK(to_file.out == "");
  CHECK(slurp(out_file) == r.out);
}

TEST_CASE("quote: every problem of a usage file is reported at its line and column") {
  const std::string f = data("usage/bad_usage.yaml");
  auto r = run_flowcost({"quote", "--usage", f});
  CHECK(r.code == 1);
  CHECK(r.out == "");
  CHECK(r.err == f + ":1:1: error: unknown meter \"lambda.request\"; did you mean \"lambda.requests\"?\n"
                     "lambda.request: 3000000\n^\n" +
                 f + ":2:24: error: quantity \"-5\" of meter \"lambda.gb_seconds.x86\" must not be negative\n"
                     "lambda.gb_seconds.x86: -5\n                       ^\n" +
                 f + ":3:15: error: quantity \"lots\" of meter \"sqs.requests\" is not a number\n"
                     "sqs.requests: lots\n              ^\n" +
                 f + ":4:16: error: quantity of meter \"sns.publishes\" must be a number, got array\n"
                     "sns.publishes: [1, 2]\n               ^\n");
}

TEST_CASE("prices: show lists the shipped tables; check reports errors with exit 1") {
  auto list = run_flowcost({"prices", "show"});
  CHECK(list.code == 0);
  CHECK(list.out == "Shipped price tables (use a name with --prices, or `flowcost prices show NAME`):\n"
                    "  aws-ap-northeast-1  region ap-northeast-1, effective 2026-09-23, 31 rate lines, 15 borrowed, 0 gaps\n"
                    "  aws-eu-west-1  region eu-west-1, effective 2026-10-04, 31 rate lines, 9 borrowed, 0 gaps\n"
                    "  aws-us-east-1  region us-east-1, effective 2026-09-06, 31 rate lines, 0 borrowed, 0 gaps\n");
  auto eu = run_flowcost({"prices", "show", "aws-eu-west-1"});
  CHECK(eu.code == 0);
  CHECK(eu.out.find("\nsfn.express.requests  (requests, prices USD per 1,000,000 requests)  borrowed from aws-us-east-1\n") !=
        std::string::npos);
  CHECK(eu.out.find("\nBorrowed prices (assumed: meters priced with another table's figures; --strict-prices refuses "
                    "them):\n  cloudwatch.metrics            from aws-us-east-1 (" +
                    std::string(FLOWCOST_SOURCE_DIR) + "/pricing/tables/aws-us-east-1.yaml): no Ireland CloudWatch API "
                    "request price retrieved (docs/sources.md#regional-prices)\n") != std::string::npos);
  auto show = run_flowcost({"prices", "show", "aws-us-east-1"});
  CHECK(show.code == 0);
  CHECK(show.out.find("lambda.gb_seconds.arm64  (duration, prices USD per 1 GB-s)\n"
                      "    0 to 7,500,000,000                      0.0000133334\n") != std::string::npos);
  CHECK(show.out.find("    free tier: 400,000 GB-s per month (shared pool lambda-gb-seconds)\n") != std::string::npos);

  const std::string bad = data("bad/negative_price.yaml");
  auto check = run_flowcost({"prices", "check", bad, "aws-us-east-1"});
  CHECK(check.code == 1);
  CHECK(check.out == "aws-us-east-1: ok, 31 rate lines, 0 warning(s)\n");
  CHECK(check.err == bad + ":9:12: error: price must not be negative, not -0.2\n    price: -0.2\n           ^\n" + bad +
                         ": 1 error(s)\n");
}

TEST_CASE("prices import: both offer formats, unmapped usage types on stderr, then quote with the result") {
  const std::string table = temp_path("states.yaml");
  std::filesystem::remove(table);
  auto imp = run_flowcost({"prices", "import", "--offer", data("offers/AmazonStates-us-east-1.csv"), "--region", "us-east-1",
                    "--name", "states-test", "-o", table});
  CHECK(imp.code == 0);
  CHECK(imp.err == "flowcost: warning: 1 usage type(s) of us-east-1 have no flowcost meter and were not imported:\n"
                   "  USE1-DataTransfer-Regional-Bytes\n");
  auto q = run_flowcost({"quote", "--prices", table, "--format", "json", "sfn.express.requests=100e6",
                  "sfn.express.gb_seconds=62.5e6"});
  REQUIRE(q.code == 0);
  auto doc = nlohmann::json::parse(q.out);
  CHECK(doc["prices"]["name"] == "states-test");
  CHECK(doc["total_cents"] == 48288);  // $100.00 + $382.88 with the offer's per-GB-s prices

  const std::string lambda = temp_path("lambda.yaml");
  std::filesystem::remove(lambda);
  auto imp2 = run_flowcost({"prices", "import", "--offer", data("offers/AWSLambda-us-east-1.json"), "--region", "us-east-1", "-o",
                     lambda});
  CHECK(imp2.code == 0);
  auto q2 = run_flowcost({"quote", "--prices", lambda, "--free-tier", "--format", "json", "lambda.requests=3e6",
                   "lambda.gb_seconds.x86=1.5e6"});
  REQUIRE(q2.code == 0);
  CHECK(nlohmann::json::parse(q2.out)["total_cents"] == 1873);
  // The offer is an input: import never writes over it.
  auto clobber = run_flowcost({"prices", "import", "--offer", data("offers/AWSLambda-us-east-1.json"), "--region", "us-east-1",
                        "-o", data("offers/AWSLambda-us-east-1.json")});
  CHECK(clobber.code == 1);
}

TEST_CASE("quote: a quantity whose cost passes $1e15 is refused with a message, never a wrapped total") {
  auto r = run_flowcost({"quote", "sfn.standard.transitions=4e21"});
  CHECK(r.code == 1);
  CHECK(r.out == "");
  CHECK(r.err == "flowcost: error: meter \"sfn.standard.transitions\" with quantity 4e+21 brings the monthly cost "
                 "above $1e+15, the largest amount flowcost prices; check the quantity, and the price of rate line "
                 "\"transitions\" in price table \"aws-us-east-1\" (" + transitions_price() + ")\n");
}

TEST_CASE("quote: a usage file's quantity that cannot be priced is reported at its line and column") {
  const std::string usage = temp_path("too_large_usage.yaml");
  std::ofstream(usage) << "lambda.requests: 10\nsfn.standard.transitions: 4e21\n";
  auto r = run_flowcost({"quote", "--usage", usage});
  CHECK(r.code == 1);
  CHECK(r.out == "");
  CHECK(r.err == usage + ":2:27: error: meter \"sfn.standard.transitions\" with quantity 4e+21 brings the monthly "
                         "cost above $1e+15, the largest amount flowcost prices; check the quantity, and the price of "
                         "rate line \"transitions\" in price table \"aws-us-east-1\" (" + transitions_price() + ")\n"
                         "sfn.standard.transitions: 4e21\n" +
                         std::string(26, ' ') + "^\n");

  const std::string base = data("merge/base.yaml");
  const std::string gap = temp_path("gap_usage.yaml");
  std::ofstream(gap) << "lambda.requests: 10\nsqs.requests: 10\n";
  auto g = run_flowcost({"quote", "--prices", base, "--usage", gap});
  CHECK(g.code == 1);
  CHECK(g.out == "");
  CHECK(g.err == gap + ":2:15: error: price table \"base\" (" + base +
                     ") has no rate line for meter \"sqs.requests\" (a known gap: not in the base either)\n"
                     "sqs.requests: 10\n" +
                     std::string(14, ' ') + "^\n");
  // An argument overrides the file's quantity, and its own error has no position.
  auto a = run_flowcost({"quote", "--usage", usage, "sfn.standard.transitions=5e21"});
  CHECK(a.err == "flowcost: error: meter \"sfn.standard.transitions\" with quantity 5e+21 brings the monthly cost "
                 "above $1e+15, the largest amount flowcost prices; check the quantity, and the price of rate line "
                 "\"transitions\" in price table \"aws-us-east-1\" (" + transitions_price() + ")\n");
}
