// Bad input never crashes, never runs forever and never ends in an internal error: each class below
// ends in a positioned error (exit 1, nothing on stdout) or in correct output.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <string>

#include "run_cli_helpers.h"

namespace {

using flowcost::testing::run_flowcost;
using flowcost::testing::scratch_folder;

// The first line of standard error (the excerpt of the source line follows it).
std::string headline(const std::string& err) { return err.substr(0, err.find('\n')); }

void write(const std::filesystem::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
}

}  // namespace

TEST_CASE("robustness: validate /dev/zero stops at the size cap") {
  auto r = run_flowcost({"validate", "/dev/zero"});
  CHECK(r.code == 1);
  CHECK(r.out == "");
  CHECK(r.err == "/dev/zero: error: file is too large (more than 16 MB read; the limit is 16 MB)\n");
}

TEST_CASE("robustness: the printed diagnostics stop after 100, with a count of the rest") {
  auto dir = scratch_folder("many_errors");
  const std::string path = (dir / "dups.json").string();
  std::string text = "{\n\"a\": 1";
  for (int i = 0; i < 150; ++i) text += ",\n\"a\": 1";
  write(path, text + "\n}\n");
  auto r = run_flowcost({"validate", path});
  std::filesystem::remove_all(dir);
  CHECK(r.code == 1);
  CHECK(r.out == "");
  // Sorted by position: the file-level error at 1:1, then the duplicates from line 3 on.
  std::string expected = path +
                         ":1:1: error: neither an ASL definition (no \"StartAt\" or \"States\"), a CloudFormation "
                         "or SAM template (no \"Resources\") nor a flowcost scenario (no \"scenario:\" key)\n{\n^\n";
  for (int line = 3; line < 3 + 99; ++line)
    expected += path + ":" + std::to_string(line) + ":1: error: duplicate key \"a\" (first defined at line 2)\n\"a\": 1,\n^\n";
  expected += "... and 51 more (51 errors, 0 warnings)\n";
  CHECK(r.err == expected);
}

TEST_CASE("robustness: a price-table name longer than NAME_MAX is an unknown table, not an internal error") {
  const std::string name(300, 'x');
  auto r = run_flowcost({"quote", "--prices", name, "lambda.requests=1"});
  CHECK(r.code == 1);
  CHECK(r.out == "");
  CHECK(r.err.rfind("flowcost: error: unknown price table \"" + name + "\"", 0) == 0);
}

TEST_CASE("robustness: an offer with a malformed publication date is an error at that line") {
  auto dir = scratch_folder("offer_date");
  const std::string offer = (dir / "offer.csv").string();
  std::ifstream in(std::string(FLOWCOST_TEST_DATA) + "/pricing/offers/AmazonStates-us-east-1.csv", std::ios::binary);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const std::string date = "\"2026-08-31T19:11:04Z\"";
  text.replace(text.find(date), date.size(), "\"31/08/2026 19:11\"");
  write(offer, text);
  const std::string table = (dir / "t.yaml").string();
  auto r = run_flowcost({"prices", "import", "--offer", offer, "--region", "us-east-1", "-o", table});
  const bool written = std::filesystem::exists(table);
  std::filesystem::remove_all(dir);
  CHECK(r.code == 1);
  CHECK_FALSE(written);
  CHECK(r.err == offer +
                     ":3:1: error: the offer's publication date \"31/08/2026 19:11\" does not start with a date "
                     "YYYY-MM-DD (needed as the table's effective date)\n\"Publication Date\",\"31/08/2026 19:11\"\n^\n");
}

TEST_CASE("robustness: a normal input with min == max is that value (validate and run agree)") {
  auto dir = scratch_folder("normal_point");
  std::filesystem::copy_file(flowcost::testing::run_data("tiny.asl.json"), dir / "tiny.asl.json");
  std::ifstream in(flowcost::testing::run_data("tiny.yaml"), std::ios::binary);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const std::string devices = "devices: {uniform: [900, 1100]}";
  const std::string point = "devices: {normal: {mean: 1000, sd: 50, min: 950, max: 950}}";
  const std::string fixed = "devices: {uniform: [950, 950]}";
  write(dir / "point.yaml", text.replace(text.find(devices), devices.size(), point));
  text.replace(text.find(point), point.size(), fixed);
  write(dir / "fixed.yaml", text);
  auto v = run_flowcost({"validate", (dir / "point.yaml").string()});
  auto a = run_flowcost({"run", (dir / "point.yaml").string(), "--format", "csv"});
  auto b = run_flowcost({"run", (dir / "fixed.yaml").string(), "--format", "csv"});
  std::filesystem::remove_all(dir);
  CHECK(v.code == 0);
  CHECK(a.code == 0);
  CHECK(a.err == "");
  CHECK(b.code == 0);
  CHECK(a.out == b.out);
}

TEST_CASE("robustness: a .json definition with a trailing comma is refused as AWS refuses it") {
  auto dir = scratch_folder("strict_json");
  const std::string path = (dir / "m.asl.json").string();
  write(path, "{\n  \"StartAt\": \"A\",\n  \"States\": {\"A\": {\"Type\": \"Pass\", \"End\": true},}\n}\n");
  auto r = run_flowcost({"validate", path});
  std::filesystem::remove_all(dir);
  CHECK(r.code == 1);
  CHECK(r.out == "");
  CHECK(r.err == path +
                     ":3:49: error: invalid JSON: syntax error while parsing object key - unexpected '}'; expected "
                     "string literal\n  \"States\": {\"A\": {\"Type\": \"Pass\", \"End\": true},}\n" +
                     std::string(48, ' ') + "^\n");
}

TEST_CASE("robustness: a run too large to finish is refused before any work, with the estimate") {
  using flowcost::testing::run_data;
  namespace fs = std::filesystem;
  const fs::path dir = scratch_folder("work_bound");
  const std::string out = (dir / "out.csv").string();
  // Four nested Maps of 1,000 items: 1 + 1000 x (1 + 1000 x (1 + 1000 x (1 + 1000))) = 1,001,001,001,001
  // states per execution, x 2 draws x 10 executions.
  const std::string nested = run_data("nested_maps.yaml");
  auto r = flowcost::testing::run_flowcost({"run", nested, "-o", out});
  CHECK(r.code == 1);
  CHECK(r.out == "");
  CHECK(headline(r.err) == nested + ":9:5: error: the run would enter about 2e+13 states (2 draws x 10 executions "
                                    "x about 1e+12 states per event over all designs, Maps at their mean item counts, "
                                    "loops as draw 0's first events went; design \"fan-out\" alone about 1e+12), above the limit of 1e+11 states "
                                    "(--max-states); lower --executions or --draws, simulate fewer Map items, or raise "
                                    "--max-states");
  CHECK_FALSE(fs::exists(out));
  // advise simulates the design with its alternatives (three more copies of the nested Maps here).
  auto advise = flowcost::testing::run_flowcost({"advise", nested, "-o", out});
  CHECK(advise.code == 1);
  CHECK(headline(advise.err).rfind(nested + ":9:5: error: the run would enter about 6e+13 states", 0) == 0);
  CHECK(advise.err.find("above the limit of 1e+11 states (--max-states)") != std::string::npos);
  CHECK_FALSE(fs::exists(out));
  // Absurd --executions x --draws on a small scenario: tiny's workflow enters 2 states per execution and its
  // rule design 3 steps per message (the message, its rule and the rule's action).
  const std::string tiny = run_data("tiny.yaml");
  auto big = flowcost::testing::run_flowcost({"run", tiny, "--executions", "1000000000", "--draws", "1000000"});
  CHECK(big.code == 1);
  CHECK(headline(big.err) == tiny + ":24:5: error: the run would enter about 5e+15 states (1,000,000 draws x "
                                    "1,000,000,000 executions x about 5 states per event over all designs, Maps at their "
                                    "mean item counts, loops as draw 0's first events went; design \"rule\" alone about 3), above the limit of 1e+11 states "
                                    "(--max-states); lower --executions or --draws, simulate fewer Map items, or raise "
                                    "--max-states");
  // A loop the estimate cannot weigh: the pilot of draw 0's first events finds 12,500 transitions an event
  // (the Standard history limit, 25,000 events) instead of 3 states.
  const std::string loop = run_data("choice_loop.yaml");
  auto looped = flowcost::testing::run_flowcost({"run", loop, "-o", out});
  CHECK(looped.code == 1);
  CHECK(headline(looped.err) == loop + ":9:5: error: the run would enter about 2.5e+11 states (20 draws x 1,000,000 "
                                       "executions x about 1.2e+04 states per event over all designs, Maps at their "
                                       "mean item counts, loops as draw 0's first events went; design \"loop\" alone "
                                       "about 1.2e+04), above the limit of 1e+11 states (--max-states); lower "
                                       "--executions or --draws, simulate fewer Map items, or raise --max-states");
  CHECK_FALSE(fs::exists(out));
  // The limit is an option; a run under it is unchanged.
  auto limited = flowcost::testing::run_flowcost({"run", tiny, "--max-states", "100", "--format", "csv"});
  CHECK(limited.code == 1);
  CHECK(limited.err.find("above the limit of 1e+02 states (--max-states)") != std::string::npos);
  auto plain = flowcost::testing::run_flowcost({"run", tiny, "--format", "csv"});
  auto roomy = flowcost::testing::run_flowcost({"run", tiny, "--format", "csv", "--max-states", "1e9"});
  CHECK(plain.code == 0);
  CHECK(roomy.out == plain.out);
  fs::remove_all(dir);
}
