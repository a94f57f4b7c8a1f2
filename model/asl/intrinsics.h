#pragma once
// Intrinsic functions of JSONPath payload templates (docs/sources.md#asl-jsonpath, spec Appendix B):
// `States.Format('{} and {}', $.a, States.UUID())`. Checks the call syntax, the function names, the
// number of arguments, literal argument types, string escaping and States.Format placeholders.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace flowcost::model::asl {

// nullopt when `text` is a valid intrinsic call; otherwise the reason. `warning`, when given, gets what is
// valid but doubtful (an escape in a string other than the four Step Functions documents).
std::optional<std::string> check_intrinsic(std::string_view text, std::optional<std::string>* warning = nullptr);

// The names of every intrinsic function.
const std::vector<std::string>& intrinsic_names();

}  // namespace flowcost::model::asl
