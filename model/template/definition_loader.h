#pragma once
// A design's `definition:` file: an ASL definition (JSON or YAML), or a CloudFormation / SAM / CDK
// template whose state machine `state_machine:` names (model/template/state_machine_resource.h), loaded
// and validated with the workflow type that applies.
#include <map>
#include <optional>
#include <string>

#include "model/asl/state_machine.h"
#include "model/diagnostics.h"
#include "model/source_file.h"
#include "model/template/state_machine_resource.h"

namespace flowcost::model::templates {

struct LoadedDefinition {
  asl::StateMachine machine;
  bool express = false;                       // the workflow type the definition was validated as
  std::map<std::string, std::string> files;   // every file read (the definition or template, and a
                                              // template's definition file): path -> SHA-256
};

// `express`: the design's workflow when it gives one; otherwise a template's Type / StateMachineType,
// otherwise STANDARD. `pick.logical_id` on a file that is not a template is an error. Throws InputError
// carrying every diagnostic when there is an error; warnings are appended to `warnings`.
LoadedDefinition load_definition(const SourceFile& file, const StateMachinePick& pick, std::optional<bool> express,
                                 Diagnostics* warnings = nullptr);

}  // namespace flowcost::model::templates
