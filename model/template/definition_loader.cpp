#include "model/template/definition_loader.h"

#include "model/asl/definition_document.h"
#include "model/asl/loader.h"
#include "model/errors.h"

namespace flowcost::model::templates {

LoadedDefinition load_definition(const SourceFile& file, const StateMachinePick& pick, std::optional<bool> express,
                                 Diagnostics* warnings) {
  LoadedDefinition out;
  out.files[file.path] = sha256_hex(file.text);
  Diagnostics diags;
  auto root = asl::parse_definition_document(file, diags);
  if (!root) {
    diags.throw_if_errors();
    throw InternalError("no document and no error for " + file.path);
  }
  if (!is_template(*root)) {
    if (pick.logical_id) {
      diags.error(pick.at, "state_machine applies to a CloudFormation or SAM template, and " + file.path +
                               " is an ASL definition");
      diags.throw_if_errors();
    }
    out.express = express.value_or(false);
    out.machine = asl::load_and_validate(file, *root, out.express, std::move(diags), warnings);
    return out;
  }
  auto def = load_template_definition(file, *root, pick, diags);
  if (!def) {
    diags.sort();
    diags.throw_if_errors();
    throw InternalError("no definition and no error for " + file.path);
  }
  out.files.insert(def->files.begin(), def->files.end());
  out.express = express ? *express : def->express.value_or(false);
  out.machine = asl::load_and_validate(def->text, def->root, out.express, std::move(diags), warnings);
  return out;
}

}  // namespace flowcost::model::templates
