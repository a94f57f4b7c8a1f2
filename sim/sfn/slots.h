#pragma once
// Which slot of a place's SiteVariates (sim/random.h) each variate of a Step Functions execution takes.
// The place's site combines the state's name with the enclosing context (execution, Map item, Parallel
// branch), the state's visit number and, for a Task, the attempt number (executor.cpp), so every design
// that has the same state draws the same variates for the same event (common random numbers), and a slot
// never moves when another field of the state is added, removed or changes distribution.
#include <cstdint>

#include "sim/random.h"

namespace flowcost::sim::sfn {

// An attempt of a Task, Parallel or Map state (site: the attempt). Slots 0-3 share one Philox block, the
// common case of a Task attempt; the rest are computed only when used.
inline constexpr unsigned kSlotError = 0;     // Task: uniform for which error, if any, the attempt raises
inline constexpr unsigned kSlotColdStart = 1; // Task: uniform for whether the Lambda invocation is a cold start
inline constexpr unsigned kSlotDuration = 2;  // Task: the work time
inline constexpr unsigned kSlotInit = 3;      // Task: the cold start's INIT time
inline constexpr unsigned kSlotMapItems = 0;  // Map: the item count
inline constexpr unsigned kSlotJitter = 4;    // uniform: FULL jitter of the retry that follows this attempt
inline constexpr unsigned kSlotCallback = 5;  // Task, .waitForTaskToken: time until the token returns
inline constexpr unsigned kSlotFirstCall = 6; // Task: downstream call i takes slot 6 + i (its size or count)
inline constexpr unsigned kSlotFirstCallItems = 256;  // Task: call i's item/record count takes slot 256 + i

// A visit of a Choice or Wait state (site: the visit).
inline constexpr unsigned kSlotChoice = 0;    // uniform: a weighted Choice's branch
inline constexpr unsigned kSlotWait = 0;      // a Wait state's `waits:` duration

// The trigger (site: kTriggerSite).
inline constexpr std::uint64_t kTriggerSite = site_key("trigger");
inline constexpr unsigned kSlotTriggerDuration = 0;  // the trigger Lambda's duration
inline constexpr unsigned kSlotTriggerApiBytes = 1;  // the HTTP API request's size

// An execution (site: site_key(kExecutionSite, context); the top-level execution's context is 0).
inline constexpr std::uint64_t kExecutionSite = site_key("execution");
inline constexpr unsigned kSlotPayload = 0;   // the execution's payload size
inline constexpr unsigned kSlotItemBytes = 1; // a Distributed Map child's item size (Express memory)
inline constexpr unsigned kSlotLogEventBytes = 2; // the size of a log event (CloudWatch Logs)

// Orchestration latency (a design's `orchestration:` value that is drawn): site_key(kLatencySite, place),
// where the place is the one the latency belongs to (the state's visit, the Task attempt, the Parallel
// branch or Map iteration context, the execution's site), and slot = its model::LatencyKind. The places'
// own variates are untouched.
inline constexpr std::uint64_t kLatencySite = site_key("orchestration");

}  // namespace flowcost::sim::sfn
