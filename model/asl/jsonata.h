#pragma once
// A light syntax check of JSONata expressions written as "{% expr %}" (reference/asl.md A9): the text
// is kept as is for the simulator; here we catch what AWS rejects when the machine is created: an empty
// expression, unbalanced brackets or strings (INVALID_JSONATA_EXPRESSION), and `$` / `$$` used at the top
// level of the expression (UNSUPPORTED_JSONATA_EXPRESSION).
#include <optional>
#include <string>
#include <string_view>

namespace flowcost::model::asl {

// `body` is the text between "{%" and "%}". nullopt when acceptable; otherwise the reason.
std::optional<std::string> check_jsonata(std::string_view body);

}  // namespace flowcost::model::asl
