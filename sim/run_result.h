#pragma once
// What a simulation run produces, per design and per outer draw, before any price is applied. The engine
// prices each draw's monthly meter totals with pricing::cost; reports/ writes the results.
//
// Memory: a draw of a design is one compact DrawRecord (a few numbers, its monthly totals in a dense array
// indexed by the design's meter columns), so a run's memory grows by that record per draw and nothing else:
// latencies go into a fixed-size histogram, execution totals into exact integer sums, and each draw's batch
// totals are released once the engine has priced the draw (release_batch_totals).
#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/meters.h"
#include "model/unpriced_call.h"
#include "sim/latency_histogram.h"
#include "sim/meter_counts.h"

namespace flowcost::sim {

inline constexpr int kBatchesPerDraw = 16;  // batch means carry each draw's sampling error

struct DrawRecord {
  std::uint64_t draw = 0;
  double events_per_month = 0;
  std::uint64_t executions = 0;  // simulated executions in this draw
  bool exact = false;            // every event of the month simulated (monthly = sum, not N x mean)
  // Monthly totals in billing units by meter column (DesignResult::meters); columns added after this draw
  // (and any past the end) are 0 in it.
  std::vector<double> monthly;
  // The same totals estimated from each of the draw's non-empty batches (at most kBatchesPerDraw equal
  // batches of its executions, each scaled to the whole month), batch after batch, monthly.size() values
  // each: the spread of their costs gives the draw's Monte Carlo standard error. Emptied once priced.
  std::vector<double> batch_monthly;
  // Sum of the latencies of samples 0..min(n, 2000)-1, in sample order, and how many there are.
  double latency_sum_ms = 0;
  std::uint64_t latency_count = 0;
};

// Exact sums of native meter integers over many draws (128 bits: no saturation in practice; a sum that
// passes 2^128 - 1 saturates there).
struct MeterSums {
  __extension__ using Wide = unsigned __int128;
  std::array<Wide, kMeterCount> v{};
  void add(const MeterCounts& counts);
  MeterSums& operator+=(const MeterSums& other);
  bool operator==(const MeterSums& other) const = default;
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
  // Meter columns: every meter any draw produced (a non-zero sum, or a monthly fixed quantity), in order of
  // first appearance.
  std::vector<std::string> meters;
  std::vector<DrawRecord> draws;
  MeterSums execution_totals;    // native units, over all simulated executions
  LatencyHistogram latency_ms;   // latencies of samples 0..min(n, 2000)-1 of every draw
  OutcomeCounts outcomes;
  std::uint64_t executions = 0;
  std::uint64_t transitions = 0;
  std::uint64_t retries = 0;
  std::vector<std::string> warnings;
  std::vector<model::UnpricedCall> unpriced;  // calls no meter counts: not in any total

  // The column of `meter`, if any draw produced it.
  std::optional<std::size_t> column(std::string_view meter) const;
  // The column of `meter`, added when new.
  std::size_t add_column(std::string_view meter);
  // A draw's monthly total of `meter` (0 when it has none).
  double monthly(const DrawRecord& draw, std::string_view meter) const;
  // Mean billing units per simulated execution (0 without executions or for a meter not simulated).
  double per_execution_mean(std::string_view meter) const;
  // Mean latency over the pooled samples: the per-draw sums added in draw order (0 when none).
  double latency_mean_ms() const;
};

struct RunResult {
  std::uint64_t seed = 0;
  std::uint64_t executions_per_draw = 0;
  std::vector<DesignResult> designs;
  std::uint64_t simulated_executions = 0;
  std::uint64_t simulated_transitions = 0;
  double wall_seconds = 0;  // measured, reported in `performance` only (not part of determinism)
};

// Empties the batch totals of draws [0, priced) of every design (they only serve the per-draw standard
// error, which the engine computes when it prices a draw).
void release_batch_totals(RunResult& run, std::size_t priced);

}  // namespace flowcost::sim
