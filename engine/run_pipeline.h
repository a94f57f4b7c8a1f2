#pragma once
// One scenario loaded once and run many times. The scenario, its price table and every design are read and
// compiled once; each run then simulates, prices and summarises the scenario with some inputs fixed to
// numbers. `run` and `batch` make one run (engine/run_pipeline.h); `sweep` and `tornado` make one per
// point, on the same seed (common random numbers across runs).
//
// Fixing an uncertain input or a per-event workload item to a number changes how the designs compile (a
// per-event item becomes one value per draw), so the names to fix are given once, with their first values,
// before the designs are compiled (fix_inputs). A run then gives each of them its value in the scenario's
// input values only: sim::Replicator compiles those per run (sim/scenario_values.h) and the compiled designs
// read every per-draw value from the draw's inputs. A run gives exactly what loading the scenario with the
// same `--set NAME=VALUE` overrides (the value written with model::format_shortest) and running it gives.
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "engine/draw_pricing.h"
#include "engine/partial_run.h"
#include "engine/run_report.h"
#include "engine/run_settings.h"
#include "engine/shard.h"
#include "model/diagnostics.h"
#include "model/metering.h"
#include "model/scenario/scenario.h"
#include "pricing/price_table.h"
#include "sim/execution.h"
#include "sim/run_result.h"

namespace flowcost::sim {
class WorkCrew;
}  // namespace flowcost::sim

namespace flowcost::engine {

// Inputs fixed to numbers: (name, value in base units), applied in order (a later one of a name wins).
using FixedInputs = std::vector<std::pair<std::string, double>>;

struct ScenarioRun {
  RunReport report;  // with the budgets of the scenario and of the settings' --fail-above checked
  std::vector<std::string> input_paths;         // every file read (never to be overwritten)
  // Every warning, for standard error: the scenario's and its files', each design's (its compile warnings,
  // its unpriced calls), then the price table's; each once.
  std::vector<model::Diagnostic> warnings;
};

// A run's simulated and priced draws before they are summarised (what a report and a partial result are
// made from).
struct RawRun {
  sim::RunResult result;
  std::vector<PricedDesign> priced;
};

// Called as the draws are merged, after each window of them (sim/replication.h), on the calling thread:
// (draws done, draws planned so far). An empty function: no progress.
using ProgressFn = std::function<void(std::uint64_t, std::uint64_t)>;

// What a session reads and compiles; tests replace them to count or observe the calls. The defaults are
// model::load_scenario, load_scenario_price_table (engine/scenario_prices.h) and
// sim::make_design_simulators.
struct ScenarioLoaders {
  std::function<model::Scenario(const std::string& path,
                                const std::vector<std::pair<std::string, std::string>>& overrides,
                                model::Diagnostics& diags)>
      load_scenario;
  std::function<pricing::PriceTable(const model::Scenario& scenario, const std::optional<std::string>& prices)>
      load_table;
  std::function<std::vector<std::unique_ptr<sim::DesignSimulator>>(
      const model::Scenario& scenario, const model::MeteringRules& metering, model::Diagnostics& diags)>
      compile_designs;
};
ScenarioLoaders default_loaders();

// The threads of a run with `settings` (`--threads`; absent or 0: every core), started now: a command starts
// them before it reads anything and gives them to its ScenarioSession (sim/work_crew.h).
std::unique_ptr<sim::WorkCrew> start_run_threads(const RunSettings& settings);

class ScenarioSession {
 public:
  // Reads the scenario with the `set` overrides of `settings`. Throws model::InputError carrying every
  // problem found, sorted by position. The runs use `crew` when it has the threads `settings` asks for: a
  // caller starts it before it reads anything, so that its threads are asleep and ready when the first draws
  // are simulated (sim/work_crew.h); it must outlive the session. Without one, the session starts its own
  // first.
  ScenarioSession(const std::string& scenario_path, const RunSettings& settings,
                  const ScenarioLoaders& loaders = default_loaders(), sim::WorkCrew* crew = nullptr);
  ~ScenarioSession();
  ScenarioSession(const ScenarioSession&) = delete;
  ScenarioSession& operator=(const ScenarioSession&) = delete;

  // The scenario as read (with the first values of the fixed inputs once they are fixed).
  const model::Scenario& scenario() const { return *scenario_; }

  // Fixes `fixed` as `--set` overrides after the user's own, then reads the price table (the settings'
  // `prices`, or the scenario's) and compiles every design. Once per session, before the first run; a
  // session that fixes nothing calls it with no inputs. Throws model::InputError with every problem.
  void fix_inputs(const FixedInputs& fixed);

  // One priced run with `fixed`, which names exactly the inputs fixed by fix_inputs (in any order). The
  // settings' seed, executions, draws, threads, stop rule and free tier apply (their `set` and `prices`
  // were used when reading). Throws model::InputError (a value that is not finite in a draw, a meter
  // without a price, max_draws below draws).
  ScenarioRun run(const RunSettings& settings, const FixedInputs& fixed, const ProgressFn& progress = {});

  // What run() reports, before the report: the draws simulated and priced (with the stop rule, as many as
  // it takes). run() is report(settings, simulate(settings, fixed, progress)).
  RawRun simulate(const RunSettings& settings, const FixedInputs& fixed, const ProgressFn& progress = {});

  // The whole run (after fix_inputs({})), stop rule included, as a partial result of one shard
  // (shard 0/1, effective settings): what `batch --shard` keeps of each scenario for `merge`.
  PartialRun run_whole(const std::string& scenario_path, const RunSettings& settings, const ProgressFn& progress = {});

  // The settings a run with `settings` uses: seed, executions and draws resolved from the scenario's `run:`
  // when not given, the stop rule resolved too; `threads` left out (results do not depend on it).
  RunSettings effective_settings(const RunSettings& settings) const;

  // SHA-256 (hex) of the configuration of a run with `settings` (after fix_inputs): the scenario's id, every
  // file it read and the price table's (path and SHA-256), and the effective settings (with the
  // --fail-above items, which the report lists). Two runs with the same
  // hash give the same numbers.
  std::string config_hash(const RunSettings& settings) const;

  // Shard `shard` of the run with `settings` (after fix_inputs({})): its slice of the draws, simulated and
  // priced, as a partial result (engine/partial_run.h). Throws model::InputError when a stop rule is set
  // (the stop rule decides the draws as it goes; a shard runs a fixed slice).
  PartialRun run_shard(const std::string& scenario_path, const RunSettings& settings, const ShardSpec& shard,
                       const ProgressFn& progress = {});

  // The report of a whole run given its results (what `run` ends with; `merge` calls it with the shards'
  // results put together).
  ScenarioRun report(const RunSettings& settings, const sim::RunResult& result,
                     const std::vector<PricedDesign>& priced) const;

  // Every file a run reads (ScenarioRun::input_paths; after fix_inputs).
  std::vector<std::string> input_paths() const;

  // Every warning for standard error (what ScenarioRun::warnings holds).
  const std::vector<model::Diagnostic>& warnings() const { return warnings_; }

  // The price table (after fix_inputs).
  const pricing::PriceTable& table() const { return *table_; }

  // The compiled designs' calls that no meter counts (for results read back from partial files).
  std::vector<std::vector<model::UnpricedCall>> unpriced_calls() const;

 private:
  void set_values(const FixedInputs& fixed);
  // The session's crew when `settings` asks for as many threads as it has, else nullptr (the replicator
  // then starts its own).
  sim::WorkCrew* crew_for(const RunSettings& settings) const;

  std::unique_ptr<sim::WorkCrew> own_crew_;  // first: its threads start before the scenario is read
  sim::WorkCrew* crew_ = nullptr;            // the caller's, else own_crew_

  ScenarioLoaders loaders_;
  std::string scenario_path_;  // as given
  std::vector<std::pair<std::string, std::string>> overrides_;  // the user's --set, in order
  std::optional<std::string> prices_;
  bool strict_ = false;  // unpriced calls are errors (--strict)
  bool strict_prices_ = false;  // the table's borrowed prices are gaps (--strict-prices)
  std::unique_ptr<model::Scenario> scenario_;  // at a fixed address while the designs refer to it
  std::optional<pricing::PriceTable> table_;
  std::vector<std::unique_ptr<sim::DesignSimulator>> simulators_;
  std::vector<std::string> fixed_names_;
  std::vector<model::Diagnostic> warnings_;
  std::vector<std::string> file_warnings_;  // the report's: the scenario's and its files' (not the designs')
};

// load -> simulate -> price for one scenario, shared by `run` and `batch`: a session that fixes nothing,
// run once.
ScenarioRun run_scenario(const std::string& scenario_path, const RunSettings& settings, const ProgressFn& progress);

}  // namespace flowcost::engine
