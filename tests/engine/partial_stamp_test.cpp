// The stamp of a partial result (engine::ShardHeader: verb, tool version, configuration hash, shard) is one
// member of PartialRun, PartialBatch and PartialSweep, filled once where the part is made, written at the head
// of its file and read back whole; a file read and written again keeps every byte.
#include <catch2/catch.hpp>

#include <sstream>
#include <string>

#include "engine/partial_batch.h"
#include "engine/partial_run.h"
#include "engine/partial_sweep.h"
#include "engine/run_pipeline.h"

using namespace flowcost;

namespace {

std::string tiny() { return std::string(FLOWCOST_TEST_DATA) + "/run/tiny.yaml"; }

engine::RunSettings quick() {
  engine::RunSettings s;
  s.draws = 4;
  s.executions = 50;
  s.seed = 9;
  return s;
}

template <class Part, class Write>
std::string text_of(const Part& part, Write write) {
  std::ostringstream out;
  write(part, out);
  return out.str();
}

void check_same_stamp(const engine::ShardHeader& read, const engine::ShardHeader& made, const std::string& path) {
  CHECK(read.path == path);
  CHECK(read.verb == made.verb);
  CHECK(read.tool_version == made.tool_version);
  CHECK(read.config_hash == made.config_hash);
  CHECK(read.shard.index == made.shard.index);
  CHECK(read.shard.count == made.shard.count);
}

}  // namespace

TEST_CASE("partial stamp: a run shard's stamp is made once, written, and read back whole") {
  const engine::RunSettings settings = quick();
  engine::ScenarioSession session(tiny(), settings);
  session.fix_inputs({});
  const engine::PartialRun made = session.run_shard(tiny(), settings, {1, 3});
  CHECK(made.header.path.empty());
  CHECK(made.header.verb == "run");
  CHECK(made.header.tool_version == FLOWCOST_VERSION);
  CHECK(made.header.config_hash == session.config_hash(settings));
  CHECK(made.header.shard.index == 1);
  CHECK(made.header.shard.count == 3);
  const std::string text = text_of(made, engine::write_partial_run);
  const engine::PartialRun read = engine::read_partial_run(text, "part1.json");
  check_same_stamp(read.header, made.header, "part1.json");
  CHECK(text_of(read, engine::write_partial_run) == text);
}

TEST_CASE("partial stamp: a batch's stamp and its scenarios' run hashes survive a write and a read") {
  const engine::RunSettings settings = quick();
  engine::PartialBatch made;
  made.header = engine::new_shard_header("batch", engine::batch_config_hash({tiny(), tiny()}, settings), {0, 2});
  made.settings = settings;
  made.scenarios = {tiny(), tiny()};
  engine::ScenarioSession session(tiny(), settings);
  session.fix_inputs({});
  made.entries.push_back({0, tiny(), session.run_whole(tiny(), settings)});
  CHECK(made.entries[0].run->header.verb == "run");
  CHECK(made.entries[0].run->header.shard.count == 1);
  const std::string text = text_of(made, engine::write_partial_batch);
  const engine::PartialBatch read = engine::read_partial_batch(text, "batch0.json");
  check_same_stamp(read.header, made.header, "batch0.json");
  REQUIRE(read.entries.size() == 1);
  REQUIRE(read.entries[0].run);
  check_same_stamp(read.entries[0].run->header, made.entries[0].run->header, "batch0.json");
  CHECK(text_of(read, engine::write_partial_batch) == text);
}

TEST_CASE("partial stamp: a sweep shard's stamp carries the sweep's configuration hash") {
  const engine::VarySpec vary{"devices", 500, 1500, sim::GridScale::linear, 3};
  const auto made = engine::run_sweep_shard(tiny(), quick(), vary, {0, 2});
  CHECK(made.report.header.verb == "sweep");
  CHECK(made.report.header.tool_version == FLOWCOST_VERSION);
  const std::string text = text_of(made.report, engine::write_partial_sweep);
  const engine::PartialSweep read = engine::read_partial_sweep(text, "sweep0.json");
  check_same_stamp(read.header, made.report.header, "sweep0.json");
  // The sweep's hash: its run configuration (the varied input fixed to the grid's first value) and the grid.
  engine::ScenarioSession session(tiny(), quick());
  const engine::RunSettings settings = engine::whatif_settings(session.scenario(), quick());
  session.fix_inputs({{"devices", 500}});
  CHECK(made.report.header.config_hash == engine::sweep_config_hash(session.config_hash(settings), vary));
  CHECK(text_of(read, engine::write_partial_sweep) == text);
}
