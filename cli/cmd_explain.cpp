// flowcost explain: expected per-state transitions and cost of each Step Functions design, analytically
// (sim/markov/analyze.h), priced at first-tier prices. Wiring only: the engine is in sim/markov, the
// formatting in reports/explain_writers.
#include <algorithm>
#include <memory>
#include <sstream>

#include "cli/command.h"
#include "cli/output.h"
#include "model/diagnostics.h"
#include "model/errors.h"
#include "model/scenario/scenario.h"
#include "model/suggest.h"
#include "pricing/table_loader.h"
#include "reports/explain_writers.h"
#include "sim/markov/analyze.h"
#include "sim/markov/base_values.h"

namespace flowcost::cli {

namespace {

const model::SourceLocation kCommandLine{"flowcost", 0, 0};

struct ExplainOptions {
  std::string scenario_path;
  std::string design;
  std::string prices;
  std::string format = "table";
  std::string output_path;
};

// The first-tier (marginal) price per unit of a meter: the sum over its rate lines.
double first_tier_price_usd(const pricing::PriceTable& table, const std::string& meter, const model::DesignEntry& design) {
  double price = 0;
  bool found = false;
  for (const auto& line : table.lines) {
    if (line.meter != meter || line.tiers.empty()) continue;
    price += line.tiers.front().price_usd / line.per;
    found = true;
  }
  if (!found) {
    std::string message = "design \"" + design.name + "\" uses meter \"" + meter + "\", which price table \"" +
                          table.name + "\" (" + table.path + ") does not price";
    auto gap = table.gaps.find(meter);
    if (gap != table.gaps.end()) message += " (a known gap: " + gap->second + ")";
    throw model::InputError(design.loc, message);
  }
  return price;
}

double priced(const pricing::PriceTable& table, const model::MeterTotals& meters, const model::DesignEntry& design) {
  double cost = 0;
  for (const auto& [meter, quantity] : meters)
    if (quantity != 0) cost += quantity * first_tier_price_usd(table, meter, design);
  return cost;
}

reports::ExplainDesign explain_design(const model::Scenario& scenario, const model::DesignEntry& entry,
                                      const pricing::PriceTable& table, double events_per_month) {
  reports::ExplainDesign out;
  out.name = entry.name;
  if (entry.kind != "step_functions") {
    out.note = "explain covers Step Functions designs; use run";
    return out;
  }
  model::Diagnostics diags;
  const sim::markov::AnalyticResult r = sim::markov::analyze_design(scenario, entry, table.metering, diags);
  diags.throw_if_errors();
  const std::string transitions_meter = "sfn.standard.transitions";
  for (const auto& s : r.states) {
    reports::ExplainStateRow row;
    row.name = s.name;
    row.type = model::asl::to_string(s.type);
    row.depth = s.depth;
    row.visits = s.visits;
    row.transitions = s.transitions;
    row.attempts_per_visit = s.attempts_per_visit;
    row.p_reach = s.p_reach;
    model::MeterTotals meters = s.meters;
    if (!r.express) meters[transitions_meter] += s.transitions;
    row.cost_usd = priced(table, meters, entry);
    out.states.push_back(row);
  }
  out.transitions_per_execution = r.transitions;
  out.p_success = r.p_success;
  out.failures = r.failures;
  out.meters = r.meters;
  out.cost_per_execution_usd = priced(table, r.meters, entry);
  out.events_per_month = events_per_month;
  out.monthly_cost_usd = events_per_month * out.cost_per_execution_usd;
  out.notes = r.notes;
  return out;
}

void run_explain(const ExplainOptions& o, Context& ctx) {
  model::Diagnostics diags;
  const model::Scenario scenario = model::load_scenario(o.scenario_path, {}, diags);
  diags.throw_if_errors();
  std::string table_name = o.prices.empty() ? scenario.prices : o.prices;
  const bool is_path = table_name.find('/') != std::string::npos ||
                       (table_name.size() > 5 && table_name.compare(table_name.size() - 5, 5, ".yaml") == 0);
  if (o.prices.empty() && is_path && table_name.front() != '/' && !scenario.directory.empty())
    table_name = scenario.directory + "/" + table_name;
  const pricing::PriceTable table = pricing::load_price_table(table_name);

  std::vector<std::string> names;
  for (const auto& d : scenario.designs) names.push_back(d.name);
  if (!o.design.empty() && std::find(names.begin(), names.end(), o.design) == names.end())
    throw model::InputError(kCommandLine, model::unknown_name_message("design", o.design, names));

  const double events_per_month = sim::markov::base_inputs(scenario).values.at("events_per_month");
  reports::ExplainReport report;
  report.scenario = scenario.id;
  report.price_table = table.name;
  for (const auto& d : scenario.designs)
    if (o.design.empty() || d.name == o.design) report.designs.push_back(explain_design(scenario, d, table, events_per_month));

  std::ostringstream text;
  if (o.format == "json") reports::write_explain_json(report, text);
  else if (o.format == "csv") reports::write_explain_csv(report, text);
  else reports::write_explain_table(report, text);
  write_output(o.output_path, text.str(), ctx.out, {o.scenario_path, table.path});
}

}  // namespace

void add_explain_command(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("explain", "Expected per-state transitions and cost of Step Functions designs, analytically");
  auto o = std::make_shared<ExplainOptions>();
  cmd->add_option("SCENARIO", o->scenario_path, "scenario file")->required();
  cmd->add_option("--design", o->design, "explain only this design");
  cmd->add_option("--prices", o->prices, "price table: a shipped name or a path (default: the scenario's)");
  cmd->add_option("--format", o->format, "output format")->check(CLI::IsMember({"table", "csv", "json"}));
  cmd->add_option("-o,--output", o->output_path, "write to FILE (atomically) instead of standard output");
  cmd->callback([o, &ctx] { run_explain(*o, ctx); });
}

}  // namespace flowcost::cli
