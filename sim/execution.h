#pragma once
// The interface every design kind implements (Step Functions, IoT rules): given the values of one outer
// draw, simulate one execution (one event) at a time into an ExecutionRecord, on a virtual clock, with no
// allocation and no string on the hot path. The replication loop (sim/replication.h) drives it.
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "model/meters.h"
#include "model/metering.h"
#include "model/unpriced_call.h"
#include "sim/meter_counts.h"

namespace flowcost::sim {

enum class Outcome : std::uint8_t { succeeded, failed, lost };

struct ExecutionRecord {
  MeterCounts meters;
  double latency_ms = 0;            // end-to-end virtual time of this event
  Outcome outcome = Outcome::succeeded;
  std::uint32_t error_id = 0;       // index into DesignSimulator::error_names() (0 = none)
  std::uint32_t caught_errors = 0;  // errors handled by a Catch (or an IoT error action)
  std::uint64_t transitions = 0;    // simulated state transitions (performance counter)
  std::uint64_t retries = 0;

  // Everything, meters included.
  void clear() {
    meters.clear();
    reset_event();
  }
  // The per-event fields only: meters keep accumulating (the replication loop sums a chunk's meters in
  // place instead of clearing and adding 25 counters per event).
  void reset_event() {
    latency_ms = 0;
    outcome = Outcome::succeeded;
    error_id = 0;
    caught_errors = 0;
    transitions = 0;
    retries = 0;
  }
};

// The values of one outer draw: every scenario input and workload scalar, by name.
struct DrawInputs {
  std::uint64_t seed = 0;
  std::uint64_t draw = 0;
  std::map<std::string, double, std::less<>> values;
};

class DrawSimulator {
 public:
  virtual ~DrawSimulator() = default;
  // Simulates event number `sample` of the draw: ADDS its meters to out.meters and its transitions,
  // retries and caught errors to those of `out`, and sets out.latency_ms, out.outcome and out.error_id.
  // The caller resets `out` (clear(), or reset_event() to keep summing meters) before each event. Must
  // depend only on (seed, draw, sample) and the draw's values: the same call gives the same record on
  // any thread.
  virtual void simulate(std::uint64_t sample, ExecutionRecord& out) = 0;
};

class DesignSimulator {
 public:
  virtual ~DesignSimulator() = default;
  virtual const std::string& name() const = 0;
  // Per-draw preparation (probabilities and parameters that depend on inputs). Called once per draw per
  // thread; the result keeps its own scratch space.
  virtual std::unique_ptr<DrawSimulator> prepare(const DrawInputs& inputs) const = 0;
  // error_names()[0] is "" (no error); the rest are the error names an execution can end with.
  virtual const std::vector<std::string>& error_names() const = 0;
  // Monthly quantities that do not scale with the number of events (device connection minutes, for
  // example), in billing units; the replication loop adds them to every draw's monthly totals.
  virtual model::MeterTotals monthly_fixed(const DrawInputs& /*inputs*/) const { return {}; }
  // Warnings found while compiling the design (e.g. a Task with no behaviour that defaults to 0 ms).
  virtual const std::vector<std::string>& warnings() const = 0;
  // An estimate of the states (rule and action steps for IoT) one event enters with the draw's `inputs`:
  // the work engine/work_bound.h multiplies by draws x executions before a run (sim/sfn/work_estimate.h).
  virtual double states_per_event(const DrawInputs& /*inputs*/) const { return 1; }
  // The calls this design makes that no meter counts (model/unpriced_call.h); none by default.
  virtual const std::vector<model::UnpricedCall>& unpriced() const {
    static const std::vector<model::UnpricedCall> none;
    return none;
  }
};

}  // namespace flowcost::sim
