// `run --shard I/N` + `merge`: the merged report is the unsharded run's, byte for byte (CSV; JSON apart from
// performance), at 1, 3 and 7 shards; `--shard auto/N` reads the array engines' index variables; merge refuses
// incomplete, repeated and mixed sets with exact messages and writes nothing.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "cli/shard_option.h"
#include "engine/partial_json.h"
#include "model/errors.h"
#include "run_cli_helpers.h"

using namespace flowcost;
using namespace flowcost::testing;

namespace {

const std::string kScenario = std::string(FLOWCOST_SOURCE_DIR) + "/scenarios/iot-telemetry.yaml";
const std::vector<std::string> kSettings = {"--draws", "9", "--executions", "400", "--threads", "2"};

std::vector<std::string> run_args(std::vector<std::string> extra, const std::string& seed = "5") {
  std::vector<std::string> args = {"run", kScenario, "--seed", seed};
  args.insert(args.end(), kSettings.begin(), kSettings.end());
  args.insert(args.end(), extra.begin(), extra.end());
  return args;
}

std::string read(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// Writes shards 0..count-1 into `dir` and returns their paths.
std::vector<std::string> write_shards(const std::filesystem::path& dir, int count, const std::string& seed = "5") {
  std::vector<std::string> paths;
  for (int i = 0; i < count; ++i) {
    const std::string path = (dir / ("part-" + std::to_string(i) + ".json")).string();
    auto args = run_args({"--shard", std::to_string(i) + "/" + std::to_string(count), "-o", path}, seed);
    CliResult r = run_flowcost(args);
    INFO(r.err);
    REQUIRE(r.code == 0);
    paths.push_back(path);
  }
  return paths;
}

CliResult merge(std::vector<std::string> parts, const std::string& format) {
  std::vector<std::string> args = {"merge"};
  args.insert(args.end(), parts.begin(), parts.end());
  args.insert(args.end(), {"--format", format});
  return run_flowcost(args);
}

}  // namespace

TEST_CASE("run --shard + merge give the unsharded report byte for byte at 1, 3 and 7 shards") {
  const auto dir = scratch_folder("shard_merge");
  const CliResult csv = run_flowcost(run_args({"--format", "csv"}));
  const CliResult json = run_flowcost(run_args({"--format", "json"}));
  const CliResult table = run_flowcost(run_args({}));
  REQUIRE(csv.code == 0);
  REQUIRE(json.code == 0);
  for (int count : {1, 3, 7}) {
    const auto shard_dir = dir / std::to_string(count);
    std::filesystem::create_directories(shard_dir);
    auto parts = write_shards(shard_dir, count);
    std::reverse(parts.begin(), parts.end());  // any order
    INFO(count << " shards");
    const CliResult merged_csv = merge(parts, "csv");
    INFO(merged_csv.err);
    REQUIRE(merged_csv.code == 0);
    CHECK(merged_csv.out == csv.out);
    const CliResult merged_json = merge(parts, "json");
    REQUIRE(merged_json.code == 0);
    CHECK(json_without_wall_time(merged_json.out) == json_without_wall_time(json.out));
    CHECK(merge(parts, "table").out == table.out);
  }
  // More shards than draws: empty shards merge too.
  const auto many = dir / "many";
  std::filesystem::create_directories(many);
  CHECK(merge(write_shards(many, 12), "csv").out == csv.out);
  std::filesystem::remove_all(dir);
}

TEST_CASE("merge refuses missing, repeated and mixed shards with exact messages, writing nothing") {
  const auto dir = scratch_folder("shard_refuse");
  const auto parts = write_shards(dir, 3);
  const std::string out = (dir / "merged.csv").string();
  auto refused = [&](const std::vector<std::string>& given, const std::string& message) {
    std::vector<std::string> args = {"merge"};
    args.insert(args.end(), given.begin(), given.end());
    args.insert(args.end(), {"--format", "csv", "-o", out});
    CliResult r = run_flowcost(args);
    CHECK(r.code == 1);
    CHECK(r.out.empty());
    CHECK(r.err == message);
    CHECK_FALSE(std::filesystem::exists(out));
  };
  refused({parts[0], parts[2]}, "command line: error: shards missing: 1 of 0..2 (2 partial results given)\n");
  refused({parts[0], parts[1], parts[2], parts[1]},
          parts[1] + ": error: shard 1/3 given twice (also " + parts[1] + ")\n");

  const auto other_dir = dir / "seed";
  std::filesystem::create_directories(other_dir);
  const auto other_seed = write_shards(other_dir, 3, "6");
  refused({parts[0], other_seed[1], parts[2]},
          other_seed[1] + ": error: not a shard of the same run as " + parts[0] + ": seed 6, not 5\n");

  const auto four_dir = dir / "four";
  std::filesystem::create_directories(four_dir);
  const auto four = write_shards(four_dir, 4);
  refused({parts[0], parts[1], four[2]},
          four[2] + ": error: shard 2/4, but " + parts[0] +
              " is shard 0/3: every shard of a run has the same count\n");

  // Another tool version (a file another flowcost wrote, with its own checksum), another format version,
  // a number changed after flowcost wrote the file, not a partial result at all.
  std::string text = read(parts[1]);
  const std::string version_field = std::string("\"tool_version\":\"") + FLOWCOST_VERSION + "\"";
  REQUIRE(text.find(version_field) != std::string::npos);
  const std::string old_tool = (dir / "old-tool.json").string();
  nlohmann::json other_tool = nlohmann::json::parse(text);
  other_tool["tool_version"] = "0.0.9";
  std::ofstream(old_tool) << flowcost::engine::partial_text(other_tool);
  refused({parts[0], old_tool, parts[2]}, old_tool + ": error: written by flowcost 0.0.9; this is flowcost " +
                                              FLOWCOST_VERSION + ": merge with the version that ran the shards\n");
  const std::string old_format = (dir / "old-format.json").string();
  std::ofstream(old_format) << std::string(text).replace(text.find("\"version\":3"), 11, "\"version\":1");
  refused({parts[0], old_format, parts[2]},
          old_format + ": error: partial result format version 1; this flowcost reads version 3\n");
  nlohmann::json edited = nlohmann::json::parse(text);
  auto& bucket = edited["designs"][0]["latency_ms"]["buckets"][0][0];
  bucket = bucket.get<std::uint64_t>() + 1;  // one latency sample moved to the next bucket, checksum kept
  const std::string changed = (dir / "changed.json").string();
  std::ofstream(changed) << edited.dump() << '\n';
  refused({parts[0], changed, parts[2]},
          changed + ": error: a damaged flowcost partial result: its content does not match its content_sha256 (it "
                    "was changed after flowcost wrote it); run this shard again\n");
  nlohmann::json unsummed = nlohmann::json::parse(text);
  unsummed.erase("content_sha256");
  const std::string no_sum = (dir / "no-sum.json").string();
  std::ofstream(no_sum) << unsummed.dump() << '\n';
  refused({parts[0], no_sum, parts[2]}, no_sum + ": error: a damaged flowcost partial result (no content_sha256)\n");
  // Not a JSON object (a scenario, a device of zeros): refused from its first bytes, before reading it all.
  refused({parts[0], kScenario, parts[2]},
          kScenario + ": error: not a flowcost partial result (a partial result is the JSON object that `run`, "
                      "`batch` or `sweep --shard` writes)\n");
  refused({parts[0], "/dev/zero", parts[2]}, "/dev/zero: error: not a flowcost partial result (a partial result is the "
                                              "JSON object that `run`, `batch` or `sweep --shard` writes)\n");
  // A part cut short: the JSON error at its position, in flowcost's words.
  const std::string cut = (dir / "cut.json").string();
  std::ofstream(cut) << text.substr(0, 40);
  REQUIRE(text.substr(0, 16) == "{\"config_hash\":\"");  // the cut falls inside the hash, a string
  refused({parts[0], cut, parts[2]}, cut + ":1:41: error: not a flowcost partial result (invalid JSON: syntax error "
                                           "while parsing value - invalid string: missing closing quote)\n" +
                                           text.substr(0, 40) + "\n" + std::string(40, ' ') + "^\n");
  std::filesystem::remove_all(dir);
}

TEST_CASE("--shard refuses a stop rule and --format; bad specifications are errors") {
  CliResult r = run_flowcost(run_args({"--rel-error", "0.05", "--shard", "0/2"}));
  CHECK(r.code == 1);
  CHECK(r.err ==
        "command line: error: --shard runs a fixed slice of the draws, but a stop rule is set (--rel-error), which "
        "decides the number of draws as it goes: shard a run with a fixed --draws N and no stop rule "
        "(docs/scale-out.md)\n");
  r = run_flowcost(run_args({"--format", "csv", "--shard", "0/2"}));
  CHECK(r.code == 1);
  CHECK(r.err == "--shard: error: --shard writes a partial result (JSON) for `flowcost merge`; give --format to merge "
                 "instead\n");
  r = run_flowcost(run_args({"--shard", "3/3"}));
  CHECK(r.code == 1);
  CHECK(r.err == "--shard: error: --shard takes INDEX/COUNT (0 <= INDEX < COUNT) or auto/COUNT, got \"3/3\"\n");
}

TEST_CASE("--shard auto/N reads the array engines' index variables") {
  auto env_of = [](std::map<std::string, std::string> vars) {
    return [vars](const char* name) -> const char* {
      static thread_local std::string value;
      auto it = vars.find(name);
      if (it == vars.end()) return nullptr;
      value = it->second;
      return value.c_str();
    };
  };
  CHECK(cli::parse_shard("auto/3", env_of({{"SLURM_ARRAY_TASK_ID", "2"}})).index == 2);
  CHECK(cli::parse_shard("auto/3", env_of({{"JOB_COMPLETION_INDEX", "1"}})).index == 1);
  CHECK(cli::parse_shard("auto/3", env_of({{"AWS_BATCH_JOB_ARRAY_INDEX", "0"}})).count == 3);
  CHECK(cli::parse_shard("auto/3", env_of({{"SLURM_ARRAY_TASK_ID", "1"}, {"JOB_COMPLETION_INDEX", "1"}})).index == 1);
  CHECK(cli::parse_shard("4/9", env_of({})).index == 4);
  auto message = [&](const std::string& text, std::map<std::string, std::string> vars) {
    try {
      cli::parse_shard(text, env_of(vars));
    } catch (const model::InputError& e) {
      return model::diagnostic_headline(e.diagnostics().front());
    }
    return std::string("no error");
  };
  CHECK(message("auto/3", {}) ==
        "--shard: error: --shard auto/3: none of SLURM_ARRAY_TASK_ID, JOB_COMPLETION_INDEX, "
        "AWS_BATCH_JOB_ARRAY_INDEX is set (run it as an array task, or give INDEX)");
  CHECK(message("auto/3", {{"SLURM_ARRAY_TASK_ID", "1"}, {"AWS_BATCH_JOB_ARRAY_INDEX", "2"}}) ==
        "--shard: error: --shard auto: the array index variables disagree (SLURM_ARRAY_TASK_ID=1, "
        "AWS_BATCH_JOB_ARRAY_INDEX=2)");
  CHECK(message("auto/3", {{"SLURM_ARRAY_TASK_ID", "3"}}) ==
        "--shard: error: --shard auto/3: SLURM_ARRAY_TASK_ID=3 is not below 3 (array indices must run from 0 to "
        "COUNT - 1)");
  CHECK(message("auto/0", {}) == "--shard: error: --shard takes INDEX/COUNT (0 <= INDEX < COUNT) or auto/COUNT, got \"auto/0\"");
}
