#pragma once
// A scenario verb's inputs (run, batch, report, sweep, tornado, advise), read once, before any work: the
// scenario with its --set overrides, every file its loaders read (model::Scenario::input_file_hashes) and its
// price table. `-o` is checked against these files before anything runs and written never over them; the
// verb's sessions (engine::ScenarioSession) then take the scenario and the table from here (loaders())
// instead of reading the files again.
#include <memory>
#include <string>
#include <vector>

#include "cli/run_options.h"
#include "engine/run_pipeline.h"
#include "sim/work_crew.h"

namespace flowcost::cli {

class ScenarioInputs {
 public:
  // Reads the scenario with `options` (its --set and --prices), and its price table when the scenario has
  // no error: alongside the scenario and its designs' definitions on the first helper of `crew`
  // (sim::WorkCrew::aside; from the start when it is a shipped table that --prices or the scenario's
  // `prices:` line names, docs/performance.md), else after them. Problems are not reported here: a session
  // made with loaders() reports them where it would have, had it read the files itself (a malformed --set:
  // the verb reports it; the scenario is read without overrides to list its files).
  ScenarioInputs(const std::string& scenario_path, const RunOptions& options, sim::WorkCrew* crew = nullptr);

  // The scenario, every file its loaders read and the price table's files (those read up to the first
  // problem; a table that could not be read: its resolved path when there is one).
  const std::vector<std::string>& paths() const { return paths_; }

  // engine::default_loaders() with the scenario (and the diagnostics of reading it) and its price table (or
  // the error of reading it) served from what was read here, a copy at each call. A different path, --set or
  // --prices is read from the files, as by default.
  engine::ScenarioLoaders loaders() const;
  // The same for a verb with one session: the scenario and the table are handed over (moved) at the first
  // call that asks for them, not copied; a later call reads the files, as by default.
  engine::ScenarioLoaders take_loaders();

 private:
  struct Read;
  static engine::ScenarioLoaders serve(const std::shared_ptr<Read>& read, bool once);
  std::shared_ptr<Read> read_;
  std::vector<std::string> paths_;
};

}  // namespace flowcost::cli
