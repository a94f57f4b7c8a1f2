#include "reports/whatif_writers.h"

#include <cmath>
#include <nlohmann/json.hpp>
#include <ostream>

#include "model/number_format.h"
#include "model/units.h"
#include "model/unpriced_call.h"
#include "reports/basis_json.h"
#include "reports/csv_text.h"
#include "reports/display_format.h"
#include "reports/run_report_text.h"
#include "reports/text_table.h"

namespace flowcost::reports {

namespace {

using Json = nlohmann::ordered_json;

Json cost_json(const engine::CostSummary& c) {
  return {{"name", c.design}, {"monthly_cost_usd", {{"mean", c.mean_usd}, {"p05", c.p05_usd}, {"p95", c.p95_usd}}}};
}

std::string value_text(double v) { return model::format_shortest(v); }

// The calls no total includes and the settings behind the numbers, per design (as run's report lists them).
void write_basis_table(const std::vector<engine::DesignBasis>& basis, std::ostream& out) {
  bool any_unpriced = false;
  for (const auto& b : basis) any_unpriced = any_unpriced || !b.unpriced.empty();
  if (any_unpriced) {
    out << "\nNot priced (in no cost above):\n";
    for (const auto& b : basis)
      for (const auto& u : b.unpriced) out << "  " << b.design << ": " << model::describe(u) << "\n";
  }
  if (basis.empty()) return;
  out << "\nAssumptions:\n";
  for (const auto& b : basis)
    for (const auto& [source, settings] : assumptions_by_source(b.assumptions))
      out << "  " << b.design << " (" << source << "): " << settings << "\n";
}

}  // namespace

void write_sweep_table(const engine::SweepReport& r, std::ostream& out) {
  out << "Sweep of " << r.input << " from " << value_text(r.from) << " to " << value_text(r.to) << " (" << r.scale
      << ", " << r.points.size() << " points), scenario " << r.scenario << ", seed " << r.seed << ", " << r.draws
      << " draws x " << r.executions_per_draw << " executions per point\n\n";
  TextTable table;
  std::vector<std::string> header{r.input};
  if (!r.points.empty()) {
    for (const auto& d : r.points.front().designs) header.push_back(d.design + " $/month");
    for (const auto& c : r.points.front().comparisons) header.push_back("saving " + c.candidate);
  }
  table.add_row(header);
  for (const auto& p : r.points) {
    std::vector<std::string> row{display_quantity(p.value)};
    for (const auto& d : p.designs) row.push_back(display_usd(d.mean_usd));
    for (const auto& c : p.comparisons) row.push_back(display_usd(c.saving_usd_mean));
    table.add_row(row);
  }
  table.write(out, "  ");
  out << "\nBreak-even (saving = " << (r.points.empty() || r.points.front().designs.empty()
                                          ? std::string("baseline")
                                          : r.points.front().designs.front().design)
      << " cost - candidate cost):\n";
  for (const auto& b : r.break_even) {
    out << "  " << b.candidate << " vs " << b.baseline << ": " << r.input << " = " << display_quantity(b.value)
        << " (bracket " << display_quantity(b.bracket_lo) << " - " << display_quantity(b.bracket_hi) << ", "
        << b.extra_runs << " extra runs); " << b.candidate << " is cheaper "
        << (b.candidate_cheaper_above ? "above" : "below") << " it\n";
  }
  for (const auto& c : r.without_break_even) {
    out << "  " << c.candidate << " vs " << c.baseline << ": no break-even in the range (" << c.candidate
        << (c.saving_usd_mean > 0 ? " is cheaper" : c.saving_usd_mean < 0 ? " costs more" : " costs the same")
        << " throughout)\n";
  }
  write_basis_table(r.basis, out);
}

void write_sweep_csv(const engine::SweepReport& r, std::ostream& out) {
  write_csv_record(out, {"point", "input", "value", "design", "cost_usd_mean", "cost_usd_p05", "cost_usd_p95",
                         "saving_usd_mean"});
  for (std::size_t i = 0; i < r.points.size(); ++i) {
    const auto& p = r.points[i];
    for (std::size_t d = 0; d < p.designs.size(); ++d) {
      const auto& c = p.designs[d];
      std::optional<double> saving;
      for (const auto& s : p.comparisons)
        if (s.candidate == c.design) saving = s.saving_usd_mean;
      write_csv_record(out, {std::to_string(i + 1), csv_field(r.input), csv_number(p.value), csv_field(c.design),
                             csv_number(c.mean_usd), csv_number(c.p05_usd), csv_number(c.p95_usd),
                             csv_number(saving)});
    }
  }
}

void write_sweep_json(const engine::SweepReport& r, std::ostream& out) {
  Json j;
  j["scenario"] = r.scenario;
  j["seed"] = r.seed;
  j["draws"] = r.draws;
  j["executions_per_draw"] = r.executions_per_draw;
  j["vary"] = {{"name", r.input}, {"from", r.from}, {"to", r.to}, {"scale", r.scale}, {"points", r.points.size()}};
  Json points = Json::array();
  for (const auto& p : r.points) {
    Json designs = Json::array();
    for (const auto& c : p.designs) designs.push_back(cost_json(c));
    Json comparisons = Json::array();
    for (const auto& c : p.comparisons)
      comparisons.push_back({{"baseline", c.baseline}, {"candidate", c.candidate}, {"saving_usd_mean", c.saving_usd_mean}});
    points.push_back({{"value", p.value}, {"designs", designs}, {"comparisons", comparisons}});
  }
  j["points"] = points;
  Json found = Json::array();
  for (const auto& b : r.break_even)
    found.push_back({{"baseline", b.baseline},
                     {"candidate", b.candidate},
                     {"value", b.value},
                     {"bracket", {b.bracket_lo, b.bracket_hi}},
                     {"extra_runs", b.extra_runs},
                     {"candidate_cheaper", b.candidate_cheaper_above ? "above" : "below"}});
  j["break_even"] = found;
  Json none = Json::array();
  for (const auto& c : r.without_break_even) none.push_back({{"baseline", c.baseline}, {"candidate", c.candidate}});
  j["no_break_even"] = none;
  j["designs"] = basis_json(r.basis);
  out << j.dump(2) << "\n";
}

void write_tornado_table(const engine::TornadoReport& r, std::ostream& out) {
  out << "Tornado of scenario " << r.scenario << ": each uncertain input at its 5th and 95th percentile, every other "
      << "input at its median; seed " << r.seed << ", " << r.draws << " draws x " << r.executions_per_draw
      << " executions per run\n\nAll inputs at their medians:\n";
  TextTable base;
  base.add_row({"design", "mean $/month"});
  for (const auto& c : r.base) base.add_row({c.design, display_usd(c.mean_usd)});
  base.write(out, "  ");
  out << "\nInputs:\n";
  TextTable inputs;
  std::vector<std::string> header{"input", "p05", "median", "p95"};
  if (!r.inputs.empty())
    for (const auto& d : r.inputs.front().designs) header.push_back(d.design + " low - high");
  inputs.add_row(header);
  for (const auto& in : r.inputs) {
    std::vector<std::string> row{in.name, display_quantity(in.p05), display_quantity(in.p50), display_quantity(in.p95)};
    for (const auto& d : in.designs) row.push_back(display_usd(d.low_usd) + " - " + display_usd(d.high_usd));
    inputs.add_row(row);
  }
  inputs.write(out, "  ");
  for (const auto& pair : r.pairs) {
    out << "\nSaving of " << pair.candidate << " vs " << pair.baseline << " (base " << display_usd(pair.base_saving_usd)
        << "), by swing:\n";
    TextTable bars;
    bars.add_row({"input", "saving at p05", "saving at p95", "swing", "flips"});
    for (const auto& b : pair.bars)
      bars.add_row({b.input, display_usd(b.saving_low_usd), display_usd(b.saving_high_usd), display_usd(b.swing_usd),
                    b.flips ? "yes" : "no"});
    bars.write(out, "  ");
    out << "  " << tornado_sentence(pair) << "\n";
  }
  write_basis_table(r.basis, out);
}

void write_tornado_csv(const engine::TornadoReport& r, std::ostream& out) {
  write_csv_record(out, {"input", "p05", "p50", "p95", "design", "cost_usd_low", "cost_usd_high", "baseline",
                         "saving_usd_low", "saving_usd_high", "swing_usd"});
  for (const auto& in : r.inputs) {
    for (const auto& d : in.designs) {
      const engine::TornadoBar* bar = nullptr;
      std::string baseline;
      for (const auto& pair : r.pairs) {
        if (pair.candidate != d.design) continue;
        baseline = pair.baseline;
        for (const auto& b : pair.bars)
          if (b.input == in.name) bar = &b;
      }
      write_csv_record(out, {csv_field(in.name), csv_number(in.p05), csv_number(in.p50), csv_number(in.p95),
                             csv_field(d.design), csv_number(d.low_usd), csv_number(d.high_usd), csv_field(baseline),
                             csv_number(bar ? std::optional<double>(bar->saving_low_usd) : std::nullopt),
                             csv_number(bar ? std::optional<double>(bar->saving_high_usd) : std::nullopt),
                             csv_number(bar ? std::optional<double>(bar->swing_usd) : std::nullopt)});
    }
  }
}

void write_tornado_json(const engine::TornadoReport& r, std::ostream& out) {
  Json j;
  j["scenario"] = r.scenario;
  j["seed"] = r.seed;
  j["draws"] = r.draws;
  j["executions_per_draw"] = r.executions_per_draw;
  Json base = Json::array();
  for (const auto& c : r.base) base.push_back(cost_json(c));
  j["base"] = {{"designs", base}};
  Json inputs = Json::array();
  for (const auto& in : r.inputs) {
    Json designs = Json::array();
    for (const auto& d : in.designs)
      designs.push_back({{"name", d.design}, {"cost_usd_low", d.low_usd}, {"cost_usd_high", d.high_usd}});
    inputs.push_back({{"name", in.name}, {"p05", in.p05}, {"p50", in.p50}, {"p95", in.p95}, {"designs", designs}});
  }
  j["inputs"] = inputs;
  Json pairs = Json::array();
  for (const auto& pair : r.pairs) {
    Json bars = Json::array();
    for (const auto& b : pair.bars)
      bars.push_back({{"input", b.input},
                      {"saving_usd_low", b.saving_low_usd},
                      {"saving_usd_high", b.saving_high_usd},
                      {"swing_usd", b.swing_usd},
                      {"flips", b.flips}});
    pairs.push_back({{"baseline", pair.baseline},
                     {"candidate", pair.candidate},
                     {"base_saving_usd", pair.base_saving_usd},
                     {"bars", bars},
                     {"summary", tornado_sentence(pair)}});
  }
  j["comparisons"] = pairs;
  j["designs"] = basis_json(r.basis);
  out << j.dump(2) << "\n";
}

}  // namespace flowcost::reports
