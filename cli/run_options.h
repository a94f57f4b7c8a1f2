#pragma once
// The options that `run`, `batch`, `sweep` and `tornado` share (docs/cli.md "run"): the engine's run
// settings, with the `--set` items as typed.
#include <CLI/CLI.hpp>

#include <string>
#include <utility>
#include <vector>

#include "engine/run_settings.h"

namespace flowcost::cli {

struct RunOptions {
  engine::RunSettings settings;  // everything but --set
  std::vector<std::string> set;  // NAME=VALUE overrides of scenario inputs, as typed
};

// Adds --seed, --executions, --draws, --threads, --set, --rel-error, --max-draws, --prices, --free-tier, --strict,
// --strict-prices, --max-states.
void add_run_options(CLI::App& cmd, RunOptions& options);

// "NAME=VALUE" pairs; throws model::InputError for an item without '=' or with an empty name.
std::vector<std::pair<std::string, std::string>> parse_set_options(const std::vector<std::string>& items);

// The settings with the --set items parsed (throws model::InputError as parse_set_options does).
engine::RunSettings run_settings(const RunOptions& options);

}  // namespace flowcost::cli
