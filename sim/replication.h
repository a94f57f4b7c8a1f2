#pragma once
// The two-level replication loop (docs/scenario-format.md "run"): outer draws of the uncertain inputs, inner
// executions per draw, for every design with common random numbers.
//
// Per draw and design: n = executions, or n = round(events_per_month) (at least 1 when events_per_month > 0)
// when that is <= executions (exact mode: the month's every event is simulated and the monthly totals are
// the sums; when events_per_month is not a whole number, the sums scaled by events_per_month / n, so that
// a month of 1.5 events on average costs 1.5 events, not the 2 simulated). Sample indices 0..n-1
// are split into kBatchesPerDraw contiguous batches (batch b = [b n / 16, (b + 1) n / 16)), each split into
// chunks of at most kChunkSize samples; chunks do not depend on the thread count. Threads (sim/work_crew.h)
// take chunks from a shared counter, each with its own DrawSimulator (prepare() once per draw per thread) and
// ExecutionRecord; per-chunk integer sums are merged in chunk order, so results are byte-identical for any
// thread count and any split of the draws into run_draws calls.
//
// Monthly totals: monthly = events_per_month x (sum x meter_scale / n) (n = events_per_month: sum x meter_scale),
// plus DesignSimulator::monthly_fixed; a meter gets a column of the design (DesignResult::meters) the first
// time a draw has a non-zero sum of it (or a fixed part). Each batch total is events_per_month x (batch sum
// x meter_scale / batch size) + monthly_fixed (min(n, 16) batches: empty batches are left out). Latencies
// of samples 0..min(n, 2000)-1 of every draw go into the design's histogram (and their sum into the draw's
// record). Memory per draw and design: one DrawRecord (sim/run_result.h).
#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

#include "model/scenario/scenario.h"
#include "sim/execution.h"
#include "sim/run_result.h"
#include "sim/scenario_values.h"

namespace flowcost::sim {

class WorkCrew;

inline constexpr std::uint64_t kChunkSize = 2048;
inline constexpr std::uint64_t kLatencySamplesPerDraw = 2000;
// Draws simulated per round of the threads (a window). While window k is simulated, the calling thread
// merges window k - 1 (and the engine prices it) and prepares window k + 1: what stays serial is the first
// window's preparation and the last one's merge and pricing. So the first and the last window of a call
// hold at most kEdgeWindow draws and the others kDrawWindow. Results do not depend on the windows.
inline constexpr std::uint64_t kDrawWindow = 8;
inline constexpr std::uint64_t kEdgeWindow = 2;

// The draws of the next window of a call that simulates `count` draws, `done` of them in earlier windows
// (count = 50: 2, 8, 8, 8, 8, 8, 6, 2).
inline std::uint64_t window_draws(std::uint64_t done, std::uint64_t count) {
  const std::uint64_t left = count - done;
  if (done == 0 || left <= kEdgeWindow) return left < kEdgeWindow ? left : kEdgeWindow;
  return left - kEdgeWindow < kDrawWindow ? left - kEdgeWindow : kDrawWindow;
}

// The values of outer draw `draw`: each input (number, expression over earlier inputs, or distribution
// sampled with Stream(seed, draw, kInputSample, site_key(name))) and each per-draw workload scalar.
DrawInputs sample_draw_inputs(const model::Scenario& s, std::uint64_t seed, std::uint64_t draw);

struct ReplicationOptions {
  std::uint64_t seed = 1;
  std::uint64_t executions = 100000;
  unsigned threads = 0;  // 0 = all cores (std::thread::hardware_concurrency())
  // A crew started earlier, whose helpers are then asleep and ready when the first window starts
  // (sim/work_crew.h); it replaces `threads` (threads = crew->members()). Without one, each run_draws call
  // starts its own.
  WorkCrew* crew = nullptr;
};

class Replicator {
 public:
  Replicator(const model::Scenario& scenario, std::vector<const DesignSimulator*> designs,
             ReplicationOptions options);

  // Simulates draws [first, first + count) of every design and appends them to `result` (designs in order).
  // Byte-identical results for any `threads` and any split of draws into calls. Draws are simulated in
  // windows of a few; after each window is appended, `window_merged(result)` runs on the calling thread
  // while the next window is being simulated (the engine prices the new draws there). Exceptions from a
  // design (InputError, InternalError) or from `window_merged` propagate, in the order a one-thread run
  // meets them; `result` is then incomplete.
  void run_draws(std::uint64_t first, std::uint64_t count, RunResult& result,
                 const std::function<void(RunResult&)>& window_merged = {});

  const CompiledScenarioValues& values() const { return values_; }
  unsigned threads() const { return threads_; }

 private:
  struct DrawPlan;
  struct Window;
  struct Failure;
  struct Round;
  void prepare_window(std::uint64_t first, std::size_t count, Window& w) const;
  Round simulate_window(Window& w, WorkCrew& crew, const std::function<void()>& side);
  void merge_draw(const DrawPlan& plan, RunResult& result) const;
  void merge_window(const Window& w, RunResult& result, const std::function<void(RunResult&)>& window_merged) const;

  CompiledScenarioValues values_;
  std::vector<const DesignSimulator*> designs_;
  ReplicationOptions options_;
  unsigned threads_ = 1;
};

}  // namespace flowcost::sim
