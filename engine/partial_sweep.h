#pragma once
// `sweep --shard INDEX/COUNT` (docs/scale-out.md): shard INDEX runs grid points [INDEX x N / COUNT,
// (INDEX + 1) x N / COUNT) of the N points, and the break-even bisections of the brackets that start at its
// points (for that it also runs the next shard's first point: a bracket needs both ends). Every point is a
// run of one scenario session on the same seed, a function of its value only, so each shard's numbers are
// the unsharded sweep's. `merge` checks the set (engine/shard.h check_shard_set), puts the points and
// crossings in order and writes the unsharded sweep's report in any format.
#include <cstdint>
#include <iosfwd>
#include <string>
#include <utility>
#include <vector>

#include "engine/run_pipeline.h"
#include "engine/run_settings.h"
#include "engine/shard.h"
#include "engine/sweep.h"
#include "engine/whatif.h"
#include "engine/whatif_report.h"

namespace flowcost::engine {

struct PartialSweep {
  ShardHeader header{"", "sweep", "", "", ShardSpec{}};  // config_hash: sweep_config_hash
  std::string scenario_path;  // as given to `sweep`
  RunSettings settings;       // effective (draws defaulted as a sweep does, seed resolved)
  VarySpec vary;
  // The shard's part of the report: its points; the crossings of the brackets starting at its points; the
  // basis when it holds the first point; draws and executions of its last point (0 when it has none).
  SweepReport report;
  // Per crossing of report.break_even: (comparison index, index of the bracket's first point).
  std::vector<std::pair<std::uint64_t, std::uint64_t>> break_even_at;
};

// SHA-256 of a sweep's configuration: the run configuration (ScenarioSession::config_hash) and the --vary
// grid.
std::string sweep_config_hash(const std::string& run_config_hash, const VarySpec& vary);

// "messages=50..1000:log:7".
std::string vary_text(const VarySpec& vary);

// Shard `shard` of `sweep SCENARIO --vary ...` (engine/sweep.cpp), with the files read and the scenario's
// warnings.
WhatIfRun<PartialSweep> run_sweep_shard(const std::string& scenario_path, const RunSettings& settings, const VarySpec& vary,
                             const ShardSpec& shard, const ScenarioLoaders& loaders = default_loaders());

void write_partial_sweep(const PartialSweep& part, std::ostream& out);
// Throws model::InputError at `path` for anything that is not a partial sweep of this format version, or
// whose points are not those of its shard.
PartialSweep read_partial_sweep(const std::string& text, const std::string& path);

}  // namespace flowcost::engine
