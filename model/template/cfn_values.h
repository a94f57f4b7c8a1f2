#pragma once
// The values of a CloudFormation / SAM template as text: plain strings, and the intrinsic functions a
// state machine's definition and substitutions use (`Ref`, `Fn::GetAtt`, `Fn::Sub` in both forms,
// `Fn::Join`), in long form (`{"Fn::Sub": ...}`) or YAML short form (`!Sub`). What is only known at
// deployment becomes a `${Name}` placeholder (docs/scenario-format.md "Definitions in CloudFormation,
// SAM and CDK templates" lists what resolves to what).
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "model/diagnostics.h"
#include "model/document.h"
#include "model/line_index.h"
#include "model/source_file.h"
#include "model/template/mapped_text.h"

namespace flowcost::model::templates {

// A parsed template: its file, root mapping, and the file's lines indexed once.
struct Template {
  const SourceFile& file;
  const Node& root;
  LineIndex lines{file.text};

  const Node* resource(std::string_view logical_id) const;   // the resource's mapping
  const Node* parameter(std::string_view name) const;        // the parameter's mapping
};

// An intrinsic function call: `name` is "Ref", "Fn::Sub", "Fn::GetAtt", ... (the long form's key; a
// short form `!GetAtt` gives "Fn::GetAtt", `!Ref` "Ref"); `argument` its value (for a short form, the
// tagged node without its tag).
struct Intrinsic {
  std::string name;
  Node argument;
};
std::optional<Intrinsic> intrinsic(const Node& n);

// Placeholder names left in resolved text, each with why it could not be resolved.
using Unresolved = std::map<std::string, std::string>;

// The text CloudFormation would produce for `value` (a string, number or boolean scalar, or an
// intrinsic function). Deploy-time values (a parameter without Default, Fn::ImportValue, an attribute
// flowcost does not model, ...) become `${Name}` placeholders recorded in `unresolved`; the pseudo
// parameters (AWS::Region, AWS::AccountId, AWS::Partition, ...) stay as `${AWS::...}` placeholders without a
// record (they do not change what is metered). A malformed expression (Fn::Join without a list,
// Fn::Sub naming nothing in the template, a Ref to an unknown logical ID) is an error in `diags`;
// std::nullopt then.
std::optional<MappedText> resolve_text(const Template& t, const Node& value, Unresolved& unresolved,
                                       Diagnostics& diags);

// True for the pseudo parameters `AWS::Region`, `AWS::AccountId`, ...
bool is_pseudo_parameter(std::string_view name);

}  // namespace flowcost::model::templates
