// `flowcost validate [--express] FILE...`: checks ASL definitions (JSON or YAML), CloudFormation / SAM /
// CDK templates (every state machine in them) and scenario files.
// Diagnostics (sorted by position, with the source line and a caret) go to stderr; one `FILE: valid`
// line per valid file goes to stdout. Exit 1 when any file has an error.
#include <memory>
#include <variant>
#include <vector>

#include "cli/command.h"
#include "cli/diagnostic_printer.h"
#include "model/asl/definition_document.h"
#include "model/asl/loader.h"
#include "model/asl/validator.h"
#include "model/diagnostic_text.h"
#include "model/document.h"
#include "model/errors.h"
#include "model/metering.h"
#include "model/scenario/scenario.h"
#include "model/template/state_machine_resource.h"
#include "sim/design_factory.h"

namespace flowcost::cli {

namespace {

// The scenario's common sections, then every design built as `run` builds it: a step_functions design
// loads and validates its ASL definition with the design's workflow type (express: .sync and
// .waitForTaskToken are errors), an iot_rules design checks its rules and actions; then each design's own
// warnings and its calls that flowcost does not price (sim::add_design_diagnostics). The metering rules do
// not change what is checked; the defaults stand in for the price table.
void validate_scenario_file(const std::string& path, model::Diagnostics& diags) {
  model::Scenario scenario = model::load_scenario(path, {}, diags);
  if (diags.has_errors()) return;  // designs refer to inputs that did not load
  auto simulators = sim::make_design_simulators(scenario, model::MeteringRules{}, diags);
  model::remove_repeats(diags);  // a design that another design starts is compiled twice
  if (!diags.has_errors()) sim::add_design_diagnostics(scenario, simulators, false, diags);
}

void validate_state_machine(const model::SourceFile& file, const model::Node& root, bool express,
                            model::Diagnostics& diags) {
  auto machine = model::asl::load_state_machine(file, root, diags);
  if (machine) model::asl::validate(*machine, model::asl::ValidateOptions{express}, diags);
}

// Every state machine of a CloudFormation / SAM / CDK template, each as its Type / StateMachineType says
// (EXPRESS when --express is given).
void validate_template(const model::SourceFile& file, const model::Node& root, bool express,
                       model::Diagnostics& diags) {
  namespace t = model::templates;
  std::vector<std::string> ids = t::state_machine_ids(root);
  if (ids.empty()) {
    t::load_template_definition(file, root, {}, diags);  // reports that there is none
    return;
  }
  for (const auto& id : ids) {
    auto def = t::load_template_definition(file, root, {id, root.loc}, diags);
    if (def) validate_state_machine(def->text, def->root, express || def->express.value_or(false), diags);
  }
}

// Checks one file; every problem goes to `diags`.
void validate_file(const std::string& path, bool express, model::Diagnostics& diags) {
  try {
    model::SourceFile file = model::read_source_file(path);
    model::Diagnostics parse_diags;  // the scenario loader parses again and reports these itself
    auto root = model::asl::parse_definition_document(file, parse_diags);
    if (root && model::looks_like_scenario(*root)) {
      validate_scenario_file(path, diags);
      return;
    }
    diags.append(parse_diags);
    if (!root) return;
    if (model::asl::looks_like_state_machine(*root)) {
      validate_state_machine(file, *root, express, diags);
    } else if (model::templates::is_template(*root)) {
      validate_template(file, *root, express, diags);
    } else {
      diags.error({path, root->loc.line, root->loc.column},
                  "neither an ASL definition (no \"StartAt\" or \"States\"), a CloudFormation or SAM template "
                  "(no \"Resources\") nor a flowcost scenario (no \"scenario:\" key)");
    }
  } catch (const model::InputError& e) {
    for (const auto& d : e.diagnostics()) diags.add(d);
  }
}

}  // namespace

void add_validate_command(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("validate", "Check ASL definitions (.json/.yaml), CloudFormation/SAM/CDK templates or scenarios; print diagnostics");
  auto files = std::make_shared<std::vector<std::string>>();
  auto express = std::make_shared<bool>(false);
  cmd->add_flag("--express", *express,
                "treat ASL definitions (and every state machine of a template) as EXPRESS (.sync and .waitForTaskToken are errors)");
  cmd->add_option("FILE", *files, "files to check")->required();
  cmd->callback([&ctx, files, express] {
    for (const auto& path : *files) {
      model::Diagnostics diags;
      validate_file(path, *express, diags);
      diags.sort();
      print_diagnostics(ctx.err, diags.items());
      if (diags.has_errors()) ctx.exit_code = 1;
      else ctx.out << path << ": valid\n";
    }
  });
}

}  // namespace flowcost::cli
