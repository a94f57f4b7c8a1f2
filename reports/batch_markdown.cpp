#include "reports/batch_markdown.h"

#include <ostream>
#include <string>

#include "reports/display_format.h"
#include "reports/markdown_table.h"
#include "reports/run_markdown_writer.h"

namespace flowcost::reports {

void write_batch_markdown(const std::vector<engine::RunReport>& reports, std::ostream& out) {
  out << "# flowcost batch: " << reports.size() << (reports.size() == 1 ? " scenario" : " scenarios") << "\n\n";
  MarkdownTable summary({"scenario", "design", "mean/month", "90% interval", "per execution", "per 1 M events",
                         "saving vs first"},
                        {false, false, true, false, true, true, true});
  for (const auto& r : reports) {
    for (const auto& d : r.designs) {
      std::string saving;
      for (const auto& c : r.comparisons)
        if (c.candidate == d.name) saving = md_cell(display_usd_cents(c.saving_usd.mean));
      const auto& m = d.monthly_cost_usd;
      summary.add_row({md_cell(r.scenario), md_cell(d.name), md_cell(display_usd_cents(m.mean)),
                       md_cell(display_usd_cents(m.p05) + " to " + display_usd_cents(m.p95)),
                       md_cell(display_usd_small(d.per_execution_cost_usd_mean)),
                       md_cell(display_usd_cents(engine::per_million_events_usd(d.per_execution_cost_usd_mean))),
                       saving});
    }
  }
  summary.write(out);
  for (const auto& r : reports) {
    out << "\n---\n\n";
    write_run_markdown(r, out);
  }
}

}  // namespace flowcost::reports
