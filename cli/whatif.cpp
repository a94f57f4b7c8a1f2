#include "cli/whatif.h"

#include <algorithm>

#include "model/errors.h"
#include "model/suggest.h"
#include "model/units.h"

namespace flowcost::cli {

namespace {

const model::SourceLocation kVary{"--vary", 0, 0};
constexpr std::size_t kMaxPoints = 101;

std::vector<std::string> split(const std::string& text, char sep) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  for (std::size_t at = text.find(sep); at != std::string::npos; at = text.find(sep, start)) {
    parts.push_back(text.substr(start, at - start));
    start = at + 1;
  }
  parts.push_back(text.substr(start));
  return parts;
}

std::optional<double> read_end(const std::string& text, const char* which, model::Diagnostics& diags) {
  std::string why;
  auto v = model::parse_quantity(text, model::Dimension::none, &why);
  if (!v) diags.error(kVary, std::string(which) + " \"" + text + "\" is not a number" + (why.empty() ? "" : ": " + why));
  return v;
}

void read_option(const std::string& item, VarySpec& spec, model::Diagnostics& diags) {
  if (item == "log") {
    spec.scale = sim::GridScale::log;
    return;
  }
  if (item == "linear") {
    spec.scale = sim::GridScale::linear;
    return;
  }
  double n = 0;
  if (!item.empty() && model::scan_number(item, n) == item.size() && n == static_cast<double>(static_cast<long>(n)) &&
      n >= 2 && n <= static_cast<double>(kMaxPoints)) {
    spec.points = static_cast<std::size_t>(n);
    return;
  }
  diags.error(kVary, "\"" + item + "\" after ':' must be log, linear or a number of points from 2 to " +
                         std::to_string(kMaxPoints));
}

}  // namespace

VarySpec parse_vary(const std::string& text) {
  const std::string usage = " (expected NAME=FROM..TO[:log][:N], e.g. devices=1000..20000:log:7)";
  VarySpec spec;
  model::Diagnostics diags;
  auto eq = text.find('=');
  if (eq == std::string::npos || eq == 0) throw model::InputError(kVary, "\"" + text + "\" has no NAME=" + usage);
  spec.name = text.substr(0, eq);
  auto parts = split(text.substr(eq + 1), ':');
  auto dots = parts[0].find("..");
  if (dots == std::string::npos)
    throw model::InputError(kVary, "\"" + parts[0] + "\" is not a range FROM..TO" + usage);
  auto from = read_end(parts[0].substr(0, dots), "FROM", diags);
  auto to = read_end(parts[0].substr(dots + 2), "TO", diags);
  for (std::size_t i = 1; i < parts.size(); ++i) read_option(parts[i], spec, diags);
  if (from && to) {
    spec.from = *from;
    spec.to = *to;
    if (!(spec.from < spec.to))
      diags.error(kVary, "FROM (" + model::format_number(spec.from) + ") must be less than TO (" +
                             model::format_number(spec.to) + ")");
    else if (spec.scale == sim::GridScale::log && spec.from <= 0)
      diags.error(kVary, "a :log range needs FROM > 0, got " + model::format_number(spec.from));
  }
  diags.throw_if_errors();
  return spec;
}

model::Scenario load_whatif_scenario(const std::string& scenario_path, const RunOptions& options) {
  model::Diagnostics diags;
  model::Scenario scenario = model::load_scenario(scenario_path, parse_set_options(options.set), diags);
  diags.sort();
  diags.throw_if_errors();
  return scenario;
}

void check_vary_name(const model::Scenario& scenario, const std::string& name) {
  std::vector<std::string> known;
  for (const auto& in : scenario.inputs) known.push_back(in.name);
  known.push_back("events_per_month");
  for (const auto& item : scenario.workload.items) known.push_back(item.name);
  if (std::find(known.begin(), known.end(), name) != known.end()) return;
  throw model::InputError(kVary, model::unknown_name_message("input", name, known));
}

RunOptions whatif_options(const model::Scenario& scenario, const RunOptions& options) {
  RunOptions out = options;
  if (!out.draws) out.draws = std::min(scenario.run.draws, kWhatIfMaxDefaultDraws);
  if (!out.seed) out.seed = scenario.run.seed;
  return out;
}

ScenarioRun run_with_inputs(const std::string& scenario_path, const RunOptions& options,
                            const std::vector<std::pair<std::string, double>>& fixed) {
  RunOptions with = options;
  for (const auto& [name, value] : fixed) with.set.push_back(name + "=" + model::format_number(value));
  return run_scenario(scenario_path, with, {});
}

std::vector<reports::CostSummary> cost_summaries(const reports::RunReport& report) {
  std::vector<reports::CostSummary> out;
  for (const auto& d : report.designs)
    out.push_back({d.name, d.monthly_cost_usd.mean, d.monthly_cost_usd.p05, d.monthly_cost_usd.p95});
  return out;
}

std::vector<reports::PairSaving> pair_savings(const reports::RunReport& report) {
  std::vector<reports::PairSaving> out;
  for (const auto& c : report.comparisons) out.push_back({c.baseline, c.candidate, c.saving_usd.mean});
  return out;
}

double saving_of(const reports::RunReport& report, const std::string& candidate) {
  for (const auto& c : report.comparisons)
    if (c.candidate == candidate) return c.saving_usd.mean;
  throw model::InternalError("no comparison for design \"" + candidate + "\"");
}

}  // namespace flowcost::cli
