#pragma once
// The results of `flowcost sweep` and `flowcost tornado` (docs/cli.md), already priced: plain data for the
// writers in reports/whatif_writers.h. Money in USD per month; "saving" is baseline cost - candidate cost,
// paired on the same draws (common random numbers); the baseline is always the scenario's first design.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/assumptions.h"
#include "model/unpriced_call.h"

namespace flowcost::engine {

// What a what-if report's numbers rest on, per design, as its run report lists them (the first run of the
// sweep or tornado: the calls and settings do not depend on input values): the calls flowcost cannot
// price (in no total) and the settings that decided the numbers.
struct DesignBasis {
  std::string design;
  std::vector<model::UnpricedCall> unpriced;
  std::vector<Assumption> assumptions;
};

struct CostSummary {
  std::string design;
  double mean_usd = 0;
  double p05_usd = 0;
  double p95_usd = 0;
};

struct PairSaving {
  std::string baseline;
  std::string candidate;
  double saving_usd_mean = 0;
};

struct SweepPoint {
  double value = 0;  // of the varied input, in its base unit (ms, bytes, USD, or bare)
  std::vector<CostSummary> designs;
  std::vector<PairSaving> comparisons;  // every design after the first against the first
};

// Where the mean saving of `candidate` against `baseline` crosses zero, inside [bracket_lo, bracket_hi].
struct BreakEven {
  std::string baseline;
  std::string candidate;
  double value = 0;
  double bracket_lo = 0;
  double bracket_hi = 0;
  int extra_runs = 0;  // bisection runs made to narrow the bracket
  bool candidate_cheaper_above = false;  // the saving is positive above the crossing
};

struct SweepReport {
  std::string scenario;
  std::uint64_t seed = 0;
  std::uint64_t draws = 0;
  std::uint64_t executions_per_draw = 0;
  std::string input;      // the varied input
  double from = 0, to = 0;
  std::string scale;      // "linear" | "log"
  std::vector<SweepPoint> points;
  std::vector<BreakEven> break_even;         // every crossing found, by candidate then value
  std::vector<PairSaving> without_break_even;  // candidates whose saving keeps its sign (mean at `from`)
  std::vector<DesignBasis> basis;
};

// One uncertain input of a tornado: its 5th, 50th and 95th percentiles and each design's cost with the
// input at p05 (low) and at p95 (high), every other input at its median.
struct TornadoDesignRange {
  std::string design;
  double low_usd = 0;
  double high_usd = 0;
};

struct TornadoInput {
  std::string name;
  double p05 = 0, p50 = 0, p95 = 0;
  std::vector<TornadoDesignRange> designs;
};

struct TornadoBar {
  std::string input;
  double saving_low_usd = 0;   // input at its p05
  double saving_high_usd = 0;  // input at its p95
  double swing_usd = 0;        // |high - low|
  bool flips = false;          // the sign of the saving differs between low, base and high
};

struct TornadoPair {
  std::string baseline;
  std::string candidate;
  double base_saving_usd = 0;    // every input at its median
  std::vector<TornadoBar> bars;  // by swing, largest first
};

struct TornadoReport {
  std::string scenario;
  std::uint64_t seed = 0;
  std::uint64_t draws = 0;
  std::uint64_t executions_per_draw = 0;
  std::vector<CostSummary> base;  // every input at its median
  std::vector<TornadoInput> inputs;
  std::vector<TornadoPair> pairs;
  std::vector<DesignBasis> basis;
};

}  // namespace flowcost::engine
