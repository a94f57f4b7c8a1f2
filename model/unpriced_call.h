#pragma once
// A service call that a design makes and flowcost does not meter, so that its cost is not in any total
// (docs/billing-rules.md "What is not priced"). Decided where a Task is compiled (sim/sfn), carried to every
// report (`designs[].unpriced[]`) and, with --strict, turned into an error.
#include <string>
#include <vector>

#include "model/diagnostics.h"

namespace flowcost::model {

struct UnpricedCall {
  std::string state;    // the Task; a started machine's Task as "Parent/Child", an IoT action's as "design: Task"
  std::string service;  // "firehose", "events", "states" (activity), "http", ...; "" when the Resource is unresolved
  std::string action;   // "putRecord", "putEvents", "activity", "invoke", ...; "" when the Resource is unresolved
  std::string reason;   // why no meter applies, in a sentence fragment
};

inline bool operator==(const UnpricedCall& a, const UnpricedCall& b) {
  return a.state == b.state && a.service == b.service && a.action == b.action && a.reason == b.reason;
}

// `Task "Archive" (firehose:putRecord): flowcost has no metering rule for firehose:putRecord`.
std::string describe(const UnpricedCall& call);

// One diagnostic for a design's unpriced calls (none when `calls` is empty), at the design's position:
// a warning, or with `strict` (--strict) an error. Every verb that prices a design reports through this.
void report_unpriced(const std::string& design, const SourceLocation& where, const std::vector<UnpricedCall>& calls,
                     bool strict, Diagnostics& diags);

}  // namespace flowcost::model
