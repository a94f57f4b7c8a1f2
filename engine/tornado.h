#pragma once
// `flowcost tornado` (docs/cli.md "tornado"): one-way sensitivity of each design's cost and of every
// saving against the first design to each uncertain input, between its 5th and 95th percentiles with every
// other uncertain input at its median.
#include <string>

#include "engine/run_pipeline.h"
#include "engine/run_settings.h"
#include "engine/whatif.h"
#include "engine/whatif_report.h"

namespace flowcost::engine {

// The base run (every uncertain input at its median), then two runs per uncertain input, all from one
// ScenarioSession: the scenario, its price table and its designs are read and compiled once.
WhatIfRun<TornadoReport> run_tornado(const std::string& scenario_path, const RunSettings& settings,
                                     const ScenarioLoaders& loaders = default_loaders());

}  // namespace flowcost::engine
