#pragma once
// Writers of `flowcost fit` results (docs/cli.md "fit"): a YAML fragment to paste into a scenario's
// Step Functions design (`tasks:`, `choices:`, `maps:`, `waits:`, the keys of docs/scenario-format.md),
// with comments naming the sources, the sample sizes and the fit statistics; the same as JSON; and the
// CSV of a sample that no distribution fits (an `empirical` distribution reads it).
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "sim/fit/distribution_fit.h"
#include "sim/fit/history_fit.h"
#include "sim/fit/lambda_fit.h"

namespace flowcost::reports {

struct FitDocument {
  std::optional<sim::fit::LambdaFitReport> lambda;
  std::optional<sim::fit::HistoryFitReport> histories;
  // Empirical samples are written to `csv_prefix + NAME + "." + WHAT + ".csv"` (see empirical_csv_name).
  std::string csv_prefix;
};

// An empirical sample the document refers to: the file name the fragment names, and its samples.
struct EmpiricalCsv {
  std::string file_name;
  const std::vector<double>* samples = nullptr;
};

// `prefix` + `name` (characters other than letters, digits, '.', '_' and '-' become '_') + "." + `what`
// + ".csv".
std::string empirical_csv_name(const std::string& prefix, const std::string& name, const std::string& what);

// Every empirical sample the document refers to, in the order the fragment names them.
std::vector<EmpiricalCsv> empirical_csvs(const FitDocument& doc);

void write_fit_yaml(const FitDocument& doc, std::ostream& out);
void write_fit_json(const FitDocument& doc, std::ostream& out);
// One header line `duration_ms`, then one sample per line.
void write_empirical_csv(const std::vector<double>& samples, std::ostream& out);

}  // namespace flowcost::reports
