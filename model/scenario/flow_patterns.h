#pragma once
// The article's rule of thumb, read from a Step Functions design (definition + behaviours), no price and no
// simulation: Step Functions earns its cost when a flow shows more than one of three patterns (docs/cli.md
// "advise"):
//   decisions         Choice states; Parallel and Map states whose branches or item processor call a service
//                     (a Task);
//   failure handling  beyond simple retries: Catch (fallbacks, error-specific branches), Task TimeoutSeconds
//                     or HeartbeatSeconds, Distributed Map tolerated failures (a Retry alone does not count);
//   long running      `.waitForTaskToken` callbacks (human approval, external workers), activities, `.sync`
//                     jobs (Batch, ECS, nested executions run to their end), Wait states, and Tasks whose
//                     TimeoutSeconds lets an attempt run past Express's 5 minutes.
// Also whether the flow is a straight filter-and-dispatch that IoT Core rules (SQL WHERE + rule actions)
// can express. States are searched in the design's own definition, Parallel branches and Map item
// processors included (not in the child machines of states:startExecution), in file order.
#include <string>
#include <vector>

#include "model/scenario/step_functions_design.h"

namespace flowcost::model {

struct PatternEvidence {
  std::string state;
  std::string why;  // e.g. "Catch States.Timeout -> TranscodeOnBatch (a batch .sync job)"
};

struct PatternFinding {
  std::vector<PatternEvidence> evidence;  // one per state, in file order
  bool found() const { return !evidence.empty(); }
  std::vector<std::string> states() const;
};

struct FlowPatterns {
  PatternFinding decisions;
  PatternFinding failure_handling;
  PatternFinding long_running;
  int count() const;  // patterns found, 0 to 3
};

FlowPatterns find_flow_patterns(const StepFunctionsDesign& design);

// Can IoT Core rules express this flow (Choice rules as WHERE clauses, Tasks as rule actions)?
struct RuleSqlFit {
  bool expressible = false;
  std::string reason;  // what maps to what, or the first state that rules cannot express
};

RuleSqlFit rule_sql_fit(const StepFunctionsDesign& design);

}  // namespace flowcost::model
