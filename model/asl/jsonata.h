#pragma once
// The syntax check of JSONata expressions written as "{% expr %}" (docs/sources.md#asl-jsonata): the text is kept
// as is for the simulator; here we catch what AWS rejects when the machine is created: `$` / `$$` at the
// top level of the expression (UNSUPPORTED_JSONATA_EXPRESSION) and any syntax error of the JSONata 2.0
// grammar (INVALID_JSONATA_EXPRESSION), parsed by a Pratt parser over jsonata_lexer.h tokens.
#include <optional>
#include <string>
#include <string_view>

namespace flowcost::model::asl {

// `body` is the text between "{%" and "%}". nullopt when acceptable; otherwise the reason.
std::optional<std::string> check_jsonata(std::string_view body);

}  // namespace flowcost::model::asl
