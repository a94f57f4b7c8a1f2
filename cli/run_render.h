#pragma once
// What a verb and `merge` of its shards both print (docs/scale-out.md: the merged output is the unsharded
// one): the run report in one of `run`'s formats, the budget lines and exit code, a batch's CSV or
// Markdown with its failure lines, a sweep in one of its formats.
#include <cstddef>
#include <string>
#include <vector>

#include "cli/command.h"
#include "engine/run_report.h"
#include "engine/whatif_report.h"

namespace flowcost::cli {

std::string render_run_report(const engine::RunReport& report, const std::string& format);

// One `flowcost: over budget: PREFIXTEXT` line on standard error per failed budget of `report`, and the exit
// code kExitOverBudget when there is one (`run`: no prefix; `batch`: "SCENARIO: ").
void report_budgets(Context& ctx, const engine::RunReport& report, const std::string& prefix);

// `batch`: what a failed scenario prints after its diagnostics.
std::string batch_left_out_line(const std::string& scenario_path, const std::string& format);

// `batch`'s end: the CSV (header, then each report's rows) or Markdown of the reports made, written to
// `output` (cli/output.h, never over `inputs`); then the budgets of every report, and with `failed` > 0 the
// line "flowcost batch: K of N scenarios failed" and exit code 1.
void finish_batch(Context& ctx, const std::string& format, const std::string& output,
                  const std::vector<engine::RunReport>& made, std::size_t failed, std::size_t scenarios,
                  const std::vector<std::string>& inputs);

std::string render_sweep_report(const engine::SweepReport& report, const std::string& format);

}  // namespace flowcost::cli
