#include "engine/run_pipeline.h"

#include <algorithm>
#include <set>

#include "engine/draw_pricing.h"
#include "engine/priced_run.h"
#include "engine/scenario_prices.h"
#include "engine/work_bound.h"
#include "model/diagnostic_text.h"
#include "model/errors.h"
#include "model/number_format.h"
#include "model/scenario/scenario_checks.h"
#include "model/units.h"
#include "sim/design_factory.h"
#include "sim/replication.h"

namespace flowcost::engine {

namespace {

const model::SourceLocation kCommandLine{"command line", 0, 0};

void check_settings(std::uint64_t draws, std::uint64_t max_draws, bool stop_rule) {
  if (stop_rule && max_draws < draws)
    throw model::InputError(kCommandLine, "--max-draws (" + std::to_string(max_draws) + ") is less than --draws (" +
                                              std::to_string(draws) + ")");
}

// Runs draws [done, target): in one call, or in slices when progress is to be shown (the results are the
// same for any split).
void run_until(sim::Replicator& replicator, sim::RunResult& result, std::uint64_t& done, std::uint64_t target,
               const ProgressFn& progress) {
  const std::uint64_t slice = progress ? std::max<std::uint64_t>(1, target / 25) : target;
  while (done < target) {
    std::uint64_t count = std::min(slice, target - done);
    replicator.run_draws(done, count, result);
    done += count;
    if (progress) progress(done, target);
  }
}

void check_priced_meters(const model::Scenario& scenario, const sim::RunResult& result,
                         const pricing::PriceTable& table) {
  model::Diagnostics diags;
  for (std::size_t i = 0; i < result.designs.size() && i < scenario.designs.size(); ++i)
    if (const auto meters = unpriced_meters(result.designs[i], table); !meters.empty())
      diags.error(scenario.designs[i].loc, unpriced_meters_message(scenario.designs[i].name, meters, table));
  diags.throw_if_errors();
}

// The `--set NAME=VALUE` overrides that fix `fixed`: the value written as model::format_shortest writes it
// (the shortest text that reads back as the same double).
std::vector<std::pair<std::string, std::string>> as_overrides(const FixedInputs& fixed) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& [name, value] : fixed) out.emplace_back(name, model::format_shortest(value));
  return out;
}

std::set<std::string> names_of(const FixedInputs& fixed) {
  std::set<std::string> out;
  for (const auto& item : fixed) out.insert(item.first);
  return out;
}

}  // namespace

ScenarioLoaders default_loaders() {
  return {model::load_scenario, load_scenario_price_table, sim::make_design_simulators};
}

ScenarioSession::ScenarioSession(const std::string& scenario_path, const RunSettings& settings,
                                 const ScenarioLoaders& loaders)
    : loaders_(loaders), prices_(settings.prices), strict_(settings.strict) {
  model::Diagnostics diags;
  scenario_ = std::make_unique<model::Scenario>(loaders_.load_scenario(scenario_path, settings.set, diags));
  diags.sort();
  diags.throw_if_errors();
  warnings_ = diags.items();
}

ScenarioSession::~ScenarioSession() = default;

void ScenarioSession::fix_inputs(const FixedInputs& fixed) {
  if (table_) throw model::InternalError("the inputs of a scenario session are fixed once");
  model::Diagnostics diags;
  for (const auto& d : warnings_) diags.add(d);
  model::apply_overrides(as_overrides(fixed), *scenario_, diags);
  diags.sort();
  diags.throw_if_errors();
  for (const auto& name : names_of(fixed)) fixed_names_.push_back(name);
  table_ = loaders_.load_table(*scenario_, prices_);
  simulators_ = loaders_.compile_designs(*scenario_, table_->metering, diags);
  diags.sort();
  model::remove_repeats(diags);  // a design that another design starts is compiled twice
  // The report lists the warnings of the scenario and the files it reads; a design's own are in its section.
  for (const auto& d : diags.items())
    if (d.severity == model::Severity::warning) file_warnings_.push_back(model::diagnostic_text(d));
  sim::add_design_diagnostics(*scenario_, simulators_, strict_, diags);
  diags.sort();
  diags.throw_if_errors();
  warnings_ = diags.items();
  warnings_.insert(warnings_.end(), table_->warnings.begin(), table_->warnings.end());
}

void ScenarioSession::set_values(const FixedInputs& fixed) {
  const std::set<std::string> names = names_of(fixed);
  if (!std::equal(names.begin(), names.end(), fixed_names_.begin(), fixed_names_.end()))
    throw model::InternalError("a scenario session run fixes other inputs than the session fixed");
  model::Diagnostics diags;
  model::apply_overrides(as_overrides(fixed), *scenario_, diags);
  diags.throw_if_errors();
}

ScenarioRun ScenarioSession::run(const RunSettings& settings, const FixedInputs& fixed, const ProgressFn& progress) {
  if (!table_) throw model::InternalError("a scenario session runs after fix_inputs");
  set_values(fixed);
  const model::Scenario& scenario = *scenario_;
  const std::uint64_t seed = settings.seed.value_or(scenario.run.seed);
  const std::uint64_t executions = settings.executions.value_or(scenario.run.executions);
  const std::uint64_t draws = settings.draws.value_or(scenario.run.draws);
  const std::optional<double> rel_error = settings.rel_error ? settings.rel_error : scenario.run.rel_error;
  const std::uint64_t max_draws = settings.max_draws.value_or(std::max(scenario.run.max_draws, draws));
  check_settings(draws, max_draws, rel_error.has_value());
  const pricing::CostOptions cost_options{settings.free_tier || scenario.free_tier};

  std::vector<const sim::DesignSimulator*> designs;
  for (const auto& s : simulators_) designs.push_back(s.get());
  // With the stop rule, the bound holds for the most draws it may run (--max-draws).
  check_work_bound(scenario, designs,
                   {seed, rel_error ? max_draws : draws, executions, settings.max_states.value_or(kDefaultMaxStates)});
  sim::Replicator replicator(scenario, designs, {seed, executions, settings.threads.value_or(0)});
  sim::RunResult result;
  std::uint64_t done = 0;
  run_until(replicator, result, done, draws, progress);
  check_priced_meters(scenario, result, *table_);
  std::vector<PricedDesign> priced;
  update_priced_run(priced, result, *table_, cost_options);
  while (rel_error && !run_converged(priced, *rel_error) && done < max_draws) {
    run_until(replicator, result, done, std::min(max_draws, done * 2), progress);
    check_priced_meters(scenario, result, *table_);
    update_priced_run(priced, result, *table_, cost_options);
  }

  ScenarioRun out;
  out.warnings = warnings_;
  out.report = build_run_report({scenario, result, priced, *table_, cost_options, rel_error});
  out.report.warnings.insert(out.report.warnings.end(), file_warnings_.begin(), file_warnings_.end());
  for (const auto& [path, sha] : out.report.input_files) out.input_paths.push_back(path);
  return out;
}

ScenarioRun run_scenario(const std::string& scenario_path, const RunSettings& settings, const ProgressFn& progress) {
  ScenarioSession session(scenario_path, settings);
  session.fix_inputs({});
  return session.run(settings, {}, progress);
}

}  // namespace flowcost::engine
