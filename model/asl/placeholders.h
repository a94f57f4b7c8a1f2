#pragma once
// `${Name}` placeholders of CloudFormation / SAM DefinitionSubstitutions (and Fn::Sub): definitions
// written for deployment carry them in strings (`"Resource": "${ProcessFunctionArn}"`). They load;
// a malformed one (`${` without `}`, `${}`, a name with spaces or quotes) is an error at its column.
#include <string>
#include <string_view>
#include <vector>

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

// Every well-formed placeholder of `text`: its offset, length and name (`${Name}` gives "Name").
struct PlaceholderAt {
  std::size_t offset = 0;
  std::size_t length = 0;
  std::string name;
};
std::vector<PlaceholderAt> placeholders_in(std::string_view text);

// The well-formed placeholders of JSON text that stand outside every string, where a value goes
// (`"TimeoutSeconds": ${CallTimeout}`). CloudFormation replaces DefinitionSubstitutions in the text of a
// definition file before it parses it, so files written for it may hold them.
std::vector<PlaceholderAt> bare_placeholders(std::string_view json_text);

// True when the whole of `text` is one placeholder.
bool is_whole_placeholder(std::string_view text);

}  // namespace flowcost::model::asl
