#pragma once
// `--shard INDEX/COUNT` and `--shard auto/COUNT` (docs/cli.md "Shards", docs/scale-out.md): which slice of
// the work this process runs. `auto` takes INDEX from the array engine that started the process:
// SLURM_ARRAY_TASK_ID (Slurm job arrays), JOB_COMPLETION_INDEX (Kubernetes Indexed Jobs) or
// AWS_BATCH_JOB_ARRAY_INDEX (AWS Batch array jobs).
#include <CLI/CLI.hpp>

#include <functional>
#include <optional>
#include <string>

#include "engine/shard.h"

namespace flowcost::cli {

// Reads an environment variable (nullptr when unset).
using EnvFn = std::function<const char*(const char*)>;

// Throws model::InputError at "--shard": not INDEX/COUNT or auto/COUNT, COUNT 0, INDEX >= COUNT; with auto,
// none of the three variables set, or several set to different values.
engine::ShardSpec parse_shard(const std::string& text, const EnvFn& env);

// Adds `--shard` to a verb.
void add_shard_option(CLI::App& cmd, std::string& shard);

// --shard writes a partial result (JSON): a --format given with it is refused (merge takes --format).
void check_shard_format(bool format_given);

}  // namespace flowcost::cli
