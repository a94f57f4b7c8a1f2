#include "reports/explain_writers.h"

#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <vector>

#include "model/number_format.h"
#include "reports/csv_text.h"
#include "reports/markdown_table.h"
#include "reports/text_table.h"

namespace flowcost::reports {

namespace {

using Json = nlohmann::ordered_json;

std::string fixed(double value, int digits) { return model::format_fixed(value, digits); }

// Per-execution amounts are small: 8 decimals below $1; monthly amounts in cents.
std::string usd(double value) { return "$" + fixed(value, value != 0 && value < 1 ? 8 : 2); }

std::string cents(double value) { return "$" + fixed(value, 2); }

// 4 decimals, or 3 significant digits for a probability below 0.0001 that is not 0.
std::string probability(double p) {
  if (p > 0 && p < 1e-4) return model::format_significant(p, 3);
  return fixed(p, 4);
}

std::string explain_heading(const engine::ExplainReport& report) {
  return "flowcost explain: " + report.scenario + " (analytic, at the base inputs; prices: " + report.price_table +
         ", first-tier price per unit, no free tier)";
}

std::vector<std::vector<std::string>> explain_state_rows(const engine::ExplainDesign& d) {
  std::vector<std::vector<std::string>> rows{
      {"state", "type", "visits", "transitions", "attempts", "P(reach)", "cost/execution"}};
  for (const auto& s : d.states)
    rows.push_back({std::string(2 * s.depth, ' ') + s.name, s.type, fixed(s.visits, 4), fixed(s.transitions, 4),
                    fixed(s.attempts_per_visit, 4), fixed(s.p_reach, 4), usd(s.cost_usd)});
  return rows;
}

std::vector<std::string> explain_summary_lines(const engine::ExplainDesign& d) {
  std::vector<std::string> out;
  out.push_back("expected transitions per execution: " + fixed(d.transitions_per_execution, 4));
  std::string success = "P(succeed): " + fixed(d.p_success, 4);
  for (const auto& [error, p] : d.failures) success += "; P(fail " + error + "): " + probability(p);
  out.push_back(success);
  out.push_back("expected cost per execution: " + usd(d.cost_per_execution_usd));
  out.push_back("expected monthly cost: " + fixed(d.events_per_month, 0) + " executions x " +
                usd(d.cost_per_execution_usd) + " = " + cents(d.monthly_cost_usd) +
                " (first-tier prices, no free tier; `run` applies tiers)");
  for (const auto& n : d.notes) out.push_back("note: " + n);
  return out;
}

}  // namespace

void write_explain_table(const engine::ExplainReport& report, std::ostream& out) {
  out << explain_heading(report) << "\n";
  for (const auto& d : report.designs) {
    out << "\n" << d.name << "\n";
    if (!d.note.empty()) {
      out << "  note: " << d.note << "\n";
      continue;
    }
    TextTable table;
    for (const auto& row : explain_state_rows(d)) table.add_row(row);
    table.write(out, "  ");
    for (const auto& line : explain_summary_lines(d)) out << "  " << line << "\n";
  }
}

void write_explain_markdown(const engine::ExplainReport& report, std::ostream& out) {
  out << "# " << md_cell(explain_heading(report)) << "\n";
  for (const auto& d : report.designs) {
    out << "\n## " << md_cell(d.name) << "\n\n";
    if (!d.note.empty()) {
      out << "Note: " << md_cell(d.note) << "\n";
      continue;
    }
    const auto rows = explain_state_rows(d);
    std::vector<std::string> header;
    for (const auto& h : rows.front()) header.push_back(md_cell(h));
    MarkdownTable table(header, {false, false, true, true, true, true, true});
    for (std::size_t i = 1; i < rows.size(); ++i) {
      // Nesting shown by indenting the state name with no-break spaces (Markdown trims plain ones).
      const auto& state = d.states[i - 1];
      std::string indent;
      for (unsigned k = 0; k < 2 * state.depth; ++k) indent += "\u00a0";
      std::vector<std::string> cells{indent + md_cell(state.name)};
      for (std::size_t c = 1; c < rows[i].size(); ++c) cells.push_back(md_cell(rows[i][c]));
      table.add_row(cells);
    }
    table.write(out);
    out << "\n";
    for (const auto& line : explain_summary_lines(d)) out << "- " << md_cell(line) << "\n";
  }
}

void write_explain_csv(const engine::ExplainReport& report, std::ostream& out) {
  write_csv_record(out, {"design", "state", "type", "depth", "visits", "transitions", "attempts_per_visit", "p_reach",
                         "cost_per_execution_usd"});
  for (const auto& d : report.designs)
    for (const auto& s : d.states)
      write_csv_record(out, {csv_field(d.name), csv_field(s.name), csv_field(s.type), csv_number(s.depth),
                             csv_number(s.visits), csv_number(s.transitions), csv_number(s.attempts_per_visit),
                             csv_number(s.p_reach), csv_number(s.cost_usd)});
}

void write_explain_json(const engine::ExplainReport& report, std::ostream& out) {
  Json root;
  root["scenario"] = report.scenario;
  root["price_table"] = report.price_table;
  root["pricing"] = "first-tier price per unit, no free tier";
  Json designs = Json::array();
  for (const auto& d : report.designs) {
    Json jd;
    jd["name"] = d.name;
    if (!d.note.empty()) {
      jd["note"] = d.note;
      designs.push_back(jd);
      continue;
    }
    Json states = Json::array();
    for (const auto& s : d.states)
      states.push_back({{"name", s.name}, {"type", s.type}, {"depth", s.depth}, {"visits", s.visits},
                        {"transitions", s.transitions}, {"attempts_per_visit", s.attempts_per_visit},
                        {"p_reach", s.p_reach}, {"cost_per_execution_usd", s.cost_usd}});
    jd["states"] = states;
    jd["transitions_per_execution"] = d.transitions_per_execution;
    jd["p_success"] = d.p_success;
    jd["failures"] = d.failures;
    jd["meters_per_execution"] = d.meters;
    jd["cost_per_execution_usd"] = d.cost_per_execution_usd;
    jd["events_per_month"] = d.events_per_month;
    jd["monthly_cost_usd"] = d.monthly_cost_usd;
    jd["notes"] = d.notes;
    designs.push_back(jd);
  }
  root["designs"] = designs;
  out << root.dump(2) << "\n";
}

}  // namespace flowcost::reports
