#pragma once
// Per-function statistics of Lambda invocations read from REPORT lines (model/production/lambda_report.h):
// the fitted duration, the cold-start probability and init duration, the memory size and the error
// rates, as `flowcost fit` writes them into a scenario's `tasks:` behaviours.
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/production/lambda_report.h"
#include "sim/fit/distribution_fit.h"

namespace flowcost::sim::fit {

struct CountedName {
  std::string name;
  std::size_t count = 0;
};

struct LambdaFunctionFit {
  std::string name;
  std::size_t invocations = 0;
  DurationFit duration;                     // of `Duration` (work time, not billed time)
  std::optional<double> memory_mb;          // the most frequent `Memory Size`
  std::size_t memory_sizes = 0;             // how many different sizes the log shows
  std::size_t cold_starts = 0;              // invocations with an `Init Duration`
  std::optional<DurationFit> init;          // of `Init Duration`, when there are cold starts
  std::vector<CountedName> errors;          // per error name, by name
  std::size_t failed = 0;                   // invocations with an error
};

struct SourceRef {
  std::string path;
  std::string sha256;
};

struct LambdaFitReport {
  std::vector<SourceRef> sources;
  std::size_t records = 0;
  std::size_t skipped_lines = 0;
  std::vector<LambdaFunctionFit> functions;  // by name
};

// The invocations of a function found in several logs are fitted together. `sha256` has the SHA-256 of
// each log's file, in the same order. Warnings go to `diags`: lines skipped (per log), and samples too
// few to fit or that no distribution fits (per function).
LambdaFitReport fit_lambda_logs(const std::vector<model::production::LambdaLog>& logs,
                                const std::vector<std::string>& sha256, model::Diagnostics& diags);

// The warning of a duration sample that is written as an empirical distribution (none when a
// distribution was chosen or every sample is the same): "WHAT of NAME: REASON; ...".
void warn_if_empirical(const DurationFit& fit, const std::string& what, const model::SourceLocation& where,
                       model::Diagnostics& diags);

}  // namespace flowcost::sim::fit
