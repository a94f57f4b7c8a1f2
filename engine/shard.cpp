#include "engine/shard.h"

#include "model/errors.h"

namespace flowcost::engine {

namespace {

std::uint64_t boundary(std::uint64_t items, std::uint64_t index, std::uint64_t count) {
  __extension__ using Wide = unsigned __int128;
  return static_cast<std::uint64_t>(static_cast<Wide>(items) * index / count);
}

}  // namespace

ShardSlice shard_slice(std::uint64_t items, const ShardSpec& shard) {
  if (shard.count == 0 || shard.index >= shard.count)
    throw model::InternalError("shard " + std::to_string(shard.index) + "/" + std::to_string(shard.count));
  const std::uint64_t first = boundary(items, shard.index, shard.count);
  return {first, boundary(items, shard.index + 1, shard.count) - first};
}

}  // namespace flowcost::engine
