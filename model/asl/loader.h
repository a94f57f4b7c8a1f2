#pragma once
// Loading an ASL definition (JSON or YAML) into a StateMachine, reporting every problem of shape
// (wrong types, unknown fields with "did you mean", duplicate keys) at its position.
#include "model/asl/state_machine.h"
#include "model/diagnostics.h"
#include "model/source_file.h"

namespace flowcost::model::asl {

// Returns the machine built so far even when `diags` has errors (for validation to continue);
// std::nullopt only when the file could not be parsed as a document at all.
std::optional<StateMachine> load_state_machine(const SourceFile& file, Diagnostics& diags);

// The same on a document already parsed from `file` (for callers that looked at it first, such as
// `flowcost validate` deciding between a scenario and a definition). std::nullopt when `root` is not
// an object.
std::optional<StateMachine> load_state_machine(const SourceFile& file, const Node& root, Diagnostics& diags);

// Reads, loads and validates (validator.h) a definition; throws InputError with every diagnostic when
// there is any error. Warnings are appended to `warnings` when given.
StateMachine load_and_validate(const std::string& path, bool express, Diagnostics* warnings = nullptr);
// The same on a file already read.
StateMachine load_and_validate(const SourceFile& file, bool express, Diagnostics* warnings = nullptr);
// The same on a document already parsed (`file` gives the path and the definition size); `diags` holds
// what was found before (a template's substitution warnings), sorted and thrown with the rest.
StateMachine load_and_validate(const SourceFile& file, const Node& root, bool express, Diagnostics diags,
                               Diagnostics* warnings = nullptr);

}  // namespace flowcost::model::asl
