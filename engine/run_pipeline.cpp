#include "engine/run_pipeline.h"

#include <algorithm>
#include <memory>

#include "engine/design_files.h"
#include "engine/priced_run.h"
#include "engine/scenario_prices.h"
#include "model/errors.h"
#include "model/scenario/scenario.h"
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
  for (std::size_t i = 0; i < result.designs.size() && i < scenario.designs.size(); ++i) {
    for (const auto& meter : unpriced_meters(result.designs[i], table)) {
      diags.error(scenario.designs[i].loc, unpriced_meter_message(scenario.designs[i].name, meter, table));
    }
  }
  diags.throw_if_errors();
}

}  // namespace

ScenarioRun run_scenario(const std::string& scenario_path, const RunSettings& options, const ProgressFn& progress) {
  ScenarioRun out;
  model::Diagnostics diags;
  model::Scenario scenario = model::load_scenario(scenario_path, options.set, diags);
  diags.throw_if_errors();
  pricing::PriceTable table = load_scenario_price_table(scenario, options.prices);
  auto simulators = sim::make_design_simulators(scenario, table.metering, diags);
  diags.sort();
  diags.throw_if_errors();
  out.warnings = diags.items();

  const std::uint64_t seed = options.seed.value_or(scenario.run.seed);
  const std::uint64_t executions = options.executions.value_or(scenario.run.executions);
  const std::uint64_t draws = options.draws.value_or(scenario.run.draws);
  const std::optional<double> rel_error = options.rel_error ? options.rel_error : scenario.run.rel_error;
  const std::uint64_t max_draws = options.max_draws.value_or(std::max(scenario.run.max_draws, draws));
  check_settings(draws, max_draws, rel_error.has_value());
  const pricing::CostOptions cost_options{options.free_tier || scenario.free_tier};

  std::vector<const sim::DesignSimulator*> designs;
  for (const auto& s : simulators) designs.push_back(s.get());
  sim::Replicator replicator(scenario, designs, {seed, executions, options.threads.value_or(0)});
  sim::RunResult result;
  std::uint64_t done = 0;
  run_until(replicator, result, done, draws, progress);
  check_priced_meters(scenario, result, table);
  std::vector<PricedDesign> priced;
  update_priced_run(priced, result, table, cost_options);
  while (rel_error && !run_converged(priced, *rel_error) && done < max_draws) {
    run_until(replicator, result, done, std::min(max_draws, done * 2), progress);
    check_priced_meters(scenario, result, table);
    update_priced_run(priced, result, table, cost_options);
  }

  out.report = build_run_report({scenario, result, priced, table, cost_options, rel_error});
  for (const auto& [path, sha] : design_input_files(scenario)) out.report.input_files[path] = sha;
  for (const auto& d : out.warnings) out.report.warnings.push_back(model::diagnostic_headline(d));
  for (const auto& [path, sha] : out.report.input_files) out.input_paths.push_back(path);
  return out;
}

}  // namespace flowcost::engine
