// `flowcost batch` end to end: one CSV over several scenarios with the columns of `run --format csv`;
// a failing scenario is reported and left out, the others still run, and the exit code is then 1.
#include <catch2/catch.hpp>

#include <filesystem>

#include "golden_compare.h"
#include "run_cli_helpers.h"

using namespace flowcost::testing;
namespace fs = std::filesystem;

TEST_CASE("batch: the CSV is the header once, then each scenario's rows as run --format csv gives them") {
  fs::path dir = scratch_folder("batch_ok");
  fs::path out = dir / "summary.csv";
  std::string tiny = run_data("tiny.yaml");
  CliResult r = run_flowcost({"batch", tiny, tiny, "--seed", "9", "--threads", "2", "-o", out.string()});
  CHECK(r.code == 0);
  CHECK(r.out == "");
  CHECK(r.err == "");
  CliResult single = run_flowcost({"run", tiny, "--seed", "9", "--format", "csv"});
  std::string header = single.out.substr(0, single.out.find("\r\n") + 2);
  std::string rows = single.out.substr(header.size());
  CHECK(read_text_file(out.string()) == header + rows + rows);
  fs::remove_all(dir);
}

TEST_CASE("batch: a failing scenario goes to stderr, the others are still written, exit 1") {
  fs::path dir = scratch_folder("batch_fail");
  fs::path out = dir / "summary.csv";
  std::string tiny = run_data("tiny.yaml"), bad = run_data("bad.yaml");
  CliResult r = run_flowcost({"batch", bad, tiny, "-o", out.string()});
  CHECK(r.code == 1);
  CHECK(r.err == bad + ":3:32: error: unknown run setting \"draw\"; did you mean \"draws\"?\n"
                       "run: {seed: 1, executions: 10, draw: 2}\n"
                       "                               ^\n"
                       "flowcost batch: " + bad + " failed; it is left out of the CSV\n"
                       "flowcost batch: 1 of 2 scenarios failed\n");
  CliResult single = run_flowcost({"run", tiny, "--format", "csv"});
  CHECK(read_text_file(out.string()) == single.out);
  // Every scenario failed: nothing to report, so the existing CSV keeps its bytes (no header-only file).
  CliResult all_failed = run_flowcost({"batch", bad, "-o", out.string()});
  CHECK(all_failed.code == 1);
  CHECK(all_failed.err.find("flowcost batch: 1 of 1 scenarios failed\n") != std::string::npos);
  CHECK(read_text_file(out.string()) == single.out);
  fs::remove_all(dir);
}

TEST_CASE("batch: to standard output without -o; never over an input") {
  std::string tiny = run_data("tiny.yaml");
  CliResult r = run_flowcost({"batch", tiny});
  CHECK(r.code == 0);
  CHECK(split_csv(r.out).size() == 37);  // as run --format csv: header, 21 workflow rows, 15 rule rows
  CliResult over = run_flowcost({"batch", tiny, "-o", tiny});
  CHECK(over.code == 1);
  CHECK(over.err.find("refusing to overwrite input file") != std::string::npos);
}

TEST_CASE("batch: an output in a missing folder or over a scenario is refused before any scenario runs") {
  fs::path dir = scratch_folder("batch_early");
  const std::string tiny = run_data("tiny.yaml"), bad = run_data("bad.yaml");
  const std::string missing = (dir / "no-such-folder" / "summary.csv").string();
  // The bad scenario would print its diagnostics if it ran; nothing is printed but the output error.
  CliResult r = run_flowcost({"batch", bad, tiny, "-o", missing});
  CHECK(r.code == 1);
  CHECK(r.out == "");
  CHECK(r.err == missing + ": error: output folder does not exist\n");
  CliResult over = run_flowcost({"batch", tiny, "-o", tiny});
  CHECK(over.code == 1);
  CHECK(over.err == tiny + ": error: refusing to overwrite input file " + tiny + "\n");
  // No trial file is left behind.
  CHECK(fs::is_empty(dir));
  fs::remove_all(dir);
}
