#pragma once
// How the run report names the files it read (docs/cli.md "run", JSON `scenario_file`, `input_files`):
// relative to the scenario's folder, with '/' separators, so that the same scenario folder run from
// anywhere gives the same bytes. A shipped price table is named `shipped:NAME.yaml` (its folder is where
// flowcost is installed, which says nothing about the run).
#include <string>

#include "model/input_files.h"

namespace flowcost::engine {

// `path` (as opened, relative to the current directory or absolute) relative to the folder of
// `scenario_path` (as opened too).
std::string path_from_scenario(const std::string& path, const std::string& scenario_path);

// Every key of `files` written with path_from_scenario, a shipped price table as `shipped:NAME.yaml`.
model::InputFiles files_from_scenario(const model::InputFiles& files, const std::string& scenario_path);

}  // namespace flowcost::engine
