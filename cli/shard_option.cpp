#include "cli/shard_option.h"

#include <charconv>
#include <cstdlib>
#include <vector>

#include "model/errors.h"

namespace flowcost::cli {

namespace {

const model::SourceLocation kShard{"--shard", 0, 0};
constexpr const char* kIndexVariables[] = {"SLURM_ARRAY_TASK_ID", "JOB_COMPLETION_INDEX", "AWS_BATCH_JOB_ARRAY_INDEX"};

std::optional<std::uint64_t> whole_number(std::string_view text) {
  std::uint64_t value = 0;
  if (text.empty()) return std::nullopt;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

}  // namespace

engine::ShardSpec parse_shard(const std::string& text, const EnvFn& env) {
  const auto slash = text.find('/');
  const std::string form = "--shard takes INDEX/COUNT (0 <= INDEX < COUNT) or auto/COUNT, got \"" + text + "\"";
  if (slash == std::string::npos) throw model::InputError(kShard, form);
  const std::string index_text = text.substr(0, slash);
  const auto count = whole_number(std::string_view(text).substr(slash + 1));
  if (!count || *count == 0) throw model::InputError(kShard, form);
  std::uint64_t index = 0;
  if (index_text == "auto") {
    std::vector<std::pair<std::string, std::string>> set;
    for (const char* name : kIndexVariables)
      if (const char* value = env(name); value != nullptr && *value != '\0') set.emplace_back(name, value);
    if (set.empty())
      throw model::InputError(kShard, "--shard auto/" + std::to_string(*count) +
                                          ": none of SLURM_ARRAY_TASK_ID, JOB_COMPLETION_INDEX, "
                                          "AWS_BATCH_JOB_ARRAY_INDEX is set (run it as an array task, or give INDEX)");
    for (const auto& [name, value] : set)
      if (value != set.front().second) {
        std::string all;
        for (const auto& [n, v] : set) all += (all.empty() ? "" : ", ") + n + "=" + v;
        throw model::InputError(kShard, "--shard auto: the array index variables disagree (" + all + ")");
      }
    const auto parsed = whole_number(set.front().second);
    if (!parsed)
      throw model::InputError(kShard, "--shard auto: " + set.front().first + "=" + set.front().second +
                                          " is not a whole number");
    index = *parsed;
    if (index >= *count)
      throw model::InputError(kShard, "--shard auto/" + std::to_string(*count) + ": " + set.front().first + "=" +
                                          set.front().second + " is not below " + std::to_string(*count) +
                                          " (array indices must run from 0 to COUNT - 1)");
  } else {
    const auto parsed = whole_number(index_text);
    if (!parsed || *parsed >= *count) throw model::InputError(kShard, form);
    index = *parsed;
  }
  return {index, *count};
}

void add_shard_option(CLI::App& cmd, std::string& shard) {
  cmd.add_option("--shard", shard,
                 "INDEX/COUNT or auto/COUNT: run one slice of the work and write a partial result (JSON) for "
                 "`flowcost merge`");
}

void check_shard_format(bool format_given) {
  if (format_given)
    throw model::InputError(kShard, "--shard writes a partial result (JSON) for `flowcost merge`; give --format "
                                    "to merge instead");
}

}  // namespace flowcost::cli
