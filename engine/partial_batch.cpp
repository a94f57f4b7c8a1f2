#include "engine/partial_batch.h"

#include <fstream>
#include <ostream>
#include <sstream>

#include "engine/partial_json.h"
#include "model/errors.h"
#include "model/source_file.h"

namespace flowcost::engine {

namespace {

using nlohmann::json;

std::string file_sha(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return "(missing)";
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return model::sha256_hex(bytes.str());
}

// The settings as given (absent seed, executions, draws: the scenario's).
json given_settings_json(const RunSettings& s) {
  json out = settings_json(s);
  for (const char* key : {"seed", "executions", "draws"}) out.erase(key);
  if (s.seed) out["seed"] = *s.seed;
  if (s.executions) out["executions"] = *s.executions;
  if (s.draws) out["draws"] = *s.draws;
  return out;
}

RunSettings given_settings_of(json j) {
  RunSettings s;
  std::optional<std::uint64_t> seed, executions, draws;
  if (j.contains("seed")) seed = j["seed"].get<std::uint64_t>();
  if (j.contains("executions")) executions = j["executions"].get<std::uint64_t>();
  if (j.contains("draws")) draws = j["draws"].get<std::uint64_t>();
  j["seed"] = j["executions"] = j["draws"] = 0;
  s = settings_of(j);
  s.seed = seed;
  s.executions = executions;
  s.draws = draws;
  return s;
}

}  // namespace

std::string batch_config_hash(const std::vector<std::string>& scenarios, const RunSettings& s) {
  RunSettings given = s;
  given.threads.reset();
  std::string text = "flowcost batch configuration 1\n" + given_settings_json(given).dump() + "\n";
  for (const auto& path : scenarios) text += "scenario " + file_sha(path) + " " + path + "\n";
  return model::sha256_hex(text);
}

void write_partial_batch(const PartialBatch& part, std::ostream& out) {
  json entries = json::array();
  for (const auto& e : part.entries) {
    json entry = {{"index", e.index}, {"path", e.path}, {"failed", !e.run}};
    if (e.run) entry["run"] = partial_run_body_json(*e.run);
    if (e.run) entry["config_hash"] = e.run->header.config_hash;
    entries.push_back(std::move(entry));
  }
  json j = partial_header_json(part.header);
  j["settings"] = given_settings_json(part.settings);
  j["scenarios"] = part.scenarios;
  j["entries"] = entries;
  out << partial_text(std::move(j));
}

PartialBatch read_partial_batch(const std::string& text, const std::string& path) {
  const json j = parse_partial(text, path);
  return partial_batch_of(j, partial_header(j, path));
}

PartialBatch partial_batch_of(const json& j, const ShardHeader& header) {
  const model::SourceLocation where{header.path, 0, 0};
  expect_verb(header, "batch");
  PartialBatch part;
  part.header = header;
  try {
    part.settings = given_settings_of(j.at("settings"));
    part.scenarios = j.at("scenarios").get<std::vector<std::string>>();
    for (const auto& e : j.at("entries")) {
      BatchEntry entry{e.at("index").get<std::uint64_t>(), e.at("path").get<std::string>(), std::nullopt};
      if (!e.at("failed").get<bool>()) {
        PartialRun run;
        run.header = {header.path, "run", header.tool_version, e.at("config_hash").get<std::string>(), ShardSpec{}};
        read_partial_run_body(e.at("run"), run);
        entry.run = std::move(run);
      }
      part.entries.push_back(std::move(entry));
    }
  } catch (const std::exception& e) {
    throw model::InputError(where, "a damaged flowcost partial result (" + std::string(e.what()) + ")");
  }
  const ShardSlice slice = shard_slice(part.scenarios.size(), part.header.shard);
  bool ok = part.entries.size() == slice.count;
  for (std::size_t k = 0; ok && k < part.entries.size(); ++k)
    ok = part.entries[k].index == slice.first + k && part.entries[k].path == part.scenarios[slice.first + k];
  if (!ok) throw model::InputError(where, "a damaged flowcost partial result (its scenarios are not those of shard " +
                                              shard_text(part.header.shard) + ")");
  return part;
}

}  // namespace flowcost::engine
