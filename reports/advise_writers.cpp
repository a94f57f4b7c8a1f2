#include "reports/advise_writers.h"

#include <cmath>
#include <nlohmann/json.hpp>
#include <ostream>

#include "model/number_format.h"
#include "reports/text_table.h"

namespace flowcost::reports {

namespace {

using Json = nlohmann::ordered_json;

// "$1,234.56", "-$2.62"; no sign on an amount that shows as $0.00.
std::string money(double usd) {
  const std::string digits = model::format_grouped(std::fabs(usd), 2);
  return (usd < 0 && digits != "0.00" ? "-$" : "$") + digits;
}

std::string percent(double p) { return model::format_fixed(100 * p, 1) + "%"; }

struct NamedFinding {
  const char* label;
  const char* key;
  const model::PatternFinding& finding;
};

std::vector<NamedFinding> findings(const model::FlowPatterns& p) {
  return {{"decisions", "decisions", p.decisions},
          {"failure handling", "failure_handling", p.failure_handling},
          {"long running", "long_running", p.long_running}};
}

// "Transcode (Catch States.Timeout -> TranscodeOnBatch); ..." or "none".
std::string evidence_text(const model::PatternFinding& f) {
  if (!f.found()) return "none";
  std::string out;
  for (const auto& e : f.evidence) out += (out.empty() ? "" : "; ") + e.state + " (" + e.why + ")";
  return out;
}

void alternative_cells(const engine::AlternativeAdvice& a, std::vector<std::string>& row) {
  if (a.monthly_cost_usd && a.saving_usd) {
    row.push_back(money(a.monthly_cost_usd->mean));
    row.push_back(money(a.saving_usd->saving_mean));
    row.push_back(money(a.saving_usd->saving_p05) + " to " + money(a.saving_usd->saving_p95));
    row.push_back(percent(a.saving_usd->p_candidate_cheaper));
  } else {
    row.insert(row.end(), {"-", "-", "-", "-"});
  }
}

Json cost_json(const engine::CostStats& c, bool with_p50) {
  Json j;
  j["mean"] = c.mean;
  j["p05"] = c.p05;
  if (with_p50) j["p50"] = c.p50;
  j["p95"] = c.p95;
  return j;
}

}  // namespace

void write_advice_table(const engine::AdviceReport& report, std::ostream& out) {
  out << "flowcost advise: " << report.scenario << " (" << report.draws << " draws x " << report.executions_per_draw
      << " executions, seed " << report.seed << ", prices " << report.prices_name << " "
      << report.prices_effective_date << (report.free_tier ? ", free tier" : "") << ")\n";
  for (const auto& d : report.designs) {
    out << "\n" << d.name << ": " << money(d.monthly_cost_usd.mean) << " a month (90% interval "
        << money(d.monthly_cost_usd.p05) << " to " << money(d.monthly_cost_usd.p95) << ")\n";
    for (const auto& f : findings(d.patterns))
      out << "  " << f.label << ": " << (f.finding.found() ? "yes" : "no") << (f.finding.found() ? ", " : "")
          << (f.finding.found() ? evidence_text(f.finding) : "") << "\n";
    TextTable table;
    table.add_row({"alternative", "allowed", "monthly", "saving", "saving 90% interval", "P(cheaper)"});
    for (const auto& a : d.alternatives) {
      std::vector<std::string> row{a.name, a.allowed ? "yes" : "no"};
      alternative_cells(a, row);
      table.add_row(row);
    }
    out << "\n";
    table.write(out, "  ");
    out << "\n";
    for (const auto& a : d.alternatives) out << "  " << a.name << ": " << a.reason << "\n";
    out << "\n  verdict: " << d.verdict << "\n";
  }
  for (const auto& w : report.warnings) out << "\nwarning: " << w << "\n";
}

void write_advice_markdown(const engine::AdviceReport& report, std::ostream& out) {
  out << "# flowcost advise: " << report.scenario << "\n\n";
  if (!report.title.empty()) out << report.title << "\n\n";
  out << report.draws << " draws x " << report.executions_per_draw << " executions, seed " << report.seed
      << ", prices " << report.prices_name << " (" << report.prices_effective_date << ")"
      << (report.free_tier ? ", free tier" : "") << ".\n";
  for (const auto& d : report.designs) {
    out << "\n## " << d.name << "\n\n";
    out << "Monthly cost " << money(d.monthly_cost_usd.mean) << " (90% interval " << money(d.monthly_cost_usd.p05)
        << " to " << money(d.monthly_cost_usd.p95) << ").\n\n";
    out << "| pattern | found | states |\n|---|---|---|\n";
    for (const auto& f : findings(d.patterns))
      out << "| " << f.label << " | " << (f.finding.found() ? "yes" : "no") << " | " << evidence_text(f.finding)
          << " |\n";
    out << "\n| alternative | allowed | monthly | saving | saving 90% interval | P(cheaper) | reason |\n"
        << "|---|---|---:|---:|---:|---:|---|\n";
    for (const auto& a : d.alternatives) {
      std::vector<std::string> row{a.name, a.allowed ? "yes" : "no"};
      alternative_cells(a, row);
      row.push_back(a.reason);
      out << "|";
      for (const auto& cell : row) out << " " << cell << " |";
      out << "\n";
    }
    out << "\n**Verdict:** " << d.verdict << "\n";
  }
  if (!report.warnings.empty()) {
    out << "\n## Warnings\n\n";
    for (const auto& w : report.warnings) out << "- " << w << "\n";
  }
}

void write_advice_json(const engine::AdviceReport& report, std::ostream& out) {
  Json root;
  root["scenario"] = report.scenario;
  root["title"] = report.title;
  root["seed"] = report.seed;
  root["tool_version"] = report.tool_version;
  root["prices"] = {{"name", report.prices_name}, {"effective_date", report.prices_effective_date}};
  root["free_tier"] = report.free_tier;
  root["draws"] = report.draws;
  root["executions_per_draw"] = report.executions_per_draw;
  Json designs = Json::array();
  for (const auto& d : report.designs) {
    Json jd;
    jd["name"] = d.name;
    jd["monthly_cost_usd"] = cost_json(d.monthly_cost_usd, true);
    Json patterns;
    for (const auto& f : findings(d.patterns)) {
      Json evidence = Json::array();
      for (const auto& e : f.finding.evidence) evidence.push_back({{"state", e.state}, {"why", e.why}});
      patterns[f.key] = {{"found", f.finding.found()}, {"states", f.finding.states()}, {"evidence", evidence}};
    }
    jd["patterns"] = patterns;
    jd["patterns_found"] = d.patterns.count();
    Json alternatives = Json::array();
    for (const auto& a : d.alternatives) {
      Json ja;
      ja["name"] = a.name;
      ja["kind"] = engine::to_string(a.kind);
      ja["allowed"] = a.allowed;
      ja["reason"] = a.reason;
      ja["monthly_cost_usd"] = a.monthly_cost_usd ? cost_json(*a.monthly_cost_usd, false) : Json(nullptr);
      if (a.saving_usd) {
        ja["saving_usd"] = {{"mean", a.saving_usd->saving_mean}, {"p05", a.saving_usd->saving_p05},
                            {"p95", a.saving_usd->saving_p95}};
        ja["p_cheaper"] = a.saving_usd->p_candidate_cheaper;
      } else {
        ja["saving_usd"] = nullptr;
        ja["p_cheaper"] = nullptr;
      }
      alternatives.push_back(ja);
    }
    jd["alternatives"] = alternatives;
    jd["verdict"] = d.verdict;
    designs.push_back(jd);
  }
  root["designs"] = designs;
  root["warnings"] = report.warnings;
  out << root.dump(2) << "\n";
}

}  // namespace flowcost::reports
