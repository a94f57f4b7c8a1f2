#include "model/unpriced_call.h"

namespace flowcost::model {

std::string describe(const UnpricedCall& call) {
  std::string out = "Task \"" + call.state + "\"";
  if (!call.service.empty()) out += " (" + call.service + (call.action.empty() ? "" : ":" + call.action) + ")";
  return out + ": " + call.reason;
}

void report_unpriced(const std::string& design, const SourceLocation& where, const std::vector<UnpricedCall>& calls,
                     bool strict, Diagnostics& diags) {
  if (calls.empty()) return;
  std::string message = "design \"" + design + "\" makes " + std::to_string(calls.size()) +
                        (calls.size() == 1 ? " call" : " calls") +
                        " that flowcost does not price (not in its totals): ";
  for (std::size_t i = 0; i < calls.size(); ++i) message += (i ? "; " : "") + describe(calls[i]);
  if (strict) diags.error(where, message + " (--strict)");
  else diags.warning(where, message);
}

}  // namespace flowcost::model
