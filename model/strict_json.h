#pragma once
// JSON files are read as AWS reads them: strict RFC 8259 JSON. libyaml, which builds flowcost's
// document tree, also accepts YAML's relaxations (trailing commas, unquoted keys, single quotes,
// comments); a definition that AWS would refuse must not pass here. So JSON text is first checked by a
// strict parser (nlohmann-json, without comments), and the first error is reported at its line and
// column.
#include <string_view>

#include "model/diagnostics.h"
#include "model/source_file.h"

namespace flowcost::model {

// True for a path that names a JSON file (".json", any case).
bool is_json_path(std::string_view path);

// Reports the first syntax error of `file.text` as strict JSON to `diags` ("invalid JSON: ..." at its
// position) and returns false; true when the text is one valid JSON value.
bool check_strict_json(const SourceFile& file, Diagnostics& diags);

}  // namespace flowcost::model
