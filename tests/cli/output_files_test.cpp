// `-o` never replaces a file the command reads (compared by identity, for every verb), writes devices,
// FIFOs and symbolic links through without replacing them, and a failed write to standard output is an
// error (docs/cli.md "Output files"). Every test works on a copy of its data in a scratch folder, so that
// a regression could not damage the source tree.
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <map>
#include <thread>

#include "run_cli_helpers.h"

namespace fs = std::filesystem;
using flowcost::testing::CliResult;
using flowcost::testing::run_flowcost;
using flowcost::testing::scratch_folder;

namespace {

std::string read_all(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

void write_all(const fs::path& p, const std::string& text) {
  std::ofstream out(p, std::ios::binary);
  out << text;
}

// Every file under `dir` (symbolic links as links) with its bytes.
std::map<std::string, std::string> snapshot(const fs::path& dir) {
  std::map<std::string, std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (e.is_symlink()) out[e.path().string()] = "-> " + fs::read_symlink(e.path()).string();
    else if (e.is_regular_file()) out[e.path().string()] = read_all(e.path());
  }
  return out;
}

// A copy of tests/data/scenario/files (a scenario reading every kind of file) in a scratch folder.
fs::path files_copy(const std::string& name) {
  const fs::path dir = scratch_folder(name);
  fs::copy(std::string(FLOWCOST_TEST_DATA) + "/scenario/files", dir, fs::copy_options::recursive);
  return dir;
}

const std::vector<std::string> kQuick = {"--executions", "50", "--draws", "2", "--seed", "3"};

std::vector<std::string> args(std::vector<std::string> a, const std::vector<std::string>& more = kQuick) {
  a.insert(a.end(), more.begin(), more.end());
  return a;
}

// The refusal of `-o target`: exit 1, the whole message, and not a byte changed under `dir`.
void check_refused(const std::vector<std::string>& command, const fs::path& dir, const std::string& target,
                   const std::string& input) {
  const auto before = snapshot(dir);
  CliResult r = run_flowcost(command);
  INFO(r.err);
  CHECK(r.code == 1);
  CHECK(r.out == "");
  CHECK(r.err.find(target + ": error: refusing to overwrite input file " + input + "\n") != std::string::npos);
  CHECK(snapshot(dir) == before);
}

struct ProcessResult {
  int status = -1;
  std::string err;
};

// Runs the flowcost binary through the shell with `redirect` applied to its standard output.
ProcessResult run_binary(const std::string& arguments, const std::string& redirect, const fs::path& err_file) {
  const std::string command =
      std::string("'") + FLOWCOST_BINARY + "' " + arguments + " " + redirect + " 2>'" + err_file.string() + "'";
  ProcessResult r;
  const int raw = std::system(command.c_str());
  r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  r.err = read_all(err_file);
  return r;
}

}  // namespace

TEST_CASE("output files: a design-level empirical CSV is listed in input_files and protected from run -o") {
  const fs::path dir = files_copy("out_design_csv");
  const std::string scenario = (dir / "files.yaml").string();
  CliResult json = run_flowcost(args({"run", scenario, "--format", "json"}));
  INFO(json.err);
  REQUIRE(json.code == 0);
  const auto doc = nlohmann::json::parse(json.out);
  std::vector<std::string> listed;
  for (const auto& [path, sha] : doc["input_files"].items()) listed.push_back(path);
  for (const char* name : {"files.yaml", "devices.csv", "parent.asl.json", "payloads.csv", "child.asl.json",
                           "child_durations.csv", "mock.json", "levels.csv"})
    CHECK(std::count(listed.begin(), listed.end(), name) == 1);  // relative to the scenario's folder

  const std::string csv = (dir / "child_durations.csv").string();
  check_refused(args({"run", scenario, "-o", csv}), dir, csv, csv);
  // The same file spelled differently, and through a hard link and a symbolic link, is still refused.
  const std::string spelled = (dir / "." / "child_durations.csv").string();
  check_refused(args({"run", scenario, "-o", spelled}), dir, spelled, csv);
  fs::create_hard_link(dir / "child_durations.csv", dir / "hard.csv");
  check_refused(args({"run", scenario, "-o", (dir / "hard.csv").string()}), dir, (dir / "hard.csv").string(), csv);
  fs::create_symlink("mock.json", dir / "link.json");
  check_refused(args({"run", scenario, "-o", (dir / "link.json").string()}), dir, (dir / "link.json").string(),
                (dir / "mock.json").string());
  fs::remove_all(dir);
}

TEST_CASE("output files: every verb refuses to write over a file it reads") {
  const fs::path dir = files_copy("out_every_verb");
  const std::string scenario = (dir / "files.yaml").string();
  const std::string definition = (dir / "parent.asl.json").string();
  const std::string child = (dir / "child.asl.json").string();
  const std::string mock = (dir / "mock.json").string();
  const std::string levels = (dir / "levels.csv").string();
  // explain: its scenario's definition (explain -o DEF.asl.json used to replace it).
  fs::copy(std::string(FLOWCOST_TEST_DATA) + "/run/tiny.yaml", dir / "tiny.yaml");
  fs::copy(std::string(FLOWCOST_TEST_DATA) + "/run/tiny.asl.json", dir / "tiny.asl.json");
  const std::string tiny_definition = (dir / "tiny.asl.json").string();
  check_refused({"explain", (dir / "tiny.yaml").string(), "-o", tiny_definition}, dir, tiny_definition,
                tiny_definition);
  check_refused(args({"run", scenario, "-o", definition}), dir, definition, definition);
  check_refused(args({"run", scenario, "-o", child}), dir, child, child);
  check_refused(args({"sweep", scenario, "--vary", "devices=100..200:2", "-o", mock}), dir, mock, mock);
  check_refused(args({"tornado", scenario, "-o", levels}), dir, levels, levels);
  check_refused(args({"report", scenario, "-o", child}), dir, child, child);
  check_refused(args({"run", scenario, "--shard", "0/2", "-o", mock}), dir, mock, mock);
  check_refused(args({"sweep", scenario, "--vary", "devices=100..200:2", "--shard", "1/2", "-o", levels}), dir, levels,
                levels);
  // batch knows every scenario's files before it runs or writes anything.
  check_refused(args({"batch", (dir / "tiny.yaml").string(), scenario, "-o", mock}), dir, mock, mock);
  // The price table, given with --prices, is an input of run too.
  fs::copy(std::string(FLOWCOST_SOURCE_DIR) + "/pricing/tables/aws-us-east-1.yaml", dir / "table.yaml");
  const std::string table = (dir / "table.yaml").string();
  check_refused(args({"run", scenario, "--prices", table, "-o", table}), dir, table, table);
  // quote --usage and prices import: their usage file and offer, reached through a symbolic link.
  fs::copy(std::string(FLOWCOST_TEST_DATA) + "/pricing/usage/lambda_example.yaml", dir / "usage.yaml");
  fs::create_symlink(dir / "usage.yaml", dir / "usage_link.yaml");
  check_refused({"quote", "--usage", (dir / "usage.yaml").string(), "-o", (dir / "usage_link.yaml").string()}, dir,
                (dir / "usage_link.yaml").string(), (dir / "usage.yaml").string());
  fs::copy(std::string(FLOWCOST_TEST_DATA) + "/pricing/offers/AWSLambda-us-east-1.json", dir / "offer.json");
  fs::create_hard_link(dir / "offer.json", dir / "offer_link.json");
  check_refused({"prices", "import", "--offer", (dir / "offer.json").string(), "--region", "us-east-1", "-o",
                 (dir / "offer_link.json").string()},
                dir, (dir / "offer_link.json").string(), (dir / "offer.json").string());
  fs::remove_all(dir);
}

TEST_CASE("output files: a symbolic link is followed and its target replaced; a dangling one is refused") {
  const fs::path dir = scratch_folder("out_links");
  write_all(dir / "target.csv", "old\n");
  fs::create_symlink("target.csv", dir / "link.csv");
  CliResult r = run_flowcost({"quote", "lambda.requests=3e6", "--format", "csv", "-o", (dir / "link.csv").string()});
  INFO(r.err);
  CHECK(r.code == 0);
  CHECK(fs::is_symlink(dir / "link.csv"));
  CHECK(read_all(dir / "target.csv") == run_flowcost({"quote", "lambda.requests=3e6", "--format", "csv"}).out);

  fs::create_symlink("nowhere.csv", dir / "dangling.csv");
  CliResult d = run_flowcost({"quote", "lambda.requests=3e6", "-o", (dir / "dangling.csv").string()});
  CHECK(d.code == 1);
  CHECK(d.err == (dir / "dangling.csv").string() +
                     ": error: output path is a symbolic link to a file that does not exist\n");
  CHECK_FALSE(fs::exists(dir / "nowhere.csv"));
  CliResult folder = run_flowcost({"quote", "lambda.requests=3e6", "-o", dir.string()});
  CHECK(folder.code == 1);
  CHECK(folder.err == dir.string() + ": error: output path is a folder\n");
  CHECK(std::distance(fs::directory_iterator(dir), fs::directory_iterator()) == 3);  // no temporary left
  fs::remove_all(dir);
}

TEST_CASE("output files: a device or a FIFO is written through, never replaced by a regular file") {
  CliResult null = run_flowcost({"quote", "lambda.requests=3e6", "-o", "/dev/null"});
  CHECK(null.code == 0);
  struct stat st {};
  REQUIRE(::stat("/dev/null", &st) == 0);
  CHECK(S_ISCHR(st.st_mode));

  const fs::path dir = scratch_folder("out_fifo");
  const fs::path fifo = dir / "pipe";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  std::string received;
  std::thread reader([&] { received = read_all(fifo); });
  CliResult r = run_flowcost({"quote", "lambda.requests=3e6", "--format", "csv", "-o", fifo.string()});
  reader.join();
  CHECK(r.code == 0);
  CHECK(received == run_flowcost({"quote", "lambda.requests=3e6", "--format", "csv"}).out);
  REQUIRE(::lstat(fifo.c_str(), &st) == 0);
  CHECK(S_ISFIFO(st.st_mode));
  fs::remove_all(dir);
}

TEST_CASE("output files: a failed write to standard output is an error with a message, exit 1") {
  const fs::path dir = scratch_folder("out_stdout");
  const fs::path err = dir / "err.txt";
  ProcessResult full = run_binary("quote lambda.requests=3e6", ">/dev/full", err);
  CHECK(full.status == 1);
  CHECK(full.err == "standard output: error: cannot write the output (closed, or the disk is full)\n");
  ProcessResult closed = run_binary("quote lambda.requests=3e6", ">&-", err);
  CHECK(closed.status == 1);
  CHECK(closed.err == "standard output: error: cannot write the output (closed, or the disk is full)\n");
  ProcessResult fine = run_binary("quote lambda.requests=3e6", ">/dev/null", err);
  CHECK(fine.status == 0);
  CHECK(fine.err == "");
  fs::remove_all(dir);
}

TEST_CASE("output files: a command's outputs are written all or none, and keep the permissions they had") {
  const fs::path dir = scratch_folder("out_all_or_none");
  const std::string scenario = std::string(FLOWCOST_SOURCE_DIR) + "/scenarios/article-choice.yaml";
  // run --per-draw F -o OUT: OUT cannot be written, so F is not written either.
  const fs::path per_draw = dir / "draws.csv";
  CliResult r = run_flowcost(args({"run", scenario, "--per-draw", per_draw.string(), "-o", "/dev/full"}));
  CHECK(r.code == 1);
  CHECK(r.err == "/dev/full: error: cannot write output file: No space left on device\n");
  CHECK_FALSE(fs::exists(per_draw));
  // fit's sample CSVs are not left behind when its report cannot be written, and with -o naming a device
  // they would go to the current folder, not next to the device.
  const std::string log = std::string(FLOWCOST_TEST_DATA) + "/fit/three_invocations.log";
  REQUIRE(fs::exists(log));
  const fs::path before = fs::current_path();
  fs::current_path(dir);
  r = run_flowcost({"fit", log, "-o", "/dev/full"});  // three samples: an empirical CSV beside the report
  CHECK(r.code == 1);
  CHECK(fs::is_empty(dir));
  r = run_flowcost({"fit", log, "-o", "/dev/null"});
  fs::current_path(before);
  CHECK(r.code == 0);
  CHECK(fs::exists(dir / "fit.three_invocations.duration.csv"));
  fs::remove(dir / "fit.three_invocations.duration.csv");
  // An existing output keeps its mode.
  const fs::path out = dir / "cost.csv";
  write_all(out, "old\n");
  fs::permissions(out, fs::perms::owner_read | fs::perms::owner_write);
  r = run_flowcost({"quote", "lambda.requests=3e6", "--format", "csv", "-o", out.string()});
  CHECK(r.code == 0);
  CHECK(read_all(out) != "old\n");
  CHECK(fs::status(out).permissions() == (fs::perms::owner_read | fs::perms::owner_write));
  fs::remove_all(dir);
}
