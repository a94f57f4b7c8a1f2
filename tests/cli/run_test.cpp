// `flowcost run` end to end through run_cli on tests/data/run/tiny.yaml (two designs, 6 draws x 400
// executions): exit codes, outputs, reproducibility at any thread count, --set, --rel-error, -o.
#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>

#include "golden_compare.h"
#include "model/source_file.h"
#include "run_cli_helpers.h"

using namespace flowcost::testing;
namespace fs = std::filesystem;

TEST_CASE("run: the table ends with the comparison sentence, exit 0, nothing on stderr") {
  CliResult r = run_flowcost({"run", run_data("tiny.yaml"), "--threads", "2"});
  CHECK(r.code == 0);
  CHECK(r.err == "");
  CHECK(r.out.rfind("tiny: Tiny test, workflow vs rule\n", 0) == 0);
  CHECK(r.out.find("\nworkflow: $") != std::string::npos);
  CHECK(r.out.find("\ncomparison (paired, same draws):\n  rule costs ") != std::string::npos);
}

TEST_CASE("run: CSV and JSON are byte-identical at 1 and 2 threads (JSON without wall_seconds)") {
  std::string scenario = run_data("tiny.yaml");
  CliResult csv1 = run_flowcost({"run", scenario, "--format", "csv", "--threads", "1"});
  CliResult csv2 = run_flowcost({"run", scenario, "--format", "csv", "--threads", "2"});
  REQUIRE(csv1.code == 0);
  CHECK(csv1.out == csv2.out);
  CliResult json1 = run_flowcost({"run", scenario, "--format", "json", "--threads", "1"});
  CliResult json2 = run_flowcost({"run", scenario, "--format", "json", "--threads", "2"});
  REQUIRE(json1.code == 0);
  CHECK(json_without_wall_time(json1.out) == json_without_wall_time(json2.out));
}

TEST_CASE("run: a different seed gives different numbers") {
  std::string scenario = run_data("tiny.yaml");
  CliResult a = run_flowcost({"run", scenario, "--format", "csv"});
  CliResult b = run_flowcost({"run", scenario, "--format", "csv", "--seed", "6"});
  CHECK(a.out != b.out);
}

TEST_CASE("run --format json has the keys of the contract") {
  CliResult r = run_flowcost({"run", run_data("tiny.yaml"), "--format", "json"});
  REQUIRE(r.code == 0);
  auto j = nlohmann::json::parse(r.out);
  CHECK(j["scenario"] == "tiny");
  CHECK(j["seed"] == 5);
  CHECK(j["tool_version"] == FLOWCOST_VERSION);
  CHECK(j["prices"]["name"] == "aws-us-east-1");
  CHECK(j["prices"].contains("effective_date"));
  CHECK(j["draws"] == 6);
  CHECK(j["executions_per_draw"] == 400);
  REQUIRE(j["designs"].size() == 2);
  for (const auto& d : j["designs"]) {
    for (const char* k : {"mean", "stderr", "p05", "p50", "p95"}) CHECK(d["monthly_cost_usd"].contains(k));
    CHECK(d["per_execution_cost_usd"].contains("mean"));
    CHECK(d["meters"].contains("dynamodb.write_request_units"));
    CHECK(d["meters"]["dynamodb.write_request_units"].contains("mean"));
    for (const auto& l : d["lines"])
      for (const char* k : {"meter", "quantity_mean", "cost_usd_mean"}) CHECK(l.contains(k));
    for (const char* k : {"p50", "p95", "p99"}) CHECK(d["latency_ms"].contains(k));
    for (const char* k : {"succeeded", "failed", "lost", "caught", "failed_by_error"}) CHECK(d["outcomes"].contains(k));
    CHECK(d["executions"] == 2400);
  }
  REQUIRE(j["comparisons"].size() == 1);
  const auto& c = j["comparisons"][0];
  CHECK(c["baseline"] == "workflow");
  CHECK(c["candidate"] == "rule");
  for (const char* k : {"mean", "p05", "p95"}) CHECK(c["saving_usd"].contains(k));
  CHECK(c.contains("saving_fraction_mean"));
  CHECK(c["p_candidate_cheaper"] == 1.0);
  // The mean saving is the difference of the mean costs (paired on the same draws).
  double saving = j["designs"][0]["monthly_cost_usd"]["mean"].get<double>() -
                  j["designs"][1]["monthly_cost_usd"]["mean"].get<double>();
  CHECK(c["saving_usd"]["mean"].get<double>() == Approx(saving).epsilon(1e-12));
  for (const char* k : {"simulated_executions", "simulated_transitions", "wall_seconds"})
    CHECK(j["performance"].contains(k));
  CHECK(j["performance"]["simulated_executions"] == 4800);
}

TEST_CASE("run --format csv: one row per design x line item and a total row per design") {
  CliResult r = run_flowcost({"run", run_data("tiny.yaml"), "--format", "csv"});
  REQUIRE(r.code == 0);
  auto records = split_csv(r.out);
  // header; workflow 4 lines + total + 16 settings; rule 4 lines + total + 10 settings
  REQUIRE(records.size() == 1 + (4 + 1 + 16) + (4 + 1 + 10));
  CHECK(records[0][0] == "scenario");
  CHECK(records[0][19] == "detail");
  CHECK(records[5][2] == "total");
  CHECK(records[5][16] == "");  // the baseline has no comparison
  CHECK(records[6][2] == "setting");
  CHECK(records[6][4] == "lambda.duration_granularity_ms");
  CHECK(records[6][19] == "1");
  CHECK(records[26][1] == "rule");
  CHECK(records[26][2] == "total");
  CHECK(records[26][18] == "1");
  CHECK(records[1][2] == "line");
  CHECK(records[1][3] == "sfn.standard.transitions");
  CHECK(records[1][4] == "transitions");
  for (const auto& record : records) CHECK(record.size() == 24);
}

TEST_CASE("run --set replaces an input for every draw") {
  CliResult r = run_flowcost({"run", run_data("tiny.yaml"), "--format", "json", "--set", "devices=2000"});
  REQUIRE(r.code == 0);
  auto j = nlohmann::json::parse(r.out);
  CHECK(j["designs"][0]["events_per_month"]["mean"] == 2000000.0);
  CHECK(j["designs"][1]["meters"]["iot.messages"]["mean"] == 2000000.0);  // one 5 KB unit per message
}

TEST_CASE("run: a bad scenario exits 1 with its diagnostics and writes no output file") {
  fs::path dir = scratch_folder("run_bad");
  fs::path out = dir / "out.csv";
  std::string scenario = run_data("bad.yaml");
  CliResult r = run_flowcost({"run", scenario, "--format", "csv", "-o", out.string()});
  CHECK(r.code == 1);
  CHECK(r.out == "");
  CHECK(r.err == scenario + ":3:32: error: unknown run setting \"draw\"; did you mean \"draws\"?\n"
                            "run: {seed: 1, executions: 10, draw: 2}\n"
                            "                               ^\n");
  CHECK_FALSE(fs::exists(out));
  fs::remove_all(dir);
}

TEST_CASE("run: option mistakes exit 1") {
  std::string scenario = run_data("tiny.yaml");
  CHECK(run_flowcost({"run", run_data("missing.yaml")}).err == run_data("missing.yaml") + ": error: no such file\n");
  CliResult set = run_flowcost({"run", scenario, "--set", "devices"});
  CHECK(set.code == 1);
  CHECK(set.err == "--set: error: expected NAME=VALUE, got \"devices\"\n");
  CHECK(run_flowcost({"run", scenario, "--set", "nodevices=3"}).code == 1);
  CHECK(run_flowcost({"run", scenario, "--format", "xml"}).code == 1);
  CHECK(run_flowcost({"run", scenario, "--prices", "aws-nowhere-1"}).code == 1);
  CliResult cap = run_flowcost({"run", scenario, "--draws", "8", "--max-draws", "4", "--rel-error", "0.1"});
  CHECK(cap.code == 1);
  CHECK(cap.err == "command line: error: --max-draws (4) is less than --draws (8)\n");
  // A seed in run.seed's range only: CLI11 alone would read "-1" as 2^64 - 1. --threads: at most 1024 (a
  // crew starts them all before any work), and not negative.
  struct OutOfRange {
    const char* option;
    const char* value;
    const char* range;
  };
  for (const char* seed : {"-1", "18446744073709551616", "9007199254740993", "1.5", "1e300"}) {
    CliResult bad = run_flowcost({"run", scenario, "--seed", seed});
    CHECK(bad.code == 1);
    CHECK(bad.err == std::string("flowcost: error: --seed: must be a whole number from 0 to 9,007,199,254,740,992, not ") +
                         seed + "\nRun 'flowcost --help' for usage.\n");
  }
  // A count may be written with an exponent, as in the scenario's run: section.
  CliResult exponent = run_flowcost({"run", scenario, "--executions", "1e1", "--draws", "2e0", "--format", "json"});
  CHECK(exponent.code == 0);
  CHECK(nlohmann::json::parse(exponent.out)["executions_per_draw"] == 10);
  CHECK(run_flowcost({"run", scenario, "--executions", "1e10"}).err ==
        "flowcost: error: --executions: must be a whole number from 1 to 1,000,000,000, not 1e10\n"
        "Run 'flowcost --help' for usage.\n");
  for (const OutOfRange& o : {OutOfRange{"--threads", "-1", "0 to 1024"}, OutOfRange{"--threads", "1025", "0 to 1024"},
                              OutOfRange{"--threads", "100000", "0 to 1024"}}) {
    CliResult bad = run_flowcost({"run", scenario, o.option, o.value});
    CHECK(bad.code == 1);
    CHECK(bad.out == "");
    CHECK(bad.err == std::string("flowcost: error: ") + o.option + ": Value " + o.value + " not in range " + o.range +
                         "\nRun 'flowcost --help' for usage.\n");
  }
  CHECK(run_flowcost({"run", scenario, "--seed", "9007199254740992", "--draws", "1", "--executions", "10"}).code == 0);
  CHECK(run_flowcost({"run", scenario, "--threads", "1024", "--draws", "1", "--executions", "10"}).code == 0);
  // NaN passes every range comparison; it is refused as not finite.
  CliResult nan = run_flowcost({"run", scenario, "--rel-error", "nan"});
  CHECK(nan.code == 1);
  CHECK(nan.err == "flowcost: error: --rel-error: must be more than 0 and less than 1 (0.05: a 95% half-width of 5% of "
                   "the mean), not nan\nRun 'flowcost --help' for usage.\n");
  CHECK(run_flowcost({"run", scenario, "--max-states", "nan"}).code == 1);
}

TEST_CASE("run -o writes the file atomically and refuses to overwrite an input") {
  fs::path dir = scratch_folder("run_out");
  fs::path out = dir / "tiny.json";
  CliResult r = run_flowcost({"run", run_data("tiny.yaml"), "--format", "json", "-o", out.string()});
  CHECK(r.code == 0);
  CHECK(r.out == "");
  CHECK(nlohmann::json::parse(read_text_file(out.string()))["scenario"] == "tiny");
  CliResult over = run_flowcost({"run", run_data("tiny.yaml"), "-o", run_data("tiny.yaml")});
  CHECK(over.code == 1);
  CHECK(over.err.find("refusing to overwrite input file") != std::string::npos);
  CHECK(read_text_file(run_data("tiny.yaml")).rfind("# A small two-design scenario", 0) == 0);
  fs::remove_all(dir);
}

TEST_CASE("run --rel-error adds draws in doubling rounds until converged or the cap") {
  std::string scenario = run_data("tiny.yaml");
  CliResult loose = run_flowcost({"run", scenario, "--format", "json", "--draws", "4", "--rel-error", "0.5"});
  REQUIRE(loose.code == 0);
  auto a = nlohmann::json::parse(loose.out);
  CHECK(a["draws"] == 4);
  CHECK(a["converged"] == true);
  CHECK(a["rel_error_target"] == 0.5);
  CHECK(a["relative_error"].get<double>() <= 0.5);

  CliResult tight = run_flowcost(
      {"run", scenario, "--format", "json", "--draws", "4", "--max-draws", "12", "--rel-error", "0.00001"});
  REQUIRE(tight.code == 0);
  auto b = nlohmann::json::parse(tight.out);
  CHECK(b["draws"] == 12);  // 4, then 8, then the cap
  CHECK(b["converged"] == false);
  CHECK(b["relative_error"].get<double>() > 0.00001);
  REQUIRE(b["warnings"].size() == 1);
  CHECK(b["warnings"][0].get<std::string>().rfind("the stop rule did not converge", 0) == 0);

  // The same 12 draws as a plain run: rounds do not change the draws.
  CliResult plain = run_flowcost({"run", scenario, "--format", "csv", "--draws", "12"});
  CliResult rounds = run_flowcost(
      {"run", scenario, "--format", "csv", "--draws", "4", "--max-draws", "12", "--rel-error", "0.00001"});
  CHECK(plain.out == rounds.out);
}

TEST_CASE("run --format md and --free-tier") {
  CliResult md = run_flowcost({"run", run_data("tiny.yaml"), "--format", "md"});
  REQUIRE(md.code == 0);
  CHECK(md.out.rfind("# tiny: Tiny test, workflow vs rule\n", 0) == 0);
  CliResult free = run_flowcost({"run", run_data("tiny.yaml"), "--format", "json", "--free-tier"});
  CliResult paid = run_flowcost({"run", run_data("tiny.yaml"), "--format", "json"});
  auto f = nlohmann::json::parse(free.out), p = nlohmann::json::parse(paid.out);
  CHECK(f["free_tier"] == true);
  CHECK(f["designs"][0]["monthly_cost_usd"]["mean"].get<double>() <
        p["designs"][0]["monthly_cost_usd"]["mean"].get<double>());
}

TEST_CASE("run: the report names every input file with its SHA-256, and -o never overwrites one") {
  CliResult r = run_flowcost({"run", run_data("tiny.yaml"), "--format", "json"});
  REQUIRE(r.code == 0);
  auto files = nlohmann::json::parse(r.out)["input_files"];
  for (const std::string name : {"tiny.yaml", "tiny.asl.json"}) {  // relative to the scenario's folder
    REQUIRE(files.contains(name));
    CHECK(files[name] == flowcost::model::sha256_hex(read_text_file(run_data(name))));
  }
  CHECK(files.contains("shipped:aws-us-east-1.yaml"));
  CHECK(files.size() == 3);  // and the price table
  std::string before = read_text_file(run_data("tiny.asl.json"));
  CliResult over = run_flowcost({"run", run_data("tiny.yaml"), "-o", run_data("tiny.asl.json")});
  CHECK(over.code == 1);
  CHECK(over.err == run_data("tiny.asl.json") + ": error: refusing to overwrite input file " +
                        run_data("tiny.asl.json") + "\n");
  CHECK(read_text_file(run_data("tiny.asl.json")) == before);
}

TEST_CASE("run: meters and costs follow the billing arithmetic end to end (tiny.yaml)") {
  CliResult r = run_flowcost({"run", run_data("tiny.yaml"), "--format", "json"});
  REQUIRE(r.code == 0);
  auto j = nlohmann::json::parse(r.out);
  const auto& wf = j["designs"][0];
  const double events = wf["events_per_month"]["mean"].get<double>();
  const double n = 2400;  // 6 draws x 400 executions
  // Two Task states, no retries: exactly 2 transitions per execution; $0.025 per 1,000
  // (docs/sources.md#sfn-standard-prices).
  CHECK(wf["meters"]["sfn.standard.transitions"]["per_execution"] == 2.0);
  const auto& transitions = wf["lines"][0];
  REQUIRE(transitions["meter"] == "sfn.standard.transitions");
  CHECK(transitions["quantity_mean"].get<double>() == Approx(2 * events).epsilon(1e-12));
  CHECK(transitions["cost_usd_mean"].get<double>() == Approx(2 * events * 0.025 / 1000).epsilon(1e-9));
  // Lambda: ceil(U(10 ms, 30 ms)) x 128 MB: mean 20.5 ms x 0.125 GB; sd of the billed ms sqrt(400/12 + 1/12).
  const double gb_s_mean = 20.5 * 0.125 / 1000, gb_s_se = std::sqrt(401.0 / 12) * 0.125 / 1000 / std::sqrt(n);
  CHECK(std::fabs(wf["meters"]["lambda.gb_seconds.arm64"]["per_execution"].get<double>() - gb_s_mean) <=
        4 * gb_s_se);
  // DynamoDB: ceil(U(500 B, 1500 B) / 1 KB) write units: 1 + P(size > 1024) = 1.476, Bernoulli spread.
  const double p_two = 0.476, wru_se = std::sqrt(p_two * (1 - p_two) / n);
  CHECK(std::fabs(wf["meters"]["dynamodb.write_request_units"]["per_execution"].get<double>() - (1 + p_two)) <=
        4 * wru_se);
  // The rule design: one message (under 5 KB), one rule, one action per event, on the same events.
  const auto& rule = j["designs"][1];
  CHECK(rule["events_per_month"]["mean"].get<double>() == events);
  CHECK(rule["meters"]["iot.messages"]["per_execution"] == 1.0);
  CHECK(rule["meters"]["iot.rules_triggered"]["per_execution"] == 1.0);
  // Common random numbers: the same payloads, so the same write units in both designs.
  CHECK(rule["meters"]["dynamodb.write_request_units"]["mean"] == wf["meters"]["dynamodb.write_request_units"]["mean"]);
}

TEST_CASE("run: price table problems are reported at the scenario's prices: key or the design") {
  std::string unknown = run_data("unknown_prices.yaml");
  CliResult a = run_flowcost({"run", unknown});
  CHECK(a.code == 1);
  CHECK(a.err.rfind(unknown + ":4:9: error: unknown price table \"aws-us-east-9\"; did you mean \"aws-us-east-1\"?", 0) ==
        0);
  std::string missing = run_data("missing_prices.yaml");
  CliResult b = run_flowcost({"run", missing});
  CHECK(b.code == 1);
  CHECK(b.err == missing + ":4:9: error: no such file\nprices: tables/none.yaml\n        ^\n");
  // A table without a price for meters a design uses: one error at the design naming them all, with the table's
  // gaps; the design the table prices whole has none. Under --strict-prices, the meters aws-eu-west-1 borrows
  // from aws-us-east-1 are such gaps.
  std::string tiny = run_data("tiny.yaml");
  std::string table = std::string(FLOWCOST_SOURCE_DIR) + "/pricing/tables/aws-eu-west-1.yaml";
  CliResult c = run_flowcost({"run", tiny, "--prices", table, "--strict-prices", "-o", "-"});
  CHECK(c.code == 1);
  CHECK(c.out == "");
  const std::string gap = " (a known gap: the Ireland example copy is truncated before the rules engine "
                          "(docs/sources.md#source-ids, IOT-EX); the price of aws-us-east-1 is not borrowed under "
                          "--strict-prices)";
  CHECK(c.err == tiny + ":24:5: error: design \"rule\" uses 2 meters that price table \"aws-eu-west-1\" (" + table +
                     ") does not price: \"iot.actions_executed\"" + gap + ", \"iot.rules_triggered\"" + gap +
                     "\n  - name: rule\n    ^\n");
}

TEST_CASE("run: a monthly cost too large to price names the design and the draw, and writes nothing") {
  const fs::path out = fs::temp_directory_path() / "flowcost_run_too_large.json";
  fs::remove(out);
  CliResult r = run_flowcost({"run", run_data("tiny.yaml"), "--set", "devices=1e17", "-o", out.string()});
  CHECK(r.code == 1);
  CHECK(r.out == "");
  // At the design's position in the scenario (the draw's inputs made it so).
  CHECK(r.err == run_data("tiny.yaml") + ":12:5: error: design \"workflow\", draw 0: meter \"sfn.standard.transitions\" "
                 "with quantity 2e+20 brings the monthly cost above $1e+15, the largest amount flowcost prices; check "
                 "the quantity, and the price of rate line \"transitions\" in price table \"aws-us-east-1\" (" +
                     transitions_price() + ")\n  - name: workflow\n    ^\n");
  CHECK(!fs::exists(out));
}

TEST_CASE("run: a price too large to bill names the rate line's price in the table, and writes nothing") {
  const fs::path dir = scratch_folder("run_price_too_large");
  const std::string shipped = flowcost::model::read_source_file(std::string(FLOWCOST_TABLES_DIR) + "/aws-us-east-1.yaml").text;
  const std::string needle = "    price: 0.025\n";
  const auto at = shipped.find(needle);
  REQUIRE(at != std::string::npos);
  const std::string table = (dir / "huge.yaml").string();
  std::ofstream(table) << shipped.substr(0, at) << "    price: 1e300\n" << shipped.substr(at + needle.size());
  const fs::path out = dir / "out.json";
  CliResult r =
      run_flowcost({"run", run_data("tiny.yaml"), "--set", "devices=1000", "--prices", table, "-o", out.string()});
  CHECK(r.code == 1);
  CHECK(r.out == "");
  CHECK(r.err == run_data("tiny.yaml") + ":12:5: error: design \"workflow\", draw 0: meter \"sfn.standard.transitions\" "
                 "with quantity 2000000 brings the monthly cost above $1e+15, the largest amount flowcost prices; check "
                 "the quantity, and the price of rate line \"transitions\" in price table \"aws-us-east-1\" (" +
                     transitions_price(table) + ")\n  - name: workflow\n    ^\n");
  CHECK(!fs::exists(out));
  fs::remove_all(dir);
}

TEST_CASE("run: --set takes one value each, so it may come before the scenario") {
  CliResult r = run_flowcost({"run", "--set", "devices=2000", run_data("tiny.yaml"), "--format", "json"});
  REQUIRE(r.code == 0);
  CHECK(nlohmann::json::parse(r.out)["designs"][0]["events_per_month"]["mean"] == 2000000.0);
  CliResult b = run_flowcost({"batch", "--set", "devices=2000", run_data("tiny.yaml"), run_data("tiny.yaml")});
  CHECK(b.code == 0);
  CHECK(split_csv(b.out).size() == 1 + 2 * 36);  // the header, then 36 rows per run of tiny.yaml
}
