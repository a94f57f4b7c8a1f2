#include "reports/per_draw_csv_writer.h"

#include <ostream>
#include <string>

#include "reports/csv_text.h"

namespace flowcost::reports {

void write_per_draw_csv(const engine::RunReport& report, std::ostream& out) {
  write_csv_record(out, {"scenario", "design", "draw", "row", "meter", "label", "usd"});
  const std::string scenario = csv_field(report.scenario);
  for (const auto& d : report.designs) {
    const std::string design = csv_field(d.name);
    for (std::size_t i = 0; i < d.draw_cost_usd.size(); ++i) {
      const std::string draw = std::to_string(i);
      write_csv_record(out, {scenario, design, draw, "total", "", "", csv_number(d.draw_cost_usd[i])});
      for (const auto& line : d.lines) {
        if (i >= line.draw_cost_usd.size()) continue;
        write_csv_record(out, {scenario, design, draw, "line", csv_field(line.meter), csv_field(line.line),
                               csv_number(line.draw_cost_usd[i])});
      }
    }
  }
  for (const auto& c : report.comparisons) {
    const std::string candidate = csv_field(c.candidate);
    const std::string baseline = csv_field(c.baseline);
    for (std::size_t i = 0; i < c.draw_saving_usd.size(); ++i)
      write_csv_record(out, {scenario, candidate, std::to_string(i), "saving", "", baseline,
                             csv_number(c.draw_saving_usd[i])});
  }
}

}  // namespace flowcost::reports
