#include "engine/run_pipeline.h"

#include <algorithm>
#include <map>
#include <set>

#include "engine/draw_pricing.h"
#include "engine/priced_run.h"
#include "engine/reproduce_command.h"
#include "engine/scenario_prices.h"
#include "engine/work_bound.h"
#include "model/diagnostic_text.h"
#include "model/errors.h"
#include "model/number_format.h"
#include "model/scenario/scenario_checks.h"
#include "model/source_file.h"
#include "model/units.h"
#include "pricing/borrowed_prices.h"
#include "sim/design_factory.h"
#include "sim/replication.h"
#include "sim/work_crew.h"

namespace flowcost::engine {

namespace {

const model::SourceLocation kCommandLine{"command line", 0, 0};

void check_settings(std::uint64_t draws, std::uint64_t max_draws, bool stop_rule) {
  if (stop_rule && max_draws < draws)
    throw model::InputError(kCommandLine, "--max-draws (" + std::to_string(max_draws) + ") is less than --draws (" +
                                              std::to_string(draws) + ")");
}

void check_priced_meters(const model::Scenario& scenario, const sim::RunResult& result,
                         const pricing::PriceTable& table) {
  model::Diagnostics diags;
  for (std::size_t i = 0; i < result.designs.size() && i < scenario.designs.size(); ++i)
    if (const auto meters = unpriced_meters(result.designs[i], table); !meters.empty())
      diags.error(scenario.designs[i].loc, unpriced_meters_message(scenario.designs[i].name, meters, table));
  diags.throw_if_errors();
}

// Runs draws [done, target), pricing each window of draws while the next is simulated (sim/replication.h)
// and then releasing its batch totals (memory per draw is then its compact record: sim/run_result.h). The
// results are the same for any split; with progress shown, the draws go in slices of about 1/25th.
void run_until(sim::Replicator& replicator, sim::RunResult& result, std::vector<PricedDesign>& priced,
               const model::Scenario& scenario, const pricing::PriceTable& table, const pricing::CostOptions& options,
               std::uint64_t& done, std::uint64_t target, const ProgressFn& progress) {
  // The draws in one call, whether or not progress is shown: the progress is reported as each window of
  // draws is merged, on the calling thread while the next window is simulated (sim/replication.h), so a
  // run on a terminal keeps the same overlap of simulating and pricing as one that is not.
  const auto records = [](const sim::RunResult& run) { return run.designs.empty() ? 0 : run.designs.front().draws.size(); };
  const std::uint64_t first = done;
  const std::size_t records_before = records(result);
  const auto price_new_draws = [&](sim::RunResult& run) {
    check_priced_meters(scenario, run, table);
    priced.resize(run.designs.size());
    for (std::size_t i = 0; i < run.designs.size(); ++i) {
      try {
        update_priced_design(priced[i], run.designs[i], table, options);
      } catch (const model::InputError& e) {
        // A draw too costly to price (its message names the design, the draw and the rate line): at the
        // design's position in the scenario.
        std::vector<model::Diagnostic> placed = e.diagnostics();
        for (auto& d : placed)
          if (!d.where.known() && i < scenario.designs.size()) d.where = scenario.designs[i].loc;
        throw model::InputError(std::move(placed));
      }
    }
    sim::release_batch_totals(run, records(run));
    if (progress) progress(first + (records(run) - records_before), target);
  };
  if (done >= target) return;
  replicator.run_draws(done, target - done, result, price_new_draws);
  done = target;
}

// The `--set NAME=VALUE` overrides that fix `fixed`: the value written as model::format_shortest writes it
// (the shortest text that reads back as the same double).
std::vector<std::pair<std::string, std::string>> as_overrides(const FixedInputs& fixed) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& [name, value] : fixed) out.emplace_back(name, model::format_shortest(value));
  return out;
}

// The scenario's budgets, then those of --fail-above (throws model::InputError for a bad item).
std::vector<model::Budget> run_budgets(const model::Scenario& scenario, const std::vector<std::string>& fail_above) {
  model::Diagnostics diags;
  std::vector<model::Budget> out = scenario.budgets;
  for (auto& b : model::parse_fail_above(fail_above, model::design_names(scenario), diags)) out.push_back(b);
  diags.throw_if_errors();
  return out;
}

std::vector<BudgetReport> check_budgets(const std::vector<model::Budget>& budgets, const RunReport& report) {
  std::vector<BudgetReport> out;
  for (const auto& b : budgets) {
    for (const auto& d : report.designs) {
      if (d.name != b.design) continue;
      const double mean = d.monthly_cost_usd.mean;
      out.push_back({b.design, b.limit_usd, mean, mean <= b.limit_usd,
                     b.from_command_line ? "--fail-above" : "scenario budgets:"});
    }
  }
  return out;
}

// The threads a run with `settings` uses, the calling thread included.
unsigned run_threads(const RunSettings& settings) { return sim::thread_count(settings.threads.value_or(0)); }

std::set<std::string> names_of(const FixedInputs& fixed) {
  std::set<std::string> out;
  for (const auto& item : fixed) out.insert(item.first);
  return out;
}

}  // namespace

ScenarioLoaders default_loaders() {
  const auto load_scenario = [](const std::string& path, const std::vector<std::pair<std::string, std::string>>& overrides,
                                model::Diagnostics& diags) { return model::load_scenario(path, overrides, diags); };
  return {load_scenario, load_scenario_price_table, sim::make_design_simulators};
}

std::unique_ptr<sim::WorkCrew> start_run_threads(const RunSettings& settings) {
  return std::make_unique<sim::WorkCrew>(run_threads(settings) - 1);
}

ScenarioSession::ScenarioSession(const std::string& scenario_path, const RunSettings& settings,
                                 const ScenarioLoaders& loaders, sim::WorkCrew* crew)
    : own_crew_(crew ? nullptr : start_run_threads(settings)),
      crew_(crew ? crew : own_crew_.get()),
      loaders_(loaders),
      scenario_path_(scenario_path),
      overrides_(settings.set),
      prices_(settings.prices),
      strict_(settings.strict),
      strict_prices_(settings.strict_prices) {
  model::Diagnostics diags;
  scenario_ = std::make_unique<model::Scenario>(loaders_.load_scenario(scenario_path, settings.set, diags));
  diags.sort();
  diags.throw_if_errors();
  warnings_ = diags.items();
}

ScenarioSession::~ScenarioSession() = default;

sim::WorkCrew* ScenarioSession::crew_for(const RunSettings& settings) const {
  return crew_->members() == run_threads(settings) ? crew_ : nullptr;
}

void ScenarioSession::fix_inputs(const FixedInputs& fixed) {
  if (table_) throw model::InternalError("the inputs of a scenario session are fixed once");
  model::Diagnostics diags;
  for (const auto& d : warnings_) diags.add(d);
  model::apply_overrides(as_overrides(fixed), *scenario_, diags);
  diags.sort();
  diags.throw_if_errors();
  for (const auto& name : names_of(fixed)) fixed_names_.push_back(name);
  table_ = loaders_.load_table(*scenario_, prices_);
  if (strict_prices_) table_ = pricing::without_borrowed_prices(std::move(*table_));
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

RunSettings ScenarioSession::effective_settings(const RunSettings& settings) const {
  const model::Scenario& scenario = *scenario_;
  RunSettings out = settings;
  out.threads.reset();
  out.seed = settings.seed.value_or(scenario.run.seed);
  out.executions = settings.executions.value_or(scenario.run.executions);
  out.draws = settings.draws.value_or(scenario.run.draws);
  out.rel_error = settings.rel_error ? settings.rel_error : scenario.run.rel_error;
  out.max_draws = settings.max_draws.value_or(std::max(scenario.run.max_draws, *out.draws));
  out.free_tier = settings.free_tier || scenario.free_tier;
  return out;
}

std::string ScenarioSession::config_hash(const RunSettings& settings) const {
  if (!table_) throw model::InternalError("a scenario session's configuration is known after fix_inputs");
  const RunSettings e = effective_settings(settings);
  std::string text = "flowcost configuration 1\nscenario " + scenario_->id + "\n";
  std::map<std::string, std::string> files = scenario_->input_file_hashes;
  for (const auto& [path, sha] : pricing::table_files(*table_)) files[path] = sha;
  for (const auto& [path, sha] : files) text += "file " + sha + " " + path + "\n";
  text += "seed " + std::to_string(*e.seed) + "\nexecutions " + std::to_string(*e.executions) + "\ndraws " +
          std::to_string(*e.draws) + "\n";
  for (const auto& [name, value] : e.set) text += "set " + name + "=" + value + "\n";
  text += "prices " + e.prices.value_or("(scenario)") + "\nfree_tier " + (e.free_tier ? "1" : "0") + "\nstrict " +
          (e.strict ? "1" : "0") + "\nmax_states " + model::format_shortest(e.max_states.value_or(kDefaultMaxStates)) +
          "\n";
  if (e.rel_error) text += "rel_error " + model::format_shortest(*e.rel_error) + " max_draws " + std::to_string(*e.max_draws) + "\n";
  for (const auto& item : e.fail_above) text += "fail_above " + item + "\n";  // the report lists them
  if (e.strict_prices) text += "strict_prices 1\n";  // borrowed prices left unpriced: another table
  return model::sha256_hex(text);
}

ScenarioRun ScenarioSession::run(const RunSettings& settings, const FixedInputs& fixed, const ProgressFn& progress) {
  const RawRun raw = simulate(settings, fixed, progress);
  return report(settings, raw.result, raw.priced);
}

RawRun ScenarioSession::simulate(const RunSettings& settings, const FixedInputs& fixed, const ProgressFn& progress) {
  if (!table_) throw model::InternalError("a scenario session runs after fix_inputs");
  set_values(fixed);
  const model::Scenario& scenario = *scenario_;
  const RunSettings e = effective_settings(settings);
  const std::uint64_t draws = *e.draws, max_draws = *e.max_draws;
  const std::optional<double> rel_error = e.rel_error;
  check_settings(draws, max_draws, rel_error.has_value());
  run_budgets(scenario, settings.fail_above);  // a bad --fail-above is an error before any work
  const pricing::CostOptions cost_options{e.free_tier};

  std::vector<const sim::DesignSimulator*> designs;
  for (const auto& s : simulators_) designs.push_back(s.get());
  // With the stop rule, the bound holds for the most draws it may run (--max-draws).
  check_work_bound(scenario, designs,
                   {*e.seed, rel_error ? max_draws : draws, *e.executions, e.max_states.value_or(kDefaultMaxStates)});
  sim::Replicator replicator(scenario, designs,
                             {*e.seed, *e.executions, settings.threads.value_or(0), crew_for(settings)});
  RawRun out;
  std::uint64_t done = 0;
  run_until(replicator, out.result, out.priced, scenario, *table_, cost_options, done, draws, progress);
  while (rel_error && !run_converged(out.priced, *rel_error) && done < max_draws)
    run_until(replicator, out.result, out.priced, scenario, *table_, cost_options, done, std::min(max_draws, done * 2),
              progress);
  return out;
}

PartialRun ScenarioSession::run_whole(const std::string& scenario_path, const RunSettings& settings,
                                      const ProgressFn& progress) {
  RawRun raw = simulate(settings, {}, progress);
  PartialRun part;
  part.header = new_shard_header("run", config_hash(settings), {0, 1});
  part.scenario_path = scenario_path;
  part.settings = effective_settings(settings);
  part.run = std::move(raw.result);
  part.priced = std::move(raw.priced);
  return part;
}

PartialRun ScenarioSession::run_shard(const std::string& scenario_path, const RunSettings& settings,
                                      const ShardSpec& shard, const ProgressFn& progress) {
  if (!table_) throw model::InternalError("a scenario session runs after fix_inputs");
  RunSettings e = effective_settings(settings);
  if (e.rel_error)
    throw model::InputError(kCommandLine,
                            "--shard runs a fixed slice of the draws, but a stop rule is set (" +
                                std::string(settings.rel_error ? "--rel-error" : "the scenario's run.rel_error") +
                                "), which decides the number of draws as it goes: shard a run with a fixed --draws N "
                                "and no stop rule (docs/scale-out.md)");
  const model::Scenario& scenario = *scenario_;
  run_budgets(scenario, settings.fail_above);  // a bad --fail-above is an error before any work
  const pricing::CostOptions cost_options{e.free_tier};
  std::vector<const sim::DesignSimulator*> designs;
  for (const auto& s : simulators_) designs.push_back(s.get());
  // The bound is that of the whole run: a shard is refused exactly when the unsharded run would be.
  check_work_bound(scenario, designs, {*e.seed, *e.draws, *e.executions, e.max_states.value_or(kDefaultMaxStates)});
  sim::Replicator replicator(scenario, designs,
                             {*e.seed, *e.executions, settings.threads.value_or(0), crew_for(settings)});
  const ShardSlice slice = shard_slice(*e.draws, shard);
  PartialRun part;
  part.header = new_shard_header("run", config_hash(settings), shard);
  part.scenario_path = scenario_path;
  part.settings = e;
  part.settings.rel_error.reset();
  part.settings.max_draws.reset();
  part.first_draw = slice.first;
  std::uint64_t done = slice.first;
  const ProgressFn shifted = progress ? ProgressFn([&](std::uint64_t d, std::uint64_t t) {
    progress(d - slice.first, t - slice.first);
  })
                                      : ProgressFn();
  if (slice.count == 0) {
    // An empty slice (more shards than draws) still carries every design, with no draws.
    replicator.run_draws(slice.first, 0, part.run);
  }
  run_until(replicator, part.run, part.priced, scenario, *table_, cost_options, done, slice.first + slice.count, shifted);
  update_priced_run(part.priced, part.run, *table_, cost_options);
  return part;
}

ScenarioRun ScenarioSession::report(const RunSettings& settings, const sim::RunResult& result,
                                    const std::vector<PricedDesign>& priced) const {
  const RunSettings e = effective_settings(settings);
  ScenarioRun out;
  out.warnings = warnings_;
  out.report = build_run_report({*scenario_, result, priced, *table_, pricing::CostOptions{e.free_tier}, e.rel_error});
  out.report.warnings.insert(out.report.warnings.end(), file_warnings_.begin(), file_warnings_.end());
  out.report.overrides = overrides_;
  const std::vector<model::Budget> budgets = run_budgets(*scenario_, settings.fail_above);
  ReproduceSettings again{scenario_path_, *e.seed,     *e.draws, *e.executions, e.rel_error, e.max_draws.value_or(*e.draws),
                          prices_,        e.free_tier, overrides_, {}};
  for (const auto& b : budgets)
    if (b.from_command_line) again.fail_above.emplace_back(b.design, b.limit_usd);
  out.report.reproduce_command = reproduce_command(again);
  out.report.budgets = check_budgets(budgets, out.report);
  out.input_paths = input_paths();
  return out;
}

std::vector<std::string> ScenarioSession::input_paths() const {
  std::vector<std::string> out;
  for (const auto& [path, sha] : pricing::table_files(*table_)) out.push_back(path);
  for (const auto& [path, sha] : scenario_->input_file_hashes) out.push_back(path);
  return out;
}

std::vector<std::vector<model::UnpricedCall>> ScenarioSession::unpriced_calls() const {
  std::vector<std::vector<model::UnpricedCall>> out;
  for (const auto& s : simulators_) out.push_back(s->unpriced());
  return out;
}

ScenarioRun run_scenario(const std::string& scenario_path, const RunSettings& settings, const ProgressFn& progress) {
  ScenarioSession session(scenario_path, settings);
  session.fix_inputs({});
  return session.run(settings, {}, progress);
}

}  // namespace flowcost::engine
