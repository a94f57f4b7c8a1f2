#include "engine/explain.h"

#include <algorithm>
#include <vector>

#include "engine/scenario_prices.h"
#include "model/diagnostic_text.h"
#include "model/diagnostics.h"
#include "model/errors.h"
#include "model/scenario/scenario.h"
#include "model/suggest.h"
#include "model/unpriced_call.h"
#include "pricing/borrowed_prices.h"
#include "sim/markov/analyze.h"
#include "sim/markov/base_values.h"

namespace flowcost::engine {

namespace {

const model::SourceLocation kCommandLine{"flowcost", 0, 0};

// The first-tier (marginal) price per unit of a meter: the sum over its rate lines.
double first_tier_price_usd(const pricing::PriceTable& table, const std::string& meter, const model::DesignEntry& design) {
  double price = 0;
  bool found = false;
  for (const auto& line : table.lines) {
    if (line.meter != meter || line.tiers.empty()) continue;
    price += line.tiers.front().price_usd / line.per;
    found = true;
  }
  if (!found) throw model::InputError(design.loc, unpriced_meters_message(design.name, {meter}, table));
  return price;
}

double priced(const pricing::PriceTable& table, const model::MeterTotals& meters, const model::DesignEntry& design) {
  double cost = 0;
  for (const auto& [meter, quantity] : meters)
    if (quantity != 0) cost += quantity * first_tier_price_usd(table, meter, design);
  return cost;
}

ExplainDesign explain_design(const model::Scenario& scenario, const model::DesignEntry& entry,
                             const pricing::PriceTable& table, double events_per_month, bool strict,
                             model::Diagnostics& warnings) {
  ExplainDesign out;
  out.name = entry.name;
  if (entry.kind != "step_functions") {
    out.note = "explain covers Step Functions designs; use run";
    return out;
  }
  model::Diagnostics diags;
  for (const auto& d : entry.diagnostics) diags.add(d);  // its loader's warnings (errors stopped the load)
  const sim::markov::AnalyticResult r = sim::markov::analyze_design(scenario, entry, table.metering, diags);
  model::report_unpriced(entry.name, entry.loc, r.unpriced, strict, diags);
  diags.throw_if_errors();
  warnings.append(diags);
  const std::string transitions_meter = "sfn.standard.transitions";
  std::vector<std::string> unpriced;  // every meter the table lacks, in one message
  model::MeterTotals used = r.meters;
  if (!r.express) used[transitions_meter] += r.transitions;
  for (const auto& [meter, quantity] : used)
    if (quantity != 0 && !table.has_meter(meter)) unpriced.push_back(meter);
  if (!unpriced.empty()) throw model::InputError(entry.loc, unpriced_meters_message(entry.name, unpriced, table));
  for (const auto& s : r.states) {
    ExplainStateRow row;
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
  // A meter priced with another table's figure (the table's assumed:), as every report lists it.
  for (const auto& [meter, quantity] : used)
    if (auto b = table.assumed.find(meter); quantity != 0 && b != table.assumed.end())
      out.notes.push_back(pricing::borrowed_price_note(table, meter, b->second));
  return out;
}

}  // namespace

ExplainRun explain_scenario(const ExplainRequest& request) {
  model::Diagnostics diags;
  const model::Scenario scenario = model::load_scenario(request.scenario_path, {}, diags);
  diags.throw_if_errors();
  ExplainRun out;
  pricing::PriceTable table = load_scenario_price_table(scenario, request.prices);
  if (request.strict_prices) table = pricing::without_borrowed_prices(std::move(table));
  out.table_path = table.path;
  for (const auto& [path, sha] : pricing::table_files(table)) out.input_paths.push_back(path);
  for (const auto& [path, sha256] : scenario.input_file_hashes) out.input_paths.push_back(path);

  std::vector<std::string> names;
  for (const auto& d : scenario.designs) names.push_back(d.name);
  if (request.design && std::find(names.begin(), names.end(), *request.design) == names.end())
    throw model::InputError(kCommandLine, model::unknown_name_message("design", *request.design, names));

  const double events_per_month = sim::markov::base_inputs(scenario).values.at("events_per_month");
  out.report.scenario = scenario.id;
  out.report.price_table = table.name;
  model::Diagnostics warnings;
  for (const auto& d : scenario.designs)
    if (!request.design || d.name == *request.design)
      out.report.designs.push_back(explain_design(scenario, d, table, events_per_month, request.strict, warnings));
  warnings.sort();
  model::remove_repeats(warnings);
  out.warnings = warnings.items();
  return out;
}

}  // namespace flowcost::engine
