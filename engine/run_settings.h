#pragma once
// The settings of one priced run (docs/cli.md "run"): each overrides the scenario's own `run:` settings,
// `prices:` and `free_tier:` when given. cli/run_options.h fills them from the command line.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace flowcost::engine {

struct RunSettings {
  std::optional<std::uint64_t> seed;
  std::optional<std::uint64_t> executions;  // inner executions per draw
  std::optional<std::uint64_t> draws;       // outer draws (the first batch of draws with rel_error)
  std::optional<unsigned> threads;          // 0 or absent: all cores
  std::vector<std::pair<std::string, std::string>> set;  // (NAME, VALUE) overrides of scenario inputs, in order
  std::optional<double> rel_error;          // stop rule
  std::optional<std::uint64_t> max_draws;   // cap of the stop rule
  std::optional<std::string> prices;        // table name or path (relative to the working directory)
  bool free_tier = false;                   // on when given here or in the scenario
  bool strict = false;                      // a call that flowcost does not price is an error
  bool strict_prices = false;               // the table's own figures only: borrowed prices are gaps
  std::vector<std::string> fail_above;      // `--fail-above DESIGN=USD` items as typed, in order
  std::optional<double> max_states;         // the total-work bound (engine/work_bound.h); absent: the default
};

}  // namespace flowcost::engine
