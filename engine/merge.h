#pragma once
// `flowcost merge` (docs/scale-out.md): the partial results of the shards of one `run`, `batch` or `sweep`
// put together into the report the unsharded command gives, byte for byte (a run's JSON apart from
// `performance`). The set is checked first, for every verb by engine/shard.h check_shard_set: one verb, one
// tool version (this one), one configuration (config hash), one shard count, every shard exactly once. A
// scenario is read again (it gives a run's report its title, files and assumptions, and every verb the files
// that `-o` must not overwrite) and must still have the configuration the shards ran.
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "engine/partial_batch.h"
#include "engine/partial_run.h"
#include "engine/partial_sweep.h"
#include "engine/run_pipeline.h"
#include "engine/whatif.h"

namespace flowcost::engine {

// (path, partial result) of every shard, in any order. Throws model::InputError (at the path concerned) for
// an incomplete, repeated or mixed set.
ScenarioRun merge_partial_runs(const std::vector<std::pair<std::string, PartialRun>>& parts);

// A merged batch: per scenario of the batch, in order, its run (as `batch` would have run it) or nothing
// when it failed in its shard.
struct BatchScenario {
  std::string path;
  std::optional<ScenarioRun> run;
};
std::vector<BatchScenario> merge_partial_batches(const std::vector<std::pair<std::string, PartialBatch>>& parts);

// A merged sweep: the report of the unsharded sweep, the files it read, the scenario's warnings.
WhatIfRun<SweepReport> merge_partial_sweeps(const std::vector<std::pair<std::string, PartialSweep>>& parts);

// Any partial result, read once (the verb in its `kind`).
using AnyPartial = std::variant<PartialRun, PartialBatch, PartialSweep>;
AnyPartial read_any_partial(const std::string& text, const std::string& path);

// What merging a set gives, by the verb that wrote it.
using MergedResult = std::variant<ScenarioRun, std::vector<BatchScenario>, WhatIfRun<SweepReport>>;
// Checks the set (one verb first), then merges it as the verb's merge above does.
MergedResult merge_partials(std::vector<std::pair<std::string, AnyPartial>> parts);

// Throws model::InputError at `first_path` when a scenario's configuration hash `now` is not `then`, the one
// its shards ran with.
void check_scenario_unchanged(const std::string& first_path, const std::string& scenario_path, const std::string& now,
                              const std::string& then);

}  // namespace flowcost::engine
