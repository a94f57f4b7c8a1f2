#pragma once
// `batch --shard INDEX/COUNT` (docs/scale-out.md): shard INDEX runs scenarios [INDEX x N / COUNT,
// (INDEX + 1) x N / COUNT) of the N given, each whole (its stop rule included), and keeps each as the partial
// result of a one-shard run (engine/partial_run.h: every draw and accumulator, exactly). `merge` checks the
// set (engine/shard.h check_shard_set), rebuilds each scenario's report as the merge of a run does
// (engine/merge.h), and the batch's CSV, Markdown and budgets are then those of the unsharded batch.
#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "engine/partial_run.h"
#include "engine/run_settings.h"
#include "engine/shard.h"

namespace flowcost::engine {

struct BatchEntry {
  std::uint64_t index = 0;        // in the batch's scenario list
  std::string path;
  std::optional<PartialRun> run;  // absent: the scenario failed (its diagnostics went to the shard's stderr)
};

struct PartialBatch {
  ShardHeader header{"", "batch", "", "", ShardSpec{}};  // config_hash: batch_config_hash
  RunSettings settings;                // as given to `batch` (threads left out)
  std::vector<std::string> scenarios;  // the whole batch, in order
  std::vector<BatchEntry> entries;     // the shard's scenarios, in order
};

// SHA-256 of the settings as given, every scenario path and the SHA-256 of its bytes (a missing file hashes
// as such). Each scenario's own configuration (every file it reads) is in its entry's run.
std::string batch_config_hash(const std::vector<std::string>& scenarios, const RunSettings& settings);

void write_partial_batch(const PartialBatch& part, std::ostream& out);
// Throws model::InputError at `path` for anything that is not a partial batch of this format version, or
// whose scenarios are not those of its shard.
PartialBatch read_partial_batch(const std::string& text, const std::string& path);

}  // namespace flowcost::engine
