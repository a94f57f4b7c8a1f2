#pragma once
// Checks of values that hold data rather than ASL structure (docs/sources.md#asl-jsonpath, #asl-jsonata,
// #asl-validation (rules 10-11)):
// JSONPath payload templates (`"key.$": "$.path"` or an intrinsic call), and JSONata values whose
// strings may be "{% expr %}".
#include <string_view>

#include "model/asl/field_reader.h"
#include "model/document.h"

namespace flowcost::model::asl {

// A payload template (Parameters, ResultSelector, ItemSelector, Credentials, Assign in JSONPath states):
// every `.$` value is a valid Path, context path or intrinsic call; no two keys equal after stripping
// `.$`; warns (NO_DOLLAR) on literal values that look like paths or intrinsic calls.
void check_payload_template(const Node& value, const FieldReader& owner);

// A value in a JSONata state (Arguments, Output, Assign, Items, ...): every "{% %}" string parses; keys
// ending in `.$` get a warning (they are not evaluated in JSONata).
void check_jsonata_value(const Node& value, const FieldReader& owner);

// A value in a JSONPath state that should hold no JSONata: warns on "{% %}" strings.
void warn_jsonata_in_jsonpath(const Node& value, const FieldReader& owner);

}  // namespace flowcost::model::asl
