#pragma once
// `flowcost sweep` (docs/cli.md "sweep"): one input varied over a grid, each design's monthly cost at
// every point, and the break-even of every design against the first, refined by bisection. Each point is a
// run with the input fixed to its value, exactly as `run --set NAME=VALUE` at the same seed gives it.
#include <cstddef>
#include <string>

#include "engine/run_pipeline.h"
#include "engine/run_settings.h"
#include "engine/whatif.h"
#include "engine/whatif_report.h"
#include "sim/whatif.h"

namespace flowcost::engine {

// The varied input: `points` values from `from` to `to` (in the input's base unit), equally spaced or in a
// constant ratio.
struct VarySpec {
  std::string name;
  double from = 0;
  double to = 0;
  sim::GridScale scale = sim::GridScale::linear;
  std::size_t points = 9;
};

// Throws model::InputError at "--vary" when `name` is not an input, a workload item or events_per_month
// of `scenario` (with a did-you-mean).
void check_vary_name(const model::Scenario& scenario, const std::string& name);

// Grid runs, then the break-evens of every design against the first, all from one ScenarioSession: the
// scenario, its price table and its designs are read and compiled once (through `loaders`).
WhatIfRun<SweepReport> run_sweep(const std::string& scenario_path, const RunSettings& settings, const VarySpec& vary,
                                 const ScenarioLoaders& loaders = default_loaders());

// A comparison (index `index` among the first point's) whose mean saving keeps its sign: its mean saving at
// the grid's first point (SweepReport::without_break_even).
PairSaving without_break_even(const SweepPoint& first, std::size_t index);

// `sweep --shard`: engine/partial_sweep.h (run_sweep_shard), merged by engine/merge.h.

}  // namespace flowcost::engine
