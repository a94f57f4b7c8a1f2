#pragma once
// How much a simulation of one execution costs, before any work: the states it enters if every state of
// every scope ran once. A Map's processor counts its mean item count times (a Distributed Map's: its child
// executions, items / MaxItemsPerBatch, or only the sample of a sampled visit; nested Maps multiply), every
// Parallel branch once, a started child machine once per start. Choices, loops and retries are not
// weighed: it is an estimate of the simulator's work, not of billed transitions (explain gives those).
// engine/work_bound.h multiplies it by draws x executions and refuses a run that could not finish.
#include <cstdint>
#include <functional>

#include "sim/sfn/plan.h"

namespace flowcost::sim::sfn {

// `mean_of`: the mean of a Plan::values entry (a Map's item count).
double states_per_execution(const Plan& plan, const std::function<double(std::uint32_t)>& mean_of);

}  // namespace flowcost::sim::sfn
