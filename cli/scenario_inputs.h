#pragma once
// Every file a scenario verb (run, sweep, tornado, batch) will read, known before any work: the scenario
// and every file its loaders read (model::Scenario::input_file_hashes), and its price table. `-o` is
// checked against these before anything runs, and again against the run's own list when writing.
#include <string>
#include <vector>

#include "cli/run_options.h"

namespace flowcost::cli {

// Loads the scenario with `options` (its --set and --prices). Problems are not reported here (the run
// reports them); the files read up to the first problem are still listed.
std::vector<std::string> scenario_input_paths(const std::string& scenario_path, const RunOptions& options);

}  // namespace flowcost::cli
