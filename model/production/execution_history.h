#pragma once
// Step Functions execution histories read from the JSON of `aws stepfunctions get-execution-history`
// (`{"events": [...]}`; docs/cli.md "fit"), turned into the states each execution entered.
//
// Events are those of the API's HistoryEvent (https://docs.aws.amazon.com/step-functions/latest/apireference/API_HistoryEvent.html):
// `id`, `previousEventId`, `type`, `timestamp` (an RFC 3339 string, as the AWS CLI prints it, or seconds
// since the epoch, as the API returns it) and one `<type>EventDetails` object. An event belongs to the
// state visit its `previousEventId` chain leads back to (a `...StateExited` to the latest visit of the state
// it names); a Task attempt runs from `TaskScheduled`, `LambdaFunctionScheduled` or `ActivityScheduled` to
// the event that ends it (`...Succeeded`, `...Failed`, `...TimedOut`, `...StartFailed`, `...SubmitFailed`,
// `...ScheduleFailed`), whose details name the error. A second attempt in one visit is a retry.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/diagnostics.h"
#include "model/source_file.h"
#include "model/source_location.h"

namespace flowcost::model::production {

struct TaskAttempt {
  double duration_ms = 0;
  std::optional<std::string> error;  // the error of a failed attempt
  SourceLocation loc;                // the event that scheduled it
};

struct StateVisit {
  std::string name;
  std::string type;                      // Task, Choice, Map, Parallel, Wait, Pass, Succeed, Fail
  double entered_ms = 0;
  std::optional<double> exited_ms;
  std::vector<TaskAttempt> attempts;     // Task states
  std::optional<std::string> next;       // the state entered right after this one left (previousEventId)
  std::optional<std::int64_t> map_items; // Map states: MapStateStarted's length, else its MapIterationStarted events
  SourceLocation loc;                    // the `...StateEntered` event
};

struct ExecutionRecord {
  std::string path;
  std::vector<StateVisit> visits;  // in event order
  std::size_t events = 0;
  std::optional<std::string> status;  // ExecutionSucceeded -> "succeeded", ExecutionFailed -> "failed", ...
  // What Step Functions bills a Standard execution for: every state entered, plus every retry
  // (docs/billing-rules.md).
  std::size_t billable_transitions() const;
};

// Reads one history. Malformed JSON, a missing `events` array, events without `id`, `type` or
// `timestamp`, unknown event types and events whose previousEventId names no earlier event are errors at
// their position in `diags`.
std::optional<ExecutionRecord> read_execution_history(const SourceFile& file, Diagnostics& diags);

// The history files a path names: the path itself, or the `.json` files of a folder (not its subfolders),
// sorted by name. A folder with none is an error at the folder.
std::vector<std::string> history_files(const std::string& path, Diagnostics& diags);

}  // namespace flowcost::model::production
