#pragma once
// `flowcost report` (docs/cli.md "report"): one run of the scenario (as `flowcost run`), its tornado (as
// `flowcost tornado`) and, with a varied input, its sweep (as `flowcost sweep --vary`), gathered for the
// design-review page with the scenario's inputs as written and commented.
#include <optional>
#include <string>

#include "engine/review_report.h"
#include "engine/run_pipeline.h"
#include "engine/run_settings.h"
#include "engine/sweep.h"

namespace flowcost::engine {

// The inputs of `scenario` as ReviewReport lists them: each value as the file writes it and the comment that
// documents its key (model/yaml_comments.h, on the file's text read again and checked against the SHA-256 it
// was loaded with), or as `settings`' last `--set` of its name replaced it. Throws model::InputError when the
// file changed since it was loaded.
std::vector<InputReport> input_reports(const model::Scenario& scenario, const RunSettings& settings);

// The run, the tornado and the sweep (when `vary` is given) on the same settings and seed. Throws
// model::InputError for bad input, before any simulation when the scenario or the varied name is wrong.
// `vary_text` is the `--vary` option as typed (for the reproducing command). The run, the tornado and the sweep
// each have their own session (each fixes other inputs), all reading through `loaders`.
struct ReviewRun {
  ReviewReport report;
  std::vector<std::string> input_paths;      // every file read (never to be overwritten)
  std::vector<model::Diagnostic> warnings;   // the run's, for standard error
};
ReviewRun run_review(const std::string& scenario_path, const RunSettings& settings, const std::optional<VarySpec>& vary,
                     const std::string& vary_text, const ProgressFn& progress = {},
                     const ScenarioLoaders& loaders = default_loaders());

}  // namespace flowcost::engine
