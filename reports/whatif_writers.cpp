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
#include "reports/whatif_rows.h"

namespace flowcost::reports {

namespace {

using Json = nlohmann::ordered_json;

Json cost_json(const engine::CostSummary& c) {
  return {{"name", c.design}, {"monthly_cost_usd", {{"mean", c.mean_usd}, {"p05", c.p05_usd}, {"p95", c.p95_usd}}}};
}

void write_rows(const Rows& rows, std::ostream& out) {
  TextTable table;
  for (const auto& row : rows) table.add_row(row);
  table.write(out, "  ");
}

// The calls no total includes and the settings behind the numbers, per design (as run's report lists them).
void write_basis_table(const std::vector<engine::DesignBasis>& basis, std::ostream& out) {
  const std::vector<std::string> unpriced = unpriced_lines(basis);
  if (!unpriced.empty()) {
    out << "\nNot priced (in no cost above):\n";
    for (const auto& line : unpriced) out << "  " << line << "\n";
  }
  if (basis.empty()) return;
  out << "\nAssumptions:\n";
  for (const auto& line : assumption_lines(basis)) out << "  " << line << "\n";
}

}  // namespace

void write_sweep_table(const engine::SweepReport& r, std::ostream& out) {
  out << sweep_heading(r) << "\n\n";
  write_rows(sweep_rows(r), out);
  out << "\n" << break_even_heading(r) << "\n";
  for (const auto& line : break_even_lines(r)) out << "  " << line << "\n";
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
  out << tornado_heading(r) << "\n\nAll inputs at their medians:\n";
  write_rows(tornado_base_rows(r), out);
  out << "\nInputs:\n";
  write_rows(tornado_input_rows(r), out);
  for (const auto& pair : r.pairs) {
    out << "\n" << tornado_pair_heading(pair) << "\n";
    write_rows(tornado_bar_rows(pair), out);
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
