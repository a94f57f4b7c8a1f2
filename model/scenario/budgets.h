#pragma once
// Budgets: a limit on a design's mean monthly cost in USD, from the scenario's `budgets:` section
// (docs/scenario-format.md "budgets") or `run --fail-above DESIGN=USD` (docs/cli.md "run"). A run whose
// design's mean monthly cost exceeds its budget exits with code 3 after writing its report.
#include <string>
#include <utility>
#include <vector>

#include "model/diagnostics.h"
#include "model/document.h"
#include "model/source_location.h"

namespace flowcost::model {

struct Budget {
  std::string design;
  double limit_usd = 0;
  SourceLocation loc;  // the design name's position (the key in `budgets:`, or "--fail-above")
  bool from_command_line = false;  // `--fail-above`, not the scenario's `budgets:`
};

// `budgets:` as a mapping DESIGN: USD (a finite number >= 0). Each problem goes to `diags` at its position;
// a design name that is not in `design_names` is an error with a did-you-mean.
std::vector<Budget> parse_budgets(const Node& node, const std::vector<std::string>& design_names, Diagnostics& diags);

// `--fail-above` items "DESIGN=USD" (as typed): errors at "--fail-above" for an item without '=', a
// value that is not a finite number >= 0, or a design not in `design_names` (with a did-you-mean).
std::vector<Budget> parse_fail_above(const std::vector<std::string>& items, const std::vector<std::string>& design_names,
                                     Diagnostics& diags);

}  // namespace flowcost::model
