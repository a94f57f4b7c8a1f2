#pragma once
// Per-state statistics of recorded Step Functions executions (model/production/execution_history.h), as
// `flowcost fit` writes them into a Step Functions design: Task durations (per attempt), error rates per
// attempt and retries; Choice branch weights; Map item counts; Wait durations; billable transitions per
// execution.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "model/asl/state_machine.h"
#include "model/production/execution_history.h"
#include "sim/fit/distribution_fit.h"
#include "sim/fit/lambda_fit.h"

namespace flowcost::sim::fit {

struct TaskFit {
  std::string state;
  bool callback = false;            // a .waitForTaskToken Task: its time is the callback's wait
  bool starts_execution = false;    // a states:startExecution Task: the scenario needs its `execution:` too
  std::size_t visits = 0;
  std::size_t attempts = 0;
  std::size_t retries = 0;          // attempts after the first of a visit
  DurationFit duration;             // of every attempt, failed ones included
  std::vector<CountedName> errors;  // failed attempts per error name, by name
  // Errors the simulator raises itself from a Task's durations and timeouts (States.Timeout,
  // States.HeartbeatTimeout): counted here, left out of the fragment's `errors:`.
  std::vector<CountedName> timeouts;
};

struct BranchCount {
  std::string key;     // the scenario's key: the target state, or `default` for the Choice's Default
  std::string target;  // the state entered
  std::size_t count = 0;
};

struct ChoiceFit {
  std::string state;
  std::size_t visits = 0;          // visits that went on to a state
  std::vector<BranchCount> branches;  // in the definition's order (rules, then Default)
};

struct MapFit {
  std::string state;
  std::vector<std::pair<std::int64_t, std::size_t>> item_counts;  // items per visit -> visits, ascending
  std::size_t visits = 0;
};

struct WaitFit {
  std::string state;
  DurationFit duration;
};

struct ExecutionTransitions {
  std::string path;
  std::size_t states_entered = 0;
  std::size_t retries = 0;
  std::size_t billable = 0;  // states entered + retries
  std::optional<std::string> status;
};

struct HistoryFitReport {
  std::vector<SourceRef> sources;
  std::string definition_path;
  std::vector<ExecutionTransitions> executions;  // in source order
  std::vector<TaskFit> tasks;      // in the definition's order
  std::vector<ChoiceFit> choices;
  std::vector<MapFit> maps;
  std::vector<WaitFit> waits;
};

// The states named in the histories must be states of `machine` of the same type; `diags` gets an error
// at the history event that enters one that is not (`state "X" of the history is not a Task state of
// DEFINITION`).
HistoryFitReport fit_histories(const std::vector<model::production::ExecutionRecord>& records,
                               const std::vector<std::string>& sha256, const model::asl::StateMachine& machine,
                               const std::string& definition_path, model::Diagnostics& diags);

}  // namespace flowcost::sim::fit
