#pragma once
// The result of `flowcost report` (docs/cli.md "report"): everything the design-review page shows, as plain
// data for reports/review_html_writer.h. The run is `flowcost run` with the same options; the tornado and
// the optional sweep are `flowcost tornado` and `flowcost sweep --vary` with them.
#include <optional>
#include <string>
#include <vector>

#include "engine/run_report.h"
#include "engine/whatif_report.h"

namespace flowcost::engine {

// One input of the scenario (`inputs:`, or a `workload:` item with `events_per_month`) as the file gives it.
struct InputReport {
  std::string name;
  std::string section;   // "inputs" | "workload"
  std::string kind;      // "number" | "expression" | "distribution"
  std::string written;   // the value as written in the file, or the `--set` text
  std::string comment;   // the comment that documents it in the file ("" when none)
  std::string location;  // "file:line:col" of its key ("" for a value set on the command line)
  bool set_on_command_line = false;
};

struct ReviewReport {
  RunReport run;
  TornadoReport tornado;
  std::optional<SweepReport> sweep;  // with `--vary`
  std::vector<InputReport> inputs;   // in file order: inputs, then events_per_month, then workload items
  std::string command;               // the `flowcost report` command that reproduces this page
};

}  // namespace flowcost::engine
