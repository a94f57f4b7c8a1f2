#include "engine/partial_json.h"

#include <algorithm>
#include <vector>

#include "model/errors.h"
#include "model/line_index.h"
#include "model/source_file.h"
#include "model/strict_json.h"

namespace flowcost::engine {

namespace {

using nlohmann::json;

constexpr const char* kKindPrefix = "flowcost-partial-";
constexpr const char* kVerbs[] = {"run", "batch", "sweep"};

std::string optional_text(const std::optional<std::string>& s) { return s ? "\"" + *s + "\"" : "(none)"; }

std::string list_text(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : " ") + item;
  return out.empty() ? "(none)" : out;
}

std::string set_text(const std::vector<std::pair<std::string, std::string>>& set) {
  std::vector<std::string> items;
  for (const auto& [name, value] : set) items.push_back(name + "=" + value);
  return list_text(items);
}

}  // namespace

std::string partial_kind(const std::string& verb) { return kKindPrefix + verb; }

json partial_header_json(const ShardHeader& header) {
  return {{"kind", partial_kind(header.verb)},
          {"version", kPartialFormatVersion},
          {"tool_version", header.tool_version},
          {"config_hash", header.config_hash},
          {"shard", {{"index", header.shard.index}, {"count", header.shard.count}}}};
}

std::string partial_text(json j) {
  j.erase("content_sha256");
  const std::string sum = model::sha256_hex(j.dump());
  j["content_sha256"] = sum;
  return j.dump() + "\n";
}

json parse_partial(const std::string& text, const std::string& path) {
  const model::SourceLocation where{path, 0, 0};
  json j;
  try {
    j = json::parse(text);
  } catch (const json::parse_error& e) {
    const std::size_t offset = e.byte > 0 ? e.byte - 1 : 0;  // `byte` counts the offending one
    throw model::InputError(model::LineIndex(text).location_of(path, std::min(offset, text.size())),
                            "not a flowcost partial result (invalid JSON: " + model::json_problem(e.what()) + ")");
  } catch (const json::exception& e) {
    throw model::InputError(where, "not a flowcost partial result (invalid JSON: " + model::json_problem(e.what()) + ")");
  }
  bool known = false;
  if (j.is_object() && j.contains("kind"))
    for (const char* verb : kVerbs) known = known || j["kind"] == partial_kind(verb);
  if (!known)
    throw model::InputError(where, "not a flowcost partial result (kind \"flowcost-partial-run\", "
                                   "\"flowcost-partial-batch\" or \"flowcost-partial-sweep\" expected)");
  if (!j.contains("version") || !j["version"].is_number_integer() || j["version"].get<int>() != kPartialFormatVersion)
    throw model::InputError(where, "partial result format version " +
                                       (j.contains("version") ? j["version"].dump() : std::string("(none)")) +
                                       "; this flowcost reads version " + std::to_string(kPartialFormatVersion));
  // The numbers of a partial result are merged as they are: one changed after flowcost wrote it (by hand,
  // by a tool, by a damaged copy) would change the merged report silently, so the content must match the
  // checksum written with it (the same dump of the same parsed values: nlohmann/json sorts keys and prints
  // numbers so that they read back the same).
  const auto sum = j.find("content_sha256");
  if (sum == j.end() || !sum->is_string())
    throw model::InputError(where, "a damaged flowcost partial result (no content_sha256)");
  const std::string expected = sum->get<std::string>();
  j.erase("content_sha256");
  if (model::sha256_hex(j.dump()) != expected)
    throw model::InputError(where, "a damaged flowcost partial result: its content does not match its content_sha256 "
                                   "(it was changed after flowcost wrote it); run this shard again");
  return j;
}

ShardHeader partial_header(const json& j, const std::string& path) {
  const model::SourceLocation where{path, 0, 0};
  ShardHeader h;
  h.path = path;
  try {
    h.verb = j.at("kind").get<std::string>().substr(std::string(kKindPrefix).size());
    h.tool_version = j.at("tool_version").get<std::string>();
    h.config_hash = j.at("config_hash").get<std::string>();
    h.shard = {j.at("shard").at("index").get<std::uint64_t>(), j.at("shard").at("count").get<std::uint64_t>()};
  } catch (const std::exception& e) {
    throw model::InputError(where, "a damaged flowcost partial result (" + std::string(e.what()) + ")");
  }
  if (h.shard.count == 0 || h.shard.index >= h.shard.count)
    throw model::InputError(where, "a damaged flowcost partial result (shard " + shard_text(h.shard) + ")");
  return h;
}

void expect_verb(const ShardHeader& header, const std::string& verb) {
  if (header.verb != verb)
    throw model::InputError({header.path, 0, 0}, "not a flowcost partial result of `" + verb + "` (kind \"" +
                                                     partial_kind(verb) + "\" expected)");
}

json settings_json(const RunSettings& s) {
  json set = json::array();
  for (const auto& [name, value] : s.set) set.push_back({name, value});
  json out = {{"seed", s.seed.value_or(0)},
              {"executions", s.executions.value_or(0)},
              {"draws", s.draws.value_or(0)},
              {"set", set},
              {"prices", s.prices ? json(*s.prices) : json(nullptr)},
              {"free_tier", s.free_tier},
              {"strict", s.strict},
              {"max_states", s.max_states ? json(*s.max_states) : json(nullptr)}};
  if (s.rel_error) out["rel_error"] = *s.rel_error;
  if (s.max_draws) out["max_draws"] = *s.max_draws;
  if (!s.fail_above.empty()) out["fail_above"] = s.fail_above;
  if (s.strict_prices) out["strict_prices"] = true;
  return out;
}

RunSettings settings_of(const json& j) {
  RunSettings s;
  s.seed = j.at("seed").get<std::uint64_t>();
  s.executions = j.at("executions").get<std::uint64_t>();
  s.draws = j.at("draws").get<std::uint64_t>();
  for (const auto& item : j.at("set")) s.set.emplace_back(item.at(0).get<std::string>(), item.at(1).get<std::string>());
  if (!j.at("prices").is_null()) s.prices = j.at("prices").get<std::string>();
  s.free_tier = j.at("free_tier").get<bool>();
  s.strict = j.at("strict").get<bool>();
  if (!j.at("max_states").is_null()) s.max_states = j.at("max_states").get<double>();
  if (j.contains("rel_error")) s.rel_error = j.at("rel_error").get<double>();
  if (j.contains("max_draws")) s.max_draws = j.at("max_draws").get<std::uint64_t>();
  if (j.contains("fail_above")) s.fail_above = j.at("fail_above").get<std::vector<std::string>>();
  if (j.contains("strict_prices")) s.strict_prices = j.at("strict_prices").get<bool>();
  return s;
}

std::string settings_difference(const RunSettings& a, const RunSettings& b) {
  std::vector<std::string> diffs;
  auto number = [&](const char* name, std::uint64_t x, std::uint64_t y) {
    if (x != y) diffs.push_back(std::string(name) + " " + std::to_string(x) + ", not " + std::to_string(y));
  };
  number("seed", a.seed.value_or(0), b.seed.value_or(0));
  number("executions", a.executions.value_or(0), b.executions.value_or(0));
  number("draws", a.draws.value_or(0), b.draws.value_or(0));
  if (a.set != b.set) diffs.push_back("--set " + set_text(a.set) + ", not " + set_text(b.set));
  if (a.prices != b.prices) diffs.push_back("--prices " + optional_text(a.prices) + ", not " + optional_text(b.prices));
  if (a.free_tier != b.free_tier) diffs.push_back("free tier differs");
  if (a.strict != b.strict) diffs.push_back("--strict differs");
  if (a.strict_prices != b.strict_prices) diffs.push_back("--strict-prices differs");
  if (a.max_states != b.max_states) diffs.push_back("--max-states differs");
  if (a.rel_error != b.rel_error || a.max_draws != b.max_draws) diffs.push_back("the stop rule differs");
  if (a.fail_above != b.fail_above)
    diffs.push_back("--fail-above " + list_text(a.fail_above) + ", not " + list_text(b.fail_above));
  std::string out;
  for (const auto& d : diffs) out += (out.empty() ? "" : "; ") + d;
  return out;
}

}  // namespace flowcost::engine
