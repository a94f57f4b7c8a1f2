#include "cli/run_render.h"

#include <sstream>

#include "reports/run_csv_writer.h"
#include "reports/run_json_writer.h"
#include "reports/run_markdown_writer.h"
#include "reports/run_table_writer.h"

namespace flowcost::cli {

std::string render_run_report(const engine::RunReport& report, const std::string& format) {
  std::ostringstream out;
  if (format == "csv") reports::write_run_csv(report, out);
  else if (format == "json") reports::write_run_json(report, out);
  else if (format == "md") reports::write_run_markdown(report, out);
  else reports::write_run_table(report, out);
  return out.str();
}

}  // namespace flowcost::cli
