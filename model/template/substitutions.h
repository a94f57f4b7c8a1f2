#pragma once
// DefinitionSubstitutions: `${Name}` placeholders of a state machine definition replaced by the values
// the template gives them (strings, numbers, booleans, or Ref / Fn::GetAtt / Fn::Sub / Fn::Join),
// before the definition is validated; and the warning for each placeholder left in place.
#include <map>
#include <string>

#include "model/diagnostics.h"
#include "model/document.h"
#include "model/template/cfn_values.h"
#include "model/template/mapped_text.h"

namespace flowcost::model::templates {

struct Substitution {
  MappedText value;
  bool scalar_value = false;  // a number or boolean: a string that is only `${Name}` becomes that value
};
using Substitutions = std::map<std::string, Substitution>;

// The DefinitionSubstitutions mapping (`map` may be null: none given).
Substitutions read_substitutions(const Template& t, const Node* map, Unresolved& unresolved, Diagnostics& diags);

// Textual substitution (a DefinitionString): each replaced byte at its placeholder's position.
MappedText substitute_text(const MappedText& in, const Substitutions& subs);

// The same for the placeholders of JSON text that stand outside every string (asl::bare_placeholders):
// `"TimeoutSeconds": ${CallTimeout}` in a definition file, which CloudFormation substitutes in the text
// before it parses the file (the other placeholders are left to substitute_tree).
MappedText substitute_bare_json(const MappedText& in, const Substitutions& subs);

// Substitution in every string and key of a parsed definition (Definition, DefinitionUri and
// DefinitionS3Location files). A string that is one whole placeholder of a number or boolean value
// becomes that number or boolean, so `"TimeoutSeconds": "${Timeout}"` reads as an integer.
void substitute_tree(Node& root, const Substitutions& subs);

// An inline Definition: every Ref / Fn::GetAtt / Fn::Sub / Fn::Join in it replaced by its text.
// Returns false when one is malformed (reported in `diags`).
bool resolve_intrinsics(Node& root, const Template& t, Unresolved& unresolved, Diagnostics& diags);

// One warning per placeholder left in `root` (pseudo parameters excepted), naming it and why.
void warn_unsubstituted(const Node& root, const Substitutions& subs, bool any_substitutions,
                        const Unresolved& unresolved, Diagnostics& diags);

// `root` as compact JSON (the form CloudFormation deploys an inline Definition in).
std::string compact_json(const Node& root);

}  // namespace flowcost::model::templates
