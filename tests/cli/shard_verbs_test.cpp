// `batch --shard` and `sweep --shard` + `merge`: the merged output is the unsharded command's, byte for byte
// (batch: CSV and Markdown; sweep: CSV, JSON, table and Markdown, break-even included), at 1, 3 and 7 shards
// and with more shards than items; `--shard auto/N` from each array engine's variable; merge refuses missing,
// repeated, mixed-verb and mixed-configuration sets with exact messages; budgets give exit 3 after a merge as
// after the unsharded run.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <map>
#include <optional>

#include "run_cli_helpers.h"

using namespace flowcost::testing;

namespace {

const std::string kScenarios = std::string(FLOWCOST_SOURCE_DIR) + "/scenarios/";
const std::string kBreakEven = std::string(FLOWCOST_TEST_DATA) + "/whatif/breakeven.yaml";

std::vector<std::string> batch_args(std::vector<std::string> extra, const std::string& draws = "3") {
  std::vector<std::string> args = {"batch",
                                   kScenarios + "article-choice.yaml",
                                   kScenarios + "iot-telemetry.yaml",
                                   kScenarios + "media-transcode.yaml",
                                   kScenarios + "promotion-approval.yaml",
                                   "--draws",
                                   draws,
                                   "--executions",
                                   "200",
                                   "--seed",
                                   "4"};
  args.insert(args.end(), extra.begin(), extra.end());
  return args;
}

// Nine points with one crossing of the saving (at 70,965 messages for 1,000 devices): a bisected break-even.
std::vector<std::string> sweep_args(std::vector<std::string> extra, const std::string& vary = "messages=10000..200000:9") {
  std::vector<std::string> args = {"sweep", kBreakEven, "--vary", vary, "--set", "devices=1000"};
  args.insert(args.end(), extra.begin(), extra.end());
  return args;
}

// Runs `args` + --shard i/count -o DIR/NAME-i.json for every i; returns the paths.
std::vector<std::string> shards(const std::vector<std::string>& args, const std::filesystem::path& dir,
                                const std::string& name, int count) {
  std::vector<std::string> paths;
  for (int i = 0; i < count; ++i) {
    const std::string path = (dir / (name + "-" + std::to_string(i) + ".json")).string();
    std::vector<std::string> a = args;
    a.insert(a.end(), {"--shard", std::to_string(i) + "/" + std::to_string(count), "-o", path});
    const CliResult r = run_flowcost(a);
    INFO(r.err);
    REQUIRE(r.code == 0);
    paths.push_back(path);
  }
  return paths;
}

CliResult merge(std::vector<std::string> parts, const std::vector<std::string>& extra = {}) {
  std::vector<std::string> args = {"merge"};
  args.insert(args.end(), parts.begin(), parts.end());
  args.insert(args.end(), extra.begin(), extra.end());
  return run_flowcost(args);
}

// Sets one environment variable for a scope; the three array index variables are unset meanwhile.
class ArrayIndex {
 public:
  ArrayIndex(const std::string& name, const std::string& value) {
    for (const char* v : {"SLURM_ARRAY_TASK_ID", "JOB_COMPLETION_INDEX", "AWS_BATCH_JOB_ARRAY_INDEX"}) {
      if (const char* old = std::getenv(v)) saved_[v] = old;
      ::unsetenv(v);
    }
    ::setenv(name.c_str(), value.c_str(), 1);
    name_ = name;
  }
  ~ArrayIndex() {
    ::unsetenv(name_.c_str());
    for (const auto& [name, value] : saved_) ::setenv(name.c_str(), value.c_str(), 1);
  }

 private:
  std::string name_;
  std::map<std::string, std::string> saved_;
};

}  // namespace

TEST_CASE("batch --shard + merge give the unsharded batch CSV and Markdown byte for byte at 1, 3 and 7 shards",
          "[shard]") {
  const auto dir = scratch_folder("batch_shards");
  const CliResult csv = run_flowcost(batch_args({}));
  const CliResult md = run_flowcost(batch_args({"--format", "md"}));
  REQUIRE(csv.code == 0);
  REQUIRE(md.code == 0);
  for (int count : {1, 3, 7}) {
    INFO(count << " shards");
    auto parts = shards(batch_args({}), dir, "b" + std::to_string(count), count);
    std::reverse(parts.begin(), parts.end());  // any order
    const CliResult merged = merge(parts);
    INFO(merged.err);
    REQUIRE(merged.code == 0);
    CHECK(merged.out == csv.out);
    CHECK(merge(parts, {"--format", "csv"}).out == csv.out);
    CHECK(merge(parts, {"--format", "md"}).out == md.out);
  }
  const CliResult json = merge(shards(batch_args({}), dir, "j", 2), {"--format", "json"});
  CHECK(json.code == 1);
  CHECK(json.err == "--format: error: the shards of a batch merge into its CSV or Markdown: --format csv, md or none\n");
  std::filesystem::remove_all(dir);
}

TEST_CASE("sweep --shard + merge give the unsharded sweep byte for byte in every format at 1, 3, 7 and 12 shards",
          "[shard]") {
  const auto dir = scratch_folder("sweep_shards");
  std::map<std::string, std::string> single;
  for (const std::string format : {"csv", "json", "table", "md"}) {
    const CliResult r = run_flowcost(sweep_args({"--format", format}));
    INFO(r.err);
    REQUIRE(r.code == 0);
    single[format] = r.out;
  }
  // The sweep crosses once: a break-even that some shard bisects across a shard boundary.
  REQUIRE(single["csv"].find("break_even") == std::string::npos);  // the CSV has the points only
  REQUIRE(nlohmann::json::parse(single["json"])["break_even"].size() == 1);
  for (int count : {1, 3, 7, 12}) {
    INFO(count << " shards");
    auto parts = shards(sweep_args({}), dir, "s" + std::to_string(count), count);
    std::reverse(parts.begin(), parts.end());
    for (const auto& [format, out] : single) {
      INFO(format);
      const CliResult merged = merge(parts, {"--format", format});
      INFO(merged.err);
      REQUIRE(merged.code == 0);
      CHECK(merged.out == out);
    }
  }
  // No --format: the sweep's default, the table.
  CHECK(merge(shards(sweep_args({}), dir, "d", 2)).out == single["table"]);
  std::filesystem::remove_all(dir);
}

TEST_CASE("batch and sweep --shard auto/3 take the index from each array engine's variable", "[shard]") {
  const auto dir = scratch_folder("auto_shards");
  const std::vector<std::pair<std::string, std::string>> engines = {
      {"SLURM_ARRAY_TASK_ID", "0"}, {"JOB_COMPLETION_INDEX", "1"}, {"AWS_BATCH_JOB_ARRAY_INDEX", "2"}};
  for (const auto& [verb, args] : {std::pair{std::string("batch"), batch_args({})},
                                   std::pair{std::string("sweep"), sweep_args({"--format", "csv"})}}) {
    INFO(verb);
    std::vector<std::string> unsharded = args;
    const CliResult single = run_flowcost(unsharded);
    REQUIRE(single.code == 0);
    std::vector<std::string> parts;
    for (const auto& [variable, index] : engines) {
      const ArrayIndex env(variable, index);
      const std::string path = (dir / (verb + "-" + index + ".json")).string();
      std::vector<std::string> a = args;
      if (verb == "sweep") a.resize(a.size() - 2);  // --format goes to merge
      a.insert(a.end(), {"--shard", "auto/3", "-o", path});
      const CliResult r = run_flowcost(a);
      INFO(r.err);
      REQUIRE(r.code == 0);
      const auto j = nlohmann::json::parse(std::ifstream(path));
      CHECK(j["shard"]["index"] == std::stoi(index));
      CHECK(j["shard"]["count"] == 3);
      parts.push_back(path);
    }
    CHECK(merge(parts, {"--format", "csv"}).out == single.out);
  }
  std::filesystem::remove_all(dir);
}

TEST_CASE("merge refuses missing, repeated, mixed-verb and mixed-configuration shards of batch and sweep", "[shard]") {
  const auto dir = scratch_folder("shard_sets");
  const std::string out = (dir / "merged.csv").string();
  auto refused = [&](const std::vector<std::string>& given, const std::string& message) {
    std::vector<std::string> args = given;
    const CliResult r = merge(args, {"-o", out});
    CHECK(r.code == 1);
    CHECK(r.out.empty());
    CHECK(r.err == message);
    CHECK_FALSE(std::filesystem::exists(out));
  };
  const auto batch = shards(batch_args({}), dir, "batch", 3);
  const auto sweep = shards(sweep_args({}), dir, "sweep", 3);
  refused({batch[0], batch[2]}, "command line: error: shards missing: 1 of 0..2 (2 partial results given)\n");
  refused({sweep[1], sweep[2]}, "command line: error: shards missing: 0 of 0..2 (2 partial results given)\n");
  refused({batch[0], batch[1], batch[2], batch[1]}, batch[1] + ": error: shard 1/3 given twice (also " + batch[1] + ")\n");
  refused({sweep[0], sweep[1], sweep[2], sweep[2]}, sweep[2] + ": error: shard 2/3 given twice (also " + sweep[2] + ")\n");
  refused({batch[0], sweep[1], batch[2]}, sweep[1] + ": error: a partial result of `sweep --shard`, but " + batch[0] +
                                              " is one of `batch --shard`: merge the shards of one command\n");
  const auto run = (dir / "run.json").string();
  REQUIRE(run_flowcost({"run", kBreakEven, "--shard", "1/3", "-o", run}).code == 0);
  refused({sweep[0], run, sweep[2]}, run + ": error: a partial result of `run --shard`, but " + sweep[0] +
                                         " is one of `sweep --shard`: merge the shards of one command\n");

  // Another configuration: the settings that differ are named.
  const auto draws = shards(batch_args({}, "4"), dir, "draws", 3);
  refused({batch[0], draws[1], batch[2]},
          draws[1] + ": error: not a shard of the same run as " + batch[0] + ": draws 4, not 3\n");
  const auto seed = shards(sweep_args({"--seed", "8"}), dir, "seed", 3);
  refused({sweep[0], sweep[1], seed[2]}, seed[2] + ": error: not a shard of the same run as " + sweep[0] +
                                             ": seed 8, not 3\n");
  const auto strict = shards(sweep_args({"--strict-prices"}), dir, "strict", 3);
  refused({sweep[0], strict[1], sweep[2]}, strict[1] + ": error: not a shard of the same run as " + sweep[0] +
                                               ": --strict-prices differs\n");
  const auto grid = shards(sweep_args({}, "messages=10000..200000:5"), dir, "grid", 3);
  refused({sweep[0], grid[1], sweep[2]}, grid[1] + ": error: not a shard of the same run as " + sweep[0] +
                                             ": --vary messages=10000..200000:5, not messages=10000..200000:9\n");
  // A scenario file that differs between the shards: only the configuration hashes tell.
  const auto copy = dir / "breakeven.yaml";
  std::filesystem::copy_file(kBreakEven, copy);
  std::filesystem::copy_file(std::string(FLOWCOST_TEST_DATA) + "/whatif/two_pass.asl.json", dir / "two_pass.asl.json");
  const auto before = shards({"batch", copy.string(), "--draws", "2"}, dir, "before", 2);
  std::ofstream(copy, std::ios::app) << "# changed\n";
  const auto after = shards({"batch", copy.string(), "--draws", "2"}, dir, "after", 2);
  const auto hash = [](const std::string& path) {
    return nlohmann::json::parse(std::ifstream(path))["config_hash"].get<std::string>().substr(0, 12);
  };
  refused({before[0], after[1]}, after[1] + ": error: not a shard of the same run as " + before[0] +
                                     ": the scenario or its input files differ (configuration " + hash(after[1]) +
                                     ", not " + hash(before[0]) + ")\n");
  std::filesystem::remove_all(dir);
}

TEST_CASE("merge honours budgets as the unsharded run and batch do: same lines, exit 3", "[shard]") {
  const auto dir = scratch_folder("shard_budgets");
  // run: the scenario's budgets: (rule fails) and --fail-above (workflow passes), carried by the partial result.
  const std::vector<std::string> run = {"run", run_data("budgets.yaml"), "--fail-above", "workflow=1e9", "--format", "csv"};
  const CliResult single = run_flowcost(run);
  REQUIRE(single.code == 3);
  REQUIRE(single.err.rfind("flowcost: over budget: rule: mean $", 0) == 0);
  REQUIRE(single.err.find(" > budget $0.01, FAILED (scenario budgets:)\n") != std::string::npos);
  std::vector<std::string> sharded(run.begin(), run.end() - 2);
  const auto parts = shards(sharded, dir, "run", 3);
  const CliResult merged = merge(parts, {"--format", "csv"});
  CHECK(merged.code == 3);
  CHECK(merged.err == single.err);
  CHECK(merged.out == single.out);
  const CliResult json = merge(parts, {"--format", "json"});
  CHECK(json.code == 3);
  const auto j = nlohmann::json::parse(json.out);
  REQUIRE(j["budgets"].size() == 3);
  CHECK(j["budgets"][2]["source"] == "--fail-above");
  CHECK(j["reproduce_command"].get<std::string>().find("--fail-above workflow=1000000000") != std::string::npos);
  // --fail-above alone: a breach only the command line sets.
  const auto tiny = shards({"run", run_data("tiny.yaml"), "--fail-above", "rule=0.001"}, dir, "tiny", 2);
  const CliResult tiny_merged = merge(tiny, {"--format", "csv"});
  CHECK(tiny_merged.code == 3);
  CHECK(tiny_merged.err == run_flowcost({"run", run_data("tiny.yaml"), "--fail-above", "rule=0.001", "--format", "csv"}).err);

  // batch: each scenario's budgets, named by scenario.
  const std::vector<std::string> batch = {"batch", run_data("tiny.yaml"), run_data("budgets.yaml"), "--draws", "3"};
  const CliResult batch_single = run_flowcost(batch);
  REQUIRE(batch_single.code == 3);
  REQUIRE(batch_single.err.rfind("flowcost: over budget: tiny: rule: mean $", 0) == 0);
  const CliResult batch_merged = merge(shards(batch, dir, "batch", 2));
  CHECK(batch_merged.code == 3);
  CHECK(batch_merged.err == batch_single.err);
  CHECK(batch_merged.out == batch_single.out);
  std::filesystem::remove_all(dir);
}

TEST_CASE("batch and sweep shards run whole runs, so a stop rule applies in them as without shards", "[shard]") {
  const auto dir = scratch_folder("shard_stop_rule");
  const std::vector<std::string> batch = {"batch", kScenarios + "article-choice.yaml", kScenarios + "iot-telemetry.yaml",
                                          "--draws", "4", "--executions", "200", "--seed", "4", "--rel-error", "0.05",
                                          "--max-draws", "64"};
  const CliResult batch_md = run_flowcost([&] {
    auto a = batch;
    a.insert(a.end(), {"--format", "md"});
    return a;
  }());
  REQUIRE(batch_md.code == 0);
  // Both scenarios doubled 4 draws up to --max-draws.
  CHECK(batch_md.out.find("- Run: seed 4, 64 draws x 200 executions, flowcost " + std::string(FLOWCOST_VERSION) +
                          ", NOT converged (relative error 7.1% > 5.0%)") != std::string::npos);
  CHECK(merge(shards(batch, dir, "batch", 2), {"--format", "md"}).out == batch_md.out);

  // devices left uncertain: the costs vary between draws and the rule doubles them up to --max-draws.
  const std::vector<std::string> sweep = {"sweep",        kBreakEven, "--vary", "messages=10000..200000:5",
                                          "--draws",      "2",        "--rel-error", "0.01",
                                          "--max-draws",  "16"};
  const CliResult sweep_json = run_flowcost([&] {
    auto a = sweep;
    a.insert(a.end(), {"--format", "json"});
    return a;
  }());
  REQUIRE(sweep_json.code == 0);
  CHECK(nlohmann::json::parse(sweep_json.out)["draws"] == 16);  // the stop rule doubled 2 up to --max-draws
  CHECK(merge(shards(sweep, dir, "sweep", 2), {"--format", "json"}).out == sweep_json.out);
  std::filesystem::remove_all(dir);
}
