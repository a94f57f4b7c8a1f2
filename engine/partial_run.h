#pragma once
// A partial result (docs/scale-out.md "The partial file"): what one shard of `flowcost run` computed, kept
// exactly so that `flowcost merge` reproduces the unsharded report byte for byte (apart from `performance`).
// It holds every draw of the shard as its compact record and its priced values, in draw order (doubles
// written as the shortest text that reads back as the same double), and the integer accumulators (outcome
// counts, execution meter totals, latency histogram counts), which add up exactly in any order.
#include <cstdint>
#include <iosfwd>
#include <string>
#include <vector>

#include "engine/draw_pricing.h"
#include "engine/run_settings.h"
#include "engine/shard.h"
#include "sim/run_result.h"

namespace flowcost::engine {

struct PartialRun {
  // Verb "run"; tool version; the shard; the SHA-256 of the configuration: the scenario, every input file's
  // SHA-256 (the price table's too) and the effective settings (engine/run_pipeline.h config_hash), which the
  // shards of one run share. A scenario of a batch: shard 0/1, and the batch's tool version.
  ShardHeader header{"", "run", "", "", ShardSpec{}};
  std::string scenario_path;  // as given to `run`
  RunSettings settings;       // effective: seed, executions and draws resolved; --fail-above items; the stop
                              // rule only for a whole run (a scenario of `batch --shard`)
  std::uint64_t first_draw = 0;
  sim::RunResult run;                 // the shard's draws (batch totals released)
  std::vector<PricedDesign> priced;   // one per design of `run`
};

// The partial file as JSON (kind, version, tool version, config hash, settings, shard, per design its draws
// and accumulators).
void write_partial_run(const PartialRun& part, std::ostream& out);

// Reads a partial file; throws model::InputError at `path` for anything that is not a partial run of this
// format version (with the version found). The header is engine/partial_json.h's, shared by every verb.
PartialRun read_partial_run(const std::string& text, const std::string& path);

}  // namespace flowcost::engine
