#pragma once
// Shards (docs/scale-out.md): `run --shard INDEX/COUNT` runs one of COUNT disjoint, deterministic slices of
// the draws; shard INDEX (0-based) takes items [INDEX x N / COUNT, (INDEX + 1) x N / COUNT) of the N draws
// (`batch` and `sweep` have no shards yet). Every draw has its own random streams (sim/random.h), so
// a draw gives the same numbers in whichever shard runs it, and `flowcost merge` of the partial results gives
// exactly the unsharded report.
#include <cstdint>

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

}  // namespace flowcost::engine
