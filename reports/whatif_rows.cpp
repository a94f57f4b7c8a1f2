#include "reports/whatif_rows.h"

#include "model/number_format.h"
#include "model/unpriced_call.h"
#include "reports/display_format.h"
#include "reports/run_report_text.h"
#include "reports/whatif_writers.h"

namespace flowcost::reports {

namespace {

std::string value_text(double v) { return model::format_shortest(v); }

}  // namespace

std::string sweep_heading(const engine::SweepReport& r) {
  return "Sweep of " + r.input + " from " + value_text(r.from) + " to " + value_text(r.to) + " (" + r.scale + ", " +
         std::to_string(r.points.size()) + " points), scenario " + r.scenario + ", seed " + std::to_string(r.seed) +
         ", " + std::to_string(r.draws) + " draws x " + std::to_string(r.executions_per_draw) +
         " executions per point";
}

Rows sweep_rows(const engine::SweepReport& r) {
  Rows rows;
  std::vector<std::string> header{r.input};
  if (!r.points.empty()) {
    for (const auto& d : r.points.front().designs) header.push_back(d.design + " $/month");
    for (const auto& c : r.points.front().comparisons) header.push_back("saving " + c.candidate);
  }
  rows.push_back(header);
  for (const auto& p : r.points) {
    std::vector<std::string> row{display_quantity(p.value)};
    for (const auto& d : p.designs) row.push_back(display_usd(d.mean_usd));
    for (const auto& c : p.comparisons) row.push_back(display_usd(c.saving_usd_mean));
    rows.push_back(row);
  }
  return rows;
}

std::string break_even_heading(const engine::SweepReport& r) {
  return "Break-even (saving = " +
         (r.points.empty() || r.points.front().designs.empty() ? std::string("baseline")
                                                                : r.points.front().designs.front().design) +
         " cost - candidate cost):";
}

std::vector<std::string> break_even_lines(const engine::SweepReport& r) {
  std::vector<std::string> out;
  for (const auto& b : r.break_even) out.push_back(break_even_text(b, r.input));
  for (const auto& c : r.without_break_even) out.push_back(no_break_even_text(c));
  return out;
}

std::string tornado_heading(const engine::TornadoReport& r) {
  return "Tornado of scenario " + r.scenario +
         ": each uncertain input at its 5th and 95th percentile, every other input at its median; seed " +
         std::to_string(r.seed) + ", " + std::to_string(r.draws) + " draws x " + std::to_string(r.executions_per_draw) +
         " executions per run";
}

Rows tornado_base_rows(const engine::TornadoReport& r) {
  Rows rows{{"design", "mean $/month"}};
  for (const auto& c : r.base) rows.push_back({c.design, display_usd(c.mean_usd)});
  return rows;
}

Rows tornado_input_rows(const engine::TornadoReport& r) {
  Rows rows;
  std::vector<std::string> header{"input", "p05", "median", "p95"};
  if (!r.inputs.empty())
    for (const auto& d : r.inputs.front().designs) header.push_back(d.design + " low - high");
  rows.push_back(header);
  for (const auto& in : r.inputs) {
    std::vector<std::string> row{in.name, display_quantity(in.p05), display_quantity(in.p50), display_quantity(in.p95)};
    for (const auto& d : in.designs) row.push_back(display_usd(d.low_usd) + " - " + display_usd(d.high_usd));
    rows.push_back(row);
  }
  return rows;
}

std::string tornado_pair_heading(const engine::TornadoPair& pair) {
  return "Saving of " + pair.candidate + " vs " + pair.baseline + " (base " + display_usd(pair.base_saving_usd) +
         "), by swing:";
}

Rows tornado_bar_rows(const engine::TornadoPair& pair) {
  Rows rows{{"input", "saving at p05", "saving at p95", "swing", "flips"}};
  for (const auto& b : pair.bars)
    rows.push_back({b.input, display_usd(b.saving_low_usd), display_usd(b.saving_high_usd), display_usd(b.swing_usd),
                    b.flips ? "yes" : "no"});
  return rows;
}

std::vector<std::string> unpriced_lines(const std::vector<engine::DesignBasis>& basis) {
  std::vector<std::string> out;
  for (const auto& b : basis)
    for (const auto& u : b.unpriced) out.push_back(b.design + ": " + model::describe(u));
  return out;
}

std::vector<std::string> assumption_lines(const std::vector<engine::DesignBasis>& basis) {
  std::vector<std::string> out;
  for (const auto& b : basis)
    for (const auto& [source, settings] : assumptions_by_source(b.assumptions))
      out.push_back(b.design + " (" + source + "): " + settings);
  return out;
}

}  // namespace flowcost::reports
