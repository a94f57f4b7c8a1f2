#include "engine/shard.h"

#include <map>

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

ShardHeader new_shard_header(const std::string& verb, const std::string& config_hash, const ShardSpec& shard) {
  return {"", verb, FLOWCOST_VERSION, config_hash, shard};
}

std::string shard_text(const ShardSpec& s) { return std::to_string(s.index) + "/" + std::to_string(s.count); }

void check_shard_set(const std::vector<ShardHeader>& parts, const std::function<std::string(std::size_t)>& difference) {
  if (parts.empty()) throw model::InputError({"command line", 0, 0}, "merge needs the partial results of every shard");
  const ShardHeader& first = parts.front();
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const ShardHeader& part = parts[i];
    const model::SourceLocation where{part.path, 0, 0};
    if (part.verb != first.verb)
      throw model::InputError(where, "a partial result of `" + part.verb + " --shard`, but " + first.path +
                                         " is one of `" + first.verb + " --shard`: merge the shards of one command");
    if (part.tool_version != FLOWCOST_VERSION)
      throw model::InputError(where, "written by flowcost " + part.tool_version + "; this is flowcost " +
                                         FLOWCOST_VERSION + ": merge with the version that ran the shards");
    if (part.config_hash != first.config_hash) {
      const std::string diff = difference(i);
      throw model::InputError(where, "not a shard of the same run as " + first.path + ": " +
                                         (diff.empty() ? "the scenario or its input files differ (configuration " +
                                                             part.config_hash.substr(0, 12) + ", not " +
                                                             first.config_hash.substr(0, 12) + ")"
                                                       : diff));
    }
    if (part.shard.count != first.shard.count)
      throw model::InputError(where, "shard " + shard_text(part.shard) + ", but " + first.path + " is shard " +
                                         shard_text(first.shard) + ": every shard of a run has the same count");
  }
  std::map<std::uint64_t, std::string> seen;
  for (const auto& part : parts) {
    auto [it, inserted] = seen.emplace(part.shard.index, part.path);
    if (!inserted)
      throw model::InputError({part.path, 0, 0},
                              "shard " + shard_text(part.shard) + " given twice (also " + it->second + ")");
  }
  std::string missing;
  for (std::uint64_t i = 0; i < first.shard.count; ++i)
    if (!seen.count(i)) missing += (missing.empty() ? "" : ", ") + std::to_string(i);
  if (!missing.empty())
    throw model::InputError({"command line", 0, 0}, "shards missing: " + missing + " of 0.." +
                                                        std::to_string(first.shard.count - 1) + " (" +
                                                        std::to_string(parts.size()) + " partial results given)");
}

}  // namespace flowcost::engine
