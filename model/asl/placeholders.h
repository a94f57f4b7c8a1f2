#pragma once
// `${Name}` placeholders of CloudFormation / SAM DefinitionSubstitutions (and Fn::Sub): definitions
// written for deployment carry them in strings (`"Resource": "${ProcessFunctionArn}"`). They load;
// a malformed one (`${` without `}`, `${}`, a name with spaces or quotes) is an error at its column.
#include <string>
#include <string_view>

#include "model/diagnostics.h"
#include "model/document.h"

namespace flowcost::model::asl {

// Reports every malformed placeholder in every string (keys included) of the document; returns true
// when the document holds at least one well-formed placeholder.
bool scan_placeholders(const Node& root, Diagnostics& diags);

// True when `text` holds at least one `${...}`.
bool has_placeholder(std::string_view text);

// `text` with every well-formed `${...}` replaced by `with`.
std::string replace_placeholders(std::string_view text, std::string_view with);

// True when the whole of `text` is one placeholder.
bool is_whole_placeholder(std::string_view text);

}  // namespace flowcost::model::asl
