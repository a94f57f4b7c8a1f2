#pragma once
// What a simulation run produces, per design and per outer draw, before any price is applied.
// cli/ prices each draw's monthly meter totals with pricing::cost; reports/ writes the results.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "model/meters.h"
#include "model/unpriced_call.h"
#include "sim/meter_counts.h"

namespace flowcost::sim {

inline constexpr int kBatchesPerDraw = 16;  // batch means carry each draw's sampling error

struct DrawResult {
  std::uint64_t draw = 0;
  double events_per_month = 0;
  std::uint64_t executions = 0;      // simulated executions in this draw
  bool exact = false;                // every event of the month simulated (monthly = sum, not N x mean)
  model::MeterTotals monthly;        // monthly meter totals in billing units
  // The same totals estimated from each of kBatchesPerDraw equal batches of the draw's executions (each
  // scaled to the whole month): the spread of their costs gives the draw's Monte Carlo standard error.
  std::vector<model::MeterTotals> batch_monthly;
  std::map<std::string, double> inputs;  // the draw's input values (for tornado/sweeps and reports)
};

struct OutcomeCounts {
  std::uint64_t succeeded = 0;
  std::uint64_t failed = 0;
  std::uint64_t lost = 0;            // IoT messages dropped after retries ran out
  std::uint64_t caught = 0;          // executions that caught at least one error
  std::map<std::string, std::uint64_t> failed_by_error;
};

struct DesignResult {
  std::string name;
  std::vector<DrawResult> draws;
  // Per-execution means over all simulated executions (billing units per execution).
  model::MeterTotals per_execution_mean;
  // Sums over all simulated executions (billing units), accumulated draw by draw in draw order; the
  // replication loop keeps per_execution_mean = execution_totals / executions.
  model::MeterTotals execution_totals;
  std::vector<double> latency_sample_ms;  // pooled, deterministic subsample of end-to-end latencies
  OutcomeCounts outcomes;
  std::uint64_t executions = 0;
  std::uint64_t transitions = 0;
  std::uint64_t retries = 0;
  std::vector<std::string> warnings;
  std::vector<model::UnpricedCall> unpriced;  // calls no meter counts: not in any total
};

struct RunResult {
  std::uint64_t seed = 0;
  std::uint64_t executions_per_draw = 0;
  std::vector<DesignResult> designs;
  std::uint64_t simulated_executions = 0;
  std::uint64_t simulated_transitions = 0;
  double wall_seconds = 0;  // measured, reported in `performance` only (not part of determinism)
};

}  // namespace flowcost::sim
