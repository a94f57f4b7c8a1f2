#pragma once
// What every partial result's JSON shares (docs/scale-out.md "The partial file"), written and read in one
// place: the header (`kind`, `version`, `tool_version`, `config_hash`, `shard`) and the run settings. Used
// by the partial files of `run`, `batch` and `sweep` (engine/partial_file.cpp, engine/partial_batch.cpp,
// engine/partial_sweep.cpp) only; nlohmann/json does not leave the engine's .cpp files through it.
#include <nlohmann/json.hpp>

#include <string>

#include "engine/run_settings.h"
#include "engine/shard.h"

namespace flowcost::engine {

// 2: every partial result carries `content_sha256`.
inline constexpr int kPartialFormatVersion = 3;

// "flowcost-partial-" + verb.
std::string partial_kind(const std::string& verb);

// The header fields of a partial result (`kind` from the header's verb; its path is not written).
nlohmann::json partial_header_json(const ShardHeader& header);

// The text of a partial result, one line: `j` with `content_sha256`, the SHA-256 of `j.dump()` without that
// field. parse_partial checks it, so a partial result changed after flowcost wrote it is refused.
std::string partial_text(nlohmann::json j);

// Parses `text`; throws model::InputError at `path` for invalid JSON, an object that is not a flowcost
// partial result (of any verb), another format version, a content that does not match its
// `content_sha256`, or a damaged header. The result has no `content_sha256`.
nlohmann::json parse_partial(const std::string& text, const std::string& path);

// The header of a parsed partial result (after parse_partial).
ShardHeader partial_header(const nlohmann::json& j, const std::string& path);

// Throws model::InputError at `path` when `header` is not of `verb` (reading one verb's body).
void expect_verb(const ShardHeader& header, const std::string& verb);

// Effective settings (seed, executions and draws resolved); the stop rule and --fail-above items when set.
nlohmann::json settings_json(const RunSettings& settings);
RunSettings settings_of(const nlohmann::json& j);

// "seed 2, not 1; --set a=1, not (none)": how two settings differ, "" when they agree.
std::string settings_difference(const RunSettings& a, const RunSettings& b);

}  // namespace flowcost::engine

namespace flowcost::engine {

struct PartialRun;
struct PartialBatch;
struct PartialSweep;

// A run's body (engine/partial_file.cpp): the scenario, settings, counters and every design's draws; the
// body of a `run` partial result and of each scenario of a `batch` one. Reading throws std::exception
// for a damaged body (the caller names the file).
nlohmann::json partial_run_body_json(const PartialRun& part);
void read_partial_run_body(const nlohmann::json& j, PartialRun& part);

// Each verb's partial result from its parsed JSON (after parse_partial and partial_header); throw
// model::InputError at the header's path for another verb or a damaged file.
PartialRun partial_run_of(const nlohmann::json& j, const ShardHeader& header);
PartialBatch partial_batch_of(const nlohmann::json& j, const ShardHeader& header);
PartialSweep partial_sweep_of(const nlohmann::json& j, const ShardHeader& header);

}  // namespace flowcost::engine
