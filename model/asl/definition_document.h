#pragma once
// Reading a file that may be an ASL definition written for CloudFormation DefinitionSubstitutions.
// Such a file may hold a placeholder where a JSON value goes (`"TimeoutSeconds": ${CallTimeout}`):
// CloudFormation substitutes the file's text before it parses it, so the file deploys from its template
// although it is not JSON by itself. Read alone, flowcost takes each such placeholder as the string
// `"${Name}"` (so that a number field holding one reads as absent, warning W15) and warns (W17).
#include <optional>

#include "model/diagnostics.h"
#include "model/document.h"
#include "model/source_file.h"

namespace flowcost::model::asl {

// Is this document an ASL definition (a mapping with `StartAt` or `States`)?
bool looks_like_state_machine(const Node& root);

// parse_document, except that a JSON file that is not JSON only because of placeholders outside strings,
// and that then reads as an ASL definition (`StartAt` or `States`, no `Resources`), loads with each of them
// as a string, one warning each. When such a file has another syntax error, that one is reported; any
// other file gets parse_document's diagnostics.
std::optional<Node> parse_definition_document(const SourceFile& file, Diagnostics& diags);

}  // namespace flowcost::model::asl
