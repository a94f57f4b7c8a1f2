#include "cli/run_render.h"

#include <ostream>
#include <sstream>

#include "cli/output.h"
#include "reports/batch_markdown.h"
#include "reports/run_csv_writer.h"
#include "reports/run_json_writer.h"
#include "reports/run_markdown_writer.h"
#include "reports/run_report_text.h"
#include "reports/run_table_writer.h"
#include "reports/whatif_markdown.h"
#include "reports/whatif_writers.h"

namespace flowcost::cli {

std::string render_run_report(const engine::RunReport& report, const std::string& format) {
  std::ostringstream out;
  if (format == "csv") reports::write_run_csv(report, out);
  else if (format == "json") reports::write_run_json(report, out);
  else if (format == "md") reports::write_run_markdown(report, out);
  else reports::write_run_table(report, out);
  return out.str();
}

void report_budgets(Context& ctx, const engine::RunReport& report, const std::string& prefix) {
  for (const auto& b : report.budgets) {
    if (b.passed) continue;
    ctx.err << "flowcost: over budget: " << prefix << reports::budget_text(b) << "\n";
    ctx.exit_code = kExitOverBudget;
  }
}

std::string batch_left_out_line(const std::string& scenario_path, const std::string& format) {
  return "flowcost batch: " + scenario_path + " failed; it is left out of the " + (format == "md" ? "report" : "CSV") +
         "\n";
}

void finish_batch(Context& ctx, const std::string& format, const std::string& output,
                  const std::vector<engine::RunReport>& made, std::size_t failed, std::size_t scenarios,
                  const std::vector<std::string>& inputs) {
  std::ostringstream text;
  if (format == "md") {
    reports::write_batch_markdown(made, text);
  } else {
    reports::write_run_csv_header(text);
    for (const auto& r : made) reports::write_run_csv_rows(r, text);
  }
  // With no scenario run there is nothing to report: no output (an existing -o file keeps its bytes).
  if (!made.empty() || scenarios == 0) write_output(output, text.str(), ctx.out, inputs);
  for (const auto& r : made) report_budgets(ctx, r, r.scenario + ": ");
  if (failed > 0) {
    ctx.err << "flowcost batch: " << failed << " of " << scenarios << " scenarios failed\n";
    ctx.exit_code = 1;
  }
}

std::string render_sweep_report(const engine::SweepReport& report, const std::string& format) {
  std::ostringstream out;
  if (format == "csv") reports::write_sweep_csv(report, out);
  else if (format == "json") reports::write_sweep_json(report, out);
  else if (format == "md") reports::write_sweep_markdown(report, out);
  else reports::write_sweep_table(report, out);
  return out.str();
}

}  // namespace flowcost::cli
