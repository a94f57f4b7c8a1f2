// CloudFormation / SAM / CDK templates on arbitrary text: JSON when it starts with '{' (then strict JSON
// first), YAML otherwise (with the short-form tags !Sub, !GetAtt, !Ref, !Join). Every state machine of a
// text that reads as a template is extracted (intrinsic functions, DefinitionSubstitutions, positions
// mapped back into the text), loaded and validated as Standard and as Express.
#include <cstddef>
#include <cstdint>

#include "fuzz_util.h"
#include "model/asl/loader.h"
#include "model/asl/validator.h"
#include "model/document.h"
#include "model/errors.h"
#include "model/source_file.h"
#include "model/template/state_machine_resource.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace flowcost::model;
  std::string text = flowcost::fuzz::text_of(data, size);
  const bool json = !text.empty() && text[0] == '{';
  try {
    SourceFile file = make_source_file(json ? "fuzz.template.json" : "fuzz.template.yaml", std::move(text));
    Diagnostics diags;
    auto root = parse_document(file, diags);
    if (!root || !templates::is_template(*root)) return 0;
    for (const auto& id : templates::state_machine_ids(*root)) {
      auto def = templates::load_template_definition(file, *root, {id, root->loc}, diags);
      if (!def) continue;
      for (bool express : {false, true}) {
        auto machine = asl::load_state_machine(def->text, def->root, diags);
        if (machine) asl::validate(*machine, asl::ValidateOptions{express}, diags);
      }
    }
  } catch (const InputError&) {
  }
  return 0;
}
