#pragma once
// The options that `run` and `batch` share (docs/cli.md "run"): each overrides the scenario's own
// `run:` settings, `prices:` and `free_tier:` when given.
#include <CLI/CLI.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace flowcost::cli {

struct RunOptions {
  std::optional<std::uint64_t> seed;
  std::optional<std::uint64_t> executions;  // inner executions per draw
  std::optional<std::uint64_t> draws;       // outer draws (the first batch of draws with --rel-error)
  std::optional<unsigned> threads;          // 0 or absent: all cores
  std::vector<std::string> set;             // NAME=VALUE overrides of scenario inputs
  std::optional<double> rel_error;          // stop rule
  std::optional<std::uint64_t> max_draws;   // cap of the stop rule
  std::optional<std::string> prices;        // table name or path (relative to the working directory)
  bool free_tier = false;                   // on when given here or in the scenario
};

// Adds --seed, --executions, --draws, --threads, --set, --rel-error, --max-draws, --prices, --free-tier.
void add_run_options(CLI::App& cmd, RunOptions& options);

// "NAME=VALUE" pairs; throws model::InputError for an item without '=' or with an empty name.
std::vector<std::pair<std::string, std::string>> parse_set_options(const std::vector<std::string>& items);

}  // namespace flowcost::cli
