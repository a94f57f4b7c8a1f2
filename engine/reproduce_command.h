#pragma once
// The command that reproduces a run (engine::RunReport::reproduce_command), built from the effective
// settings of the run, never from argv, so that the same run however it was typed (or split into shards
// and merged) gives the same text.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace flowcost::engine {

struct ReproduceSettings {
  std::string scenario_path;  // as given (relative to the current directory)
  std::uint64_t seed = 0;
  std::uint64_t draws = 0;  // the first batch of draws (with a stop rule, the run may have made more)
  std::uint64_t executions = 0;
  std::optional<double> rel_error;  // the stop rule, with its cap
  std::uint64_t max_draws = 0;
  std::optional<std::string> prices;  // --prices as given; absent: the scenario's own
  bool free_tier = false;
  std::vector<std::pair<std::string, std::string>> set;
  std::vector<std::pair<std::string, double>> fail_above;
};

// `flowcost run SCENARIO --seed N --draws D --executions E [--rel-error R --max-draws M] [--prices P]
// [--free-tier] [--set NAME=VALUE]... [--fail-above DESIGN=USD]...`; numbers in shortest round-trip form,
// each word quoted for a POSIX shell when it needs it (shell_word).
std::string reproduce_command(const ReproduceSettings& settings);

// `word` as one POSIX shell word: unchanged when it holds only letters, digits and `_-./=:,+@%`, otherwise in
// single quotes (a single quote inside written as '\'').
std::string shell_word(const std::string& word);

}  // namespace flowcost::engine
