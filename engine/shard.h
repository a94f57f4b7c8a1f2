#pragma once
// Shards (docs/scale-out.md): `run`, `batch` and `sweep` take `--shard INDEX/COUNT` and run one of COUNT
// disjoint, deterministic slices of their work: `run` of the draws (engine/partial_run.h), `batch` of the
// scenarios (engine/partial_batch.h), `sweep` of the grid points (engine/partial_sweep.h). Shard INDEX
// (0-based) takes items [INDEX x N / COUNT, (INDEX + 1) x N / COUNT) of the N items. Every draw has its own
// random streams (sim/random.h), and every sweep point is a run of its own on the same seed, so an item gives
// the same numbers in whichever shard runs it, and `flowcost merge` of the partial results gives exactly the
// unsharded report.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace flowcost::engine {

struct ShardSpec {
  std::uint64_t index = 0;
  std::uint64_t count = 1;
};

struct ShardSlice {
  std::uint64_t first = 0;
  std::uint64_t count = 0;
};

// The items of `shard` among `items` (index < count, count >= 1).
ShardSlice shard_slice(std::uint64_t items, const ShardSpec& shard);

// "1/3".
std::string shard_text(const ShardSpec& shard);

// What every partial result says of itself (its stamp), for the checks of a set of shards: the head of each
// partial file (engine/partial_json.h), and the `header` of PartialRun, PartialBatch and PartialSweep.
struct ShardHeader {
  std::string path;  // the file it was read from; empty for one made by this process
  std::string verb;  // the command that wrote it: "run", "batch" or "sweep"
  std::string tool_version;
  std::string config_hash;
  ShardSpec shard;
};

// The stamp of a partial result this flowcost makes: `verb`, its own version, `config_hash`, `shard`.
ShardHeader new_shard_header(const std::string& verb, const std::string& config_hash, const ShardSpec& shard);

// Throws model::InputError when `parts` is not one complete set of shards of one command: a part of another
// verb, another tool version, another configuration (`difference(i)` says how part i's settings differ from
// part 0's, "" when only files differ), another shard count, a shard twice, a shard missing (docs/cli.md
// "merge"). The one check of every verb's merge.
void check_shard_set(const std::vector<ShardHeader>& parts, const std::function<std::string(std::size_t)>& difference);

}  // namespace flowcost::engine
