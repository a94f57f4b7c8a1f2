#pragma once
// The total-work bound (docs/cli.md "--max-states"): before any draw runs, the states a run would enter
// are estimated as draws x executions x the states one event of each design enters
// (sim::DesignSimulator::states_per_event, with the first draw's inputs and Maps at their mean item
// counts). Above the limit the run is refused with the estimate and what to change, instead of running
// for hours or days in silence (4 nested Distributed Maps of 1,000 items are 1e12 states per execution).
#include <cstdint>
#include <vector>

#include "model/scenario/scenario.h"
#include "sim/execution.h"

namespace flowcost::engine {

// About 20-60 minutes of simulation on one core at the measured 28-51 million transitions a second.
inline constexpr double kDefaultMaxStates = 1e11;

struct WorkPlan {
  std::uint64_t seed = 0;
  std::uint64_t draws = 0;
  std::uint64_t executions = 0;
  double max_states = kDefaultMaxStates;
};

// The estimated states of the whole run; throws model::InputError at the largest design's position (the
// command line for a design that is not the scenario's) when they exceed plan.max_states.
double check_work_bound(const model::Scenario& scenario, const std::vector<const sim::DesignSimulator*>& designs,
                        const WorkPlan& plan);

}  // namespace flowcost::engine
