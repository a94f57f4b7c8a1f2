#pragma once
// A state machine's definition taken from a CloudFormation or SAM template (CDK's synthesized
// `cdk.out/*.template.json` included): `AWS::Serverless::StateMachine` (Definition, DefinitionUri as a
// local path, DefinitionSubstitutions, Type) and `AWS::StepFunctions::StateMachine` (Definition,
// DefinitionString, DefinitionS3Location as a local path, DefinitionSubstitutions, StateMachineType).
// Substitutions are applied before the definition is validated; positions point into the file that
// holds the text (docs/scenario-format.md "Definitions in CloudFormation, SAM and CDK templates").
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/diagnostics.h"
#include "model/document.h"
#include "model/source_file.h"
#include "model/source_location.h"

namespace flowcost::model::templates {

// A CloudFormation or SAM template: a mapping with `Resources`, `AWSTemplateFormatVersion` or `Transform`.
bool is_template(const Node& root);

// The logical IDs of the template's state machines, in file order.
std::vector<std::string> state_machine_ids(const Node& root);

struct TemplateDefinition {
  std::string logical_id;
  std::optional<bool> express;  // Type / StateMachineType when given (EXPRESS: true); AWS's default is STANDARD
  // path: the file that holds the definition's text (the template, or the DefinitionUri /
  // DefinitionS3Location file); text: the definition as deployed after substitutions (its size is the
  // definition size that Express memory billing uses).
  SourceFile text;
  Node root;  // the definition after substitutions; positions in `text.path`
  std::map<std::string, std::string> files;  // definition files read besides the template: path -> SHA-256
};

struct StateMachinePick {
  std::optional<std::string> logical_id;  // the design's `state_machine:`
  SourceLocation at;                      // where to report a bad or missing pick
};

// The definition of the state machine `pick` names (or the only one). Errors (no state machine, an
// ambiguous or unknown pick, no or two definitions, an S3 location, a malformed intrinsic) go to
// `diags`, with std::nullopt when no definition could be built; warnings name every placeholder left
// unsubstituted.
std::optional<TemplateDefinition> load_template_definition(const SourceFile& file, const Node& root,
                                                           const StateMachinePick& pick, Diagnostics& diags);

}  // namespace flowcost::model::templates
