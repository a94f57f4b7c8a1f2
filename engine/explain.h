#pragma once
// The pricing of `flowcost explain` (docs/cli.md "explain"): each Step Functions design's expected
// per-state visits, transitions and meters, analytically (sim/markov/analyze.h), priced at each meter's
// first-tier (marginal) price: the sum over its rate lines of the first tier's price per unit.
#include <optional>
#include <string>
#include <vector>

#include "model/diagnostics.h"

#include "engine/explain_report.h"

namespace flowcost::engine {

struct ExplainRequest {
  std::string scenario_path;
  std::optional<std::string> design;  // only this design; every design when absent
  std::optional<std::string> prices;  // the price table; the scenario's `prices:` when absent
  bool strict = false;                // a call that flowcost does not price is an error (--strict)
  bool strict_prices = false;         // the table's own figures only: its borrowed prices are gaps (--strict-prices)
};

struct ExplainRun {
  ExplainReport report;
  std::string table_path;  // the price table read
  std::vector<std::string> input_paths;  // every file read: the scenario's files and the table (never -o)
  // For standard error, sorted, each once: the explained designs' warnings (their definitions') and one per
  // design that makes calls flowcost does not price.
  std::vector<model::Diagnostic> warnings;
};

// Throws model::InputError for a bad scenario or table, an unknown design (with a did-you-mean), a design
// the analysis rejects, a meter the table does not price, or (strict) a call that no meter counts.
ExplainRun explain_scenario(const ExplainRequest& request);

}  // namespace flowcost::engine
