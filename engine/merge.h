#pragma once
// `flowcost merge` (docs/scale-out.md): the partial results of the shards of one run put together into the
// report the unsharded run gives, byte for byte (apart from `performance`). The set is checked first: one
// tool version (this one), one configuration (config hash), one shard count, every shard exactly once; and the
// scenario is read again (it gives the report its title, files and assumptions) and must still have the
// configuration the shards ran.
#include <string>
#include <utility>
#include <vector>

#include "engine/partial_run.h"
#include "engine/run_pipeline.h"

namespace flowcost::engine {

// (path, partial result) of every shard, in any order. Throws model::InputError (at the path concerned) for
// an incomplete, repeated or mixed set.
ScenarioRun merge_partial_runs(const std::vector<std::pair<std::string, PartialRun>>& parts);

}  // namespace flowcost::engine
