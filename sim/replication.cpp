#include "sim/replication.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <exception>
#include <limits>
#include <thread>

#include "model/errors.h"

namespace flowcost::sim {

namespace {

constexpr std::uint64_t kDrawWindow = 32;  // draws simulated per parallel region

struct ChunkRange {
  std::uint64_t begin = 0, end = 0;
  int batch = 0;
};

struct ChunkTotals {
  MeterCounts meters;
  std::uint64_t succeeded = 0, failed = 0, lost = 0, caught = 0, transitions = 0, retries = 0;
  std::vector<std::uint64_t> failed_by_error;  // indexed by error id
};

struct Task {
  std::size_t plan = 0, design = 0, chunk = 0;
};

// Batch b covers [b n / 16, (b + 1) n / 16); each batch is cut into chunks of at most kChunkSize.
std::vector<ChunkRange> chunk_ranges(std::uint64_t n) {
  std::vector<ChunkRange> out;
  const auto batches = static_cast<std::uint64_t>(kBatchesPerDraw);
  for (std::uint64_t b = 0; b < batches; ++b) {
    std::uint64_t begin = b * n / batches, end = (b + 1) * n / batches;
    for (std::uint64_t c = begin; c < end; c += kChunkSize)
      out.push_back({c, std::min(end, c + kChunkSize), static_cast<int>(b)});
  }
  return out;
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

DrawInputs sample_draw_inputs(const model::Scenario& s, std::uint64_t seed, std::uint64_t draw) {
  return CompiledScenarioValues(s).draw_inputs(seed, draw);
}

Replicator::Replicator(const model::Scenario& scenario, std::vector<const DesignSimulator*> designs,
                       ReplicationOptions options)
    : values_(scenario), designs_(std::move(designs)), options_(options) {
  if (options_.executions == 0) throw model::InternalError("replication with 0 executions per draw");
  threads_ = options_.threads != 0 ? options_.threads : std::max(1u, std::thread::hardware_concurrency());
}

void Replicator::simulate_window(std::vector<DrawPlan>& plans) {
  std::vector<Task> tasks;
  for (std::size_t p = 0; p < plans.size(); ++p)
    for (std::size_t d = 0; d < designs_.size(); ++d)
      for (std::size_t c = 0; c < plans[p].ranges.size(); ++c) tasks.push_back({p, d, c});

  std::atomic<std::size_t> next{0};
  std::atomic<bool> abort{false};
  // A failure (an input error of a draw or an event) is recorded with its task; the earliest task's is
  // reported. Tasks are taken in order and a worker stops only between tasks, so every task before a
  // failed one runs to its end: the reported error is the same at any thread count.
  struct Failure {
    std::size_t task = std::numeric_limits<std::size_t>::max();
    std::exception_ptr error;
  };
  auto work = [&](Failure& failure) {
    std::vector<std::unique_ptr<DrawSimulator>> sims(designs_.size());
    std::size_t current_plan = std::numeric_limits<std::size_t>::max();
    ExecutionRecord rec;
    std::size_t t = 0;
    try {
      while (!abort.load(std::memory_order_relaxed)) {
        t = next.fetch_add(1);
        if (t >= tasks.size()) return;
        const Task& task = tasks[t];
        DrawPlan& plan = plans[task.plan];
        if (task.plan != current_plan) {
          for (auto& s : sims) s.reset();
          current_plan = task.plan;
        }
        auto& sim = sims[task.design];
        if (!sim) sim = designs_[task.design]->prepare(plan.inputs);
        ChunkTotals& totals = plan.chunks[task.design][task.chunk];
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

  auto workers = static_cast<std::size_t>(std::min<std::uint64_t>(threads_, tasks.size()));
  std::vector<Failure> failures(std::max<std::size_t>(workers, 1));
  if (workers <= 1) {
    work(failures[0]);
  } else {
    std::vector<std::thread> pool;
    for (std::size_t i = 0; i < workers; ++i) pool.emplace_back(work, std::ref(failures[i]));
    for (auto& th : pool) th.join();
  }
  const Failure* first = nullptr;
  for (const auto& f : failures)
    if (f.error && (!first || f.task < first->task)) first = &f;
  if (first) std::rethrow_exception(first->error);
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
    const double events = plan.exact ? static_cast<double>(plan.n) : plan.events_per_month;
    const double n = static_cast<double>(plan.n);
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
      dr.monthly[sim_column[k]] = plan.exact ? sum : events * (sum / n);
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

void Replicator::run_draws(std::uint64_t first, std::uint64_t count, RunResult& result) {
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
  for (std::uint64_t window = first; window < first + count; window += kDrawWindow) {
    std::uint64_t end = std::min(first + count, window + kDrawWindow);
    std::vector<DrawPlan> plans;
    for (std::uint64_t draw = window; draw < end; ++draw) {
      DrawPlan plan;
      plan.inputs = values_.draw_inputs(options_.seed, draw);
      plan.events_per_month = plan.inputs.values.at("events_per_month");
      double month = std::round(plan.events_per_month);
      plan.exact = month <= static_cast<double>(options_.executions);
      plan.n = plan.exact ? static_cast<std::uint64_t>(month) : options_.executions;
      plan.ranges = chunk_ranges(plan.n);
      for (const auto* design : designs_) {
        ChunkTotals empty;
        empty.failed_by_error.assign(design->error_names().size(), 0);
        plan.chunks.emplace_back(plan.ranges.size(), empty);
        plan.latency_ms.emplace_back(std::min(plan.n, kLatencySamplesPerDraw), 0.0);
      }
      plans.push_back(std::move(plan));
    }
    simulate_window(plans);
    for (const auto& plan : plans) merge_draw(plan, result);
  }
  result.wall_seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
}

}  // namespace flowcost::sim
