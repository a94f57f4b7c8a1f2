#pragma once
// The files a scenario's designs read besides the scenario itself (ASL `definition:` files, Step Functions
// Local `mock_config: {file: ...}`), with their SHA-256, so that a report names every input it depends on
// and `-o` can refuse to overwrite any of them. Paths are resolved relative to the scenario's folder, as
// the design loaders do.
#include <map>
#include <string>

#include "model/scenario/scenario.h"

namespace flowcost::engine {

// path -> SHA-256 of every such file that can be read (design loaders report the ones that cannot).
std::map<std::string, std::string> design_input_files(const model::Scenario& scenario);

}  // namespace flowcost::engine
