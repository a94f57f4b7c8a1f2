#pragma once
// JSON files are read as AWS reads them: strict RFC 8259 JSON. libyaml, which builds flowcost's
// document tree, also accepts YAML's relaxations (trailing commas, unquoted keys, single quotes,
// comments); a definition that AWS would refuse must not pass here. So JSON text is first checked by a
// strict parser (nlohmann-json, without comments), and the first error is reported at its line and
// column.
#include <string>
#include <string_view>

#include "model/diagnostics.h"
#include "model/source_file.h"

namespace flowcost::model {

// nlohmann-json's message "[json.exception.parse_error.101] parse error at line 1, column 9: syntax error
// while parsing object key - unexpected '}'; last read: '...'; expected string literal" as flowcost prints
// it: what the problem is and what was expected (the position is the diagnostic's; "last read" can hold a
// whole line of the file, and the bracketed id is the library's).
std::string json_problem(std::string text);

// True for a path that names a JSON file (".json", any case).
bool is_json_path(std::string_view path);

// Reports the first syntax error of `file.text` as strict JSON to `diags` ("invalid JSON: ..." at its
// position) and returns false; true when the text is one valid JSON value.
bool check_strict_json(const SourceFile& file, Diagnostics& diags);

}  // namespace flowcost::model
