#include "sim/replication.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <exception>
#include <limits>
#include <optional>

#include "model/errors.h"
#include "sim/work_crew.h"

namespace flowcost::sim {

namespace {

struct ChunkRange {
  std::uint64_t begin = 0, end = 0;
  int batch = 0;
};

struct ChunkTotals {
  MeterCounts meters;
  std::uint64_t succeeded = 0, failed = 0, lost = 0, caught = 0, transitions = 0, retries = 0;
  std::vector<std::uint64_t> failed_by_error;  // indexed by error id

  // Zero, keeping the storage (a window's totals are reused by the next window).
  void reset(std::size_t errors) {
    meters.clear();
    succeeded = failed = lost = caught = transitions = retries = 0;
    failed_by_error.assign(errors, 0);
  }
};

struct Task {
  std::size_t plan = 0, design = 0, chunk = 0;
};

}  // namespace

struct Replicator::Failure {
  std::size_t task = std::numeric_limits<std::size_t>::max();
  std::exception_ptr error;
};

struct Replicator::Round {
  Failure failure;               // the earliest failed task's
  std::exception_ptr side_error;  // of the work that overlapped the round
};

namespace {

// Batch b covers [b n / 16, (b + 1) n / 16); each batch is cut into chunks of at most kChunkSize.
void chunk_ranges(std::uint64_t n, std::vector<ChunkRange>& out) {
  out.clear();
  const auto batches = static_cast<std::uint64_t>(kBatchesPerDraw);
  for (std::uint64_t b = 0; b < batches; ++b) {
    std::uint64_t begin = b * n / batches, end = (b + 1) * n / batches;
    for (std::uint64_t c = begin; c < end; c += kChunkSize)
      out.push_back({c, std::min(end, c + kChunkSize), static_cast<int>(b)});
  }
}

// The per-event fields of `rec` (its meters are summed in place over the chunk).
void record(const ExecutionRecord& rec, ChunkTotals& t) {
  t.transitions += rec.transitions;
  t.retries += rec.retries;
  if (rec.caught_errors > 0) ++t.caught;
  switch (rec.outcome) {
    case Outcome::succeeded: ++t.succeeded; break;
    case Outcome::lost: ++t.lost; break;
    case Outcome::failed:
      ++t.failed;
      if (rec.error_id >= t.failed_by_error.size())
        throw model::InternalError("execution failed with error id " + std::to_string(rec.error_id) +
                                   ", beyond the design's error names");
      ++t.failed_by_error[rec.error_id];
      break;
  }
}

}  // namespace

struct Replicator::DrawPlan {
  DrawInputs inputs;
  double events_per_month = 0;
  std::uint64_t n = 0;
  bool exact = false;
  std::vector<ChunkRange> ranges;
  std::vector<std::vector<ChunkTotals>> chunks;  // [design][chunk]
  std::vector<std::vector<double>> latency_ms;   // [design][sample], samples 0..min(n, 2000)-1
};

// The draws of one round; its storage is reused by the window after the next.
struct Replicator::Window {
  std::vector<DrawPlan> plans;  // the first `count` are this window's draws
  std::size_t count = 0;
  std::vector<Task> tasks;
};

DrawInputs sample_draw_inputs(const model::Scenario& s, std::uint64_t seed, std::uint64_t draw) {
  return CompiledScenarioValues(s).draw_inputs(seed, draw);
}

Replicator::Replicator(const model::Scenario& scenario, std::vector<const DesignSimulator*> designs,
                       ReplicationOptions options)
    : values_(scenario), designs_(std::move(designs)), options_(options) {
  if (options_.executions == 0) throw model::InternalError("replication with 0 executions per draw");
  threads_ = options_.crew ? options_.crew->members() : thread_count(options_.threads);
}

void Replicator::prepare_window(std::uint64_t first, std::size_t count, Window& w) const {
  if (w.plans.size() < count) w.plans.resize(count);
  w.count = count;
  w.tasks.clear();
  for (std::size_t p = 0; p < count; ++p) {
    DrawPlan& plan = w.plans[p];
    plan.inputs = values_.draw_inputs(options_.seed, first + p);
    plan.events_per_month = plan.inputs.values.at("events_per_month");
    // A month of 0.3 events on average is priced from one simulated event, scaled (below), not from none.
    double month = plan.events_per_month > 0 ? std::max(1.0, std::round(plan.events_per_month)) : 0.0;
    plan.exact = month <= static_cast<double>(options_.executions);
    plan.n = plan.exact ? static_cast<std::uint64_t>(month) : options_.executions;
    chunk_ranges(plan.n, plan.ranges);
    plan.chunks.resize(designs_.size());
    plan.latency_ms.resize(designs_.size());
    for (std::size_t d = 0; d < designs_.size(); ++d) {
      plan.chunks[d].resize(plan.ranges.size());  // zeroed by the task that fills each
      plan.latency_ms[d].resize(std::min(plan.n, kLatencySamplesPerDraw));  // every element is written
      for (std::size_t c = 0; c < plan.ranges.size(); ++c) w.tasks.push_back({p, d, c});
    }
  }
}

Replicator::Round Replicator::simulate_window(Window& w, WorkCrew& crew, const std::function<void()>& side) {
  std::atomic<std::size_t> next{0};
  std::atomic<bool> abort{false};
  // A failure (an input error of a draw or an event) is recorded with its task; the earliest task's is
  // reported. Tasks are taken in order and a worker stops only between tasks, so every task before a
  // failed one runs to its end: the reported error is the same at any thread count.
  std::vector<Failure> failures(crew.members());
  const std::vector<Task>& tasks = w.tasks;
  const std::function<void(unsigned)> work = [&](unsigned member) {
    Failure& failure = failures[member];
    std::vector<std::unique_ptr<DrawSimulator>> sims(designs_.size());
    std::size_t current_plan = std::numeric_limits<std::size_t>::max();
    ExecutionRecord rec;
    std::size_t t = 0;
    try {
      while (!abort.load(std::memory_order_relaxed)) {
        t = next.fetch_add(1);
        if (t >= tasks.size()) return;
        const Task& task = tasks[t];
        DrawPlan& plan = w.plans[task.plan];
        if (task.plan != current_plan) {
          for (auto& s : sims) s.reset();
          current_plan = task.plan;
        }
        auto& sim = sims[task.design];
        if (!sim) sim = designs_[task.design]->prepare(plan.inputs);
        ChunkTotals& totals = plan.chunks[task.design][task.chunk];
        totals.reset(designs_[task.design]->error_names().size());
        std::vector<double>& latency = plan.latency_ms[task.design];
        const ChunkRange& range = plan.ranges[task.chunk];
        rec.clear();
        for (std::uint64_t sample = range.begin; sample < range.end; ++sample) {
          rec.reset_event();
          sim->simulate(sample, rec);
          record(rec, totals);
          if (sample < latency.size()) latency[sample] = rec.latency_ms;
        }
        totals.meters += rec.meters;
      }
    } catch (...) {
      failure = {t, std::current_exception()};
      abort.store(true);
    }
  };
  Round out;
  crew.round(work, [&] {
    try {
      side();
    } catch (...) {
      out.side_error = std::current_exception();
    }
  });
  for (const auto& f : failures)
    if (f.error && (!out.failure.error || f.task < out.failure.task)) out.failure = f;
  return out;
}

void Replicator::merge_draw(const DrawPlan& plan, RunResult& result) const {
  for (std::size_t d = 0; d < designs_.size(); ++d) {
    const DesignSimulator& design = *designs_[d];
    DesignResult& out = result.designs[d];
    MeterCounts total;
    std::vector<MeterCounts> batch(kBatchesPerDraw);
    std::vector<std::uint64_t> batch_size(kBatchesPerDraw, 0);
    for (std::size_t c = 0; c < plan.ranges.size(); ++c) {
      const ChunkTotals& t = plan.chunks[d][c];
      const ChunkRange& r = plan.ranges[c];
      total += t.meters;
      batch[static_cast<std::size_t>(r.batch)] += t.meters;
      batch_size[static_cast<std::size_t>(r.batch)] += r.end - r.begin;
      out.outcomes.succeeded += t.succeeded;
      out.outcomes.failed += t.failed;
      out.outcomes.lost += t.lost;
      out.outcomes.caught += t.caught;
      out.transitions += t.transitions;
      out.retries += t.retries;
      result.simulated_transitions += t.transitions;
      for (std::size_t e = 0; e < t.failed_by_error.size(); ++e)
        if (t.failed_by_error[e] > 0) {
          const std::string& name = design.error_names()[e];
          out.outcomes.failed_by_error[name.empty() ? "unknown" : name] += t.failed_by_error[e];
        }
    }

    DrawRecord dr;
    dr.draw = plan.inputs.draw;
    dr.events_per_month = plan.events_per_month;
    dr.executions = plan.n;
    dr.exact = plan.exact;
    // The sums are the month's when every event of a whole-number month was simulated; otherwise they are
    // scaled to events_per_month (a sampled month, or exact mode's rounded count of a fractional one).
    const double events = plan.events_per_month;
    const double n = static_cast<double>(plan.n);
    const bool whole = plan.exact && n == events;
    const model::MeterTotals fixed = design.monthly_fixed(plan.inputs);
    // The draw's meters: those with a non-zero sum (in meter order), then the fixed ones; each a column.
    std::vector<std::size_t> simulated;  // meter ids with a non-zero sum
    for (std::size_t m = 0; m < kMeterCount; ++m)
      if (total.v[m] != 0) simulated.push_back(m);
    std::vector<std::size_t> sim_column, fixed_column;
    for (std::size_t m : simulated) sim_column.push_back(out.add_column(meter_name(static_cast<Meter>(m))));
    for (const auto& [name, value] : fixed) fixed_column.push_back(out.add_column(name));
    const std::size_t columns = out.meters.size();
    dr.monthly.assign(columns, 0.0);
    for (std::size_t k = 0; k < simulated.size(); ++k) {
      const std::size_t m = simulated[k];
      auto meter = static_cast<Meter>(m);
      if (total.saturated(m)) {
        const std::string w = "meter " + std::string(meter_name(meter)) + " reached the largest quantity flowcost " +
                              "can count (2^63 - 1 native units) in a draw; its totals are lower bounds";
        if (std::find(out.warnings.begin(), out.warnings.end(), w) == out.warnings.end()) out.warnings.push_back(w);
      }
      double sum = static_cast<double>(total.v[m]) * meter_scale(meter);
      dr.monthly[sim_column[k]] = whole ? sum : events * (sum / n);
    }
    {
      std::size_t k = 0;
      for (const auto& [name, value] : fixed) dr.monthly[fixed_column[k++]] += value;
    }
    for (std::size_t b = 0; b < batch.size(); ++b) {
      if (batch_size[b] == 0) continue;
      const std::size_t offset = dr.batch_monthly.size();
      dr.batch_monthly.resize(offset + columns, 0.0);
      for (std::size_t k = 0; k < simulated.size(); ++k) {
        auto meter = static_cast<Meter>(simulated[k]);
        double sum = static_cast<double>(batch[b].v[simulated[k]]) * meter_scale(meter);
        dr.batch_monthly[offset + sim_column[k]] = events * (sum / static_cast<double>(batch_size[b]));
      }
      std::size_t k = 0;
      for (const auto& [name, value] : fixed) dr.batch_monthly[offset + fixed_column[k++]] += value;
    }
    out.execution_totals.add(total);
    const auto& lat = plan.latency_ms[d];
    for (double ms : lat) {
      dr.latency_sum_ms += ms;
      out.latency_ms.add(ms);
    }
    dr.latency_count = lat.size();
    out.draws.push_back(std::move(dr));

    out.executions += plan.n;
    result.simulated_executions += plan.n;
  }
}

void Replicator::run_draws(std::uint64_t first, std::uint64_t count, RunResult& result,
                           const std::function<void(RunResult&)>& window_merged) {
  auto started = std::chrono::steady_clock::now();
  if (result.designs.empty()) {
    result.seed = options_.seed;
    result.executions_per_draw = options_.executions;
    for (const auto* design : designs_) {
      DesignResult dr;
      dr.name = design->name();
      dr.warnings = design->warnings();
      dr.unpriced = design->unpriced();
      result.designs.push_back(std::move(dr));
    }
  } else if (result.designs.size() != designs_.size()) {
    throw model::InternalError("run result has a different number of designs than the replicator");
  }
  const std::uint64_t end = first + count;
  const auto window_end = [&](std::uint64_t from) { return from + window_draws(from - first, count); };
  // Window k is simulated by the crew while the calling thread merges window k - 1 (then `window_merged`)
  // and prepares window k + 1. The order of merges is the draws' order, as is every error: a failure of
  // merging window k - 1 comes first, then one of simulating window k, then one of preparing window k + 1,
  // which is the order of a one-thread run.
  Window windows[2];  // window k of the call is windows[k % 2]
  if (count > 0) prepare_window(first, static_cast<std::size_t>(window_end(first) - first), windows[0]);
  std::uint64_t k = 0;
  {
    // Without a crew of the caller's, no more threads than a whole window would have tasks (the first
    // window's tasks per draw, times the draws of a middle window).
    std::optional<WorkCrew> own;
    if (!options_.crew && count > 0) {
      const std::uint64_t first_draws = window_end(first) - first;
      const std::uint64_t tasks = windows[0].tasks.size() * std::min(kDrawWindow, count) / first_draws;
      own.emplace(static_cast<unsigned>(std::clamp<std::uint64_t>(tasks, 1, threads_)) - 1);
    }
    for (std::uint64_t from = first; from < end; ++k) {
      const std::uint64_t to = window_end(from);  // window k: draws [from, to)
      Window& other = windows[(k + 1) % 2];        // window k - 1 to merge, then window k + 1 to prepare
      std::exception_ptr merge_error;
      Round round = simulate_window(windows[k % 2], options_.crew ? *options_.crew : *own, [&] {
        if (k > 0) {
          try {
            merge_window(other, result, window_merged);
          } catch (...) {
            merge_error = std::current_exception();
            return;
          }
        }
        if (to < end) prepare_window(to, static_cast<std::size_t>(window_end(to) - to), other);
      });
      if (merge_error) std::rethrow_exception(merge_error);
      if (round.failure.error) std::rethrow_exception(round.failure.error);
      if (round.side_error) std::rethrow_exception(round.side_error);
      from = to;
    }
  }
  if (k > 0) merge_window(windows[(k - 1) % 2], result, window_merged);
  result.wall_seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
}

void Replicator::merge_window(const Window& w, RunResult& result,
                              const std::function<void(RunResult&)>& window_merged) const {
  for (std::size_t p = 0; p < w.count; ++p) merge_draw(w.plans[p], result);
  if (window_merged) window_merged(result);
}

}  // namespace flowcost::sim
