// Parallel and Map (inline and distributed) on the virtual clock (docs/sources.md#asl-states, #asl-billing).
#include <algorithm>
#include <cmath>
#include <functional>
#include <string>

#include "model/errors.h"
#include "model/event_meters.h"
#include "model/number_format.h"
#include "model/scenario/step_functions_design.h"

#include "sim/random.h"
#include "sim/sfn/executor.h"
#include "sim/sfn/map_threshold.h"
#include "sim/sfn/slots.h"

namespace flowcost::sim::sfn {

namespace {

// The most items a Map visit may have: above, the run is refused at the `items` value's position (a
// Map's items are simulated one by one unless a large Distributed Map visit is sampled; nothing is clamped).
constexpr double kMaxMapItems = model::kMaxMapItems;

[[noreturn]] void throw_too_many_items(const Plan& plan, const PlanMap& m, double items) {
  throw model::InputError(plan.values[m.items].loc,
                          "a Map visit drew " + model::format_shortest(items) + " items; items must be a number from 0 to " +
                              model::format_shortest(kMaxMapItems) + " (the limit of a Map visit)");
}

// Start time of the next item: now while a concurrency slot is free, else when the earliest slot frees.
double next_start(std::vector<double>& heap, double cap, double t) {
  if (static_cast<double>(heap.size()) < cap) return t;
  std::pop_heap(heap.begin(), heap.end(), std::greater<>());
  const double free_at = heap.back();
  heap.pop_back();
  return std::max(t, free_at);
}

void occupy(std::vector<double>& heap, double until) {
  heap.push_back(until);
  std::push_heap(heap.begin(), heap.end(), std::greater<>());
}

// `sum` x children / simulated, rounded to the nearest native unit (exact integer arithmetic; a saturated
// sum stays saturated).
__extension__ using Wide = unsigned __int128;

std::int64_t scaled(std::int64_t sum, std::uint64_t children, std::uint64_t simulated) {
  const Wide n = static_cast<Wide>(static_cast<std::uint64_t>(sum)) * children;
  const Wide q = (n + simulated / 2) / simulated;
  return q > static_cast<Wide>(kMeterSaturated) ? kMeterSaturated : static_cast<std::int64_t>(q);
}

}  // namespace

Executor::Mark Executor::mark() {
  Mark m{out_->meters, out_->transitions, out_->retries, out_->caught_errors, frame_.history, frame_.steps, mock_depth_};
  if (any_mocked_) {  // a stack of copies, reused across events (no allocation once it is deep enough)
    if (mock_depth_ == mock_marks_.size()) mock_marks_.push_back(mock_counts_);
    else mock_marks_[mock_depth_] = mock_counts_;
    ++mock_depth_;
  }
  return m;
}

void Executor::undo(const Mark& m) {
  out_->meters = m.meters;
  out_->transitions = m.transitions;
  out_->retries = m.retries;
  out_->caught_errors = m.caught;
  frame_.history = m.history;
  frame_.steps = m.steps;
  if (any_mocked_) mock_counts_ = mock_marks_[m.mock_depth];
}

// Branches start together; when one fails, the Parallel fails with its error and the others are stopped
// at that time (docs/sources.md#asl-states). Branches run one after another here, each stopped at the earliest failure
// among those before it; a branch that ran before the first failing one and went on past its time is
// then run again, stopped there (the pass is undone and redone: the same draws give the same path up to
// the stop, so the meters are those of the stopped branches).
Executor::Result Executor::run_parallel(const PlanState& s, double t, std::uint64_t occ, double stop_ms) {
  count_history(2, t);  // ParallelStateStarted, ParallelStateSucceeded/Failed
  const MarkScope scope_mark(*this);
  if (!metering_.express_parallel_branches_are_steps) ++frame_.steps;
  double end = t, failed_at = kForever, ran_past = t;
  std::uint32_t error = 0, failing = kNone;
  for (std::uint32_t b = 0; b < s.scopes_count; ++b) {
    const std::uint32_t scope = plan_.scope_lists[s.scopes_first + b];
    if (metering_.express_parallel_branches_are_steps) ++frame_.steps;
    const std::uint64_t ctx = site_key(occ, b);
    const Result r = run_scope(scope, t + branch_start_ms(ctx), ctx, std::min(stop_ms, failed_at));
    if (frame_.abort_error) return {frame_.abort_ms, frame_.abort_error};
    if (r.error && r.end_ms < failed_at) {
      failed_at = r.end_ms;
      error = r.error;
      failing = b;
      ran_past = end;  // the latest end among the branches before this one
    }
    end = std::max(end, r.end_ms);
  }
  if (!error) return {end, 0};
  if (ran_past > failed_at) {
    undo(scope_mark.mark);
    if (!metering_.express_parallel_branches_are_steps) ++frame_.steps;
    for (std::uint32_t b = 0; b < s.scopes_count; ++b) {
      const std::uint32_t scope = plan_.scope_lists[s.scopes_first + b];
      if (metering_.express_parallel_branches_are_steps) ++frame_.steps;
      const std::uint64_t ctx = site_key(occ, b);
      run_scope(scope, t + branch_start_ms(ctx), ctx, b == failing ? stop_ms : std::min(stop_ms, failed_at));
      if (frame_.abort_error) return {frame_.abort_ms, frame_.abort_error};
    }
  }
  return {failed_at, error};
}

// Iterations start in order as concurrency slots free up; a failing iteration fails the Map and stops
// the running ones at its time, and no later iteration starts (docs/sources.md#asl-states). As for Parallel, iterations
// that ran before the first failing one and went on past its time are run again, stopped there.
Executor::Result Executor::run_map(const PlanState& s, double t, std::uint64_t occ, double stop_ms) {
  const PlanMap& m = plan_.maps[s.detail];
  count_history(2, t);  // MapStateStarted, MapStateSucceeded/Failed (or MapRunStarted/Succeeded)
  SiteVariates variates = values_.variates(occ);
  const double drawn_items = std::round(values_.get(m.items, variates, kSlotMapItems));
  if (!(drawn_items <= kMaxMapItems)) throw_too_many_items(plan_, m, drawn_items);
  const double items = std::max(0.0, drawn_items);
  const std::uint32_t depth = plan_.scopes[m.processor].depth;
  if (m.distributed) {
    const double cap = m.max_concurrency > 0 ? m.max_concurrency : 10000;
    const auto children = static_cast<std::uint64_t>(std::ceil(items / m.batch_size));
    // The ItemReader's S3 requests: one GetObject, or one LIST per 1,000 keys (at least one).
    if (m.reader_get) out_->meters.add(Meter::s3_get_requests, 1);
    if (m.reader_list) out_->meters.add(Meter::s3_put_requests, std::max<std::int64_t>(1, model::saturating_ceil(items / 1000)));
    return run_distributed(m, t, occ, items, children, cap, depth);
  }
  const double cap = m.max_concurrency > 0 ? std::min(m.max_concurrency, 40.0) : 40.0;
  const auto n = static_cast<std::uint64_t>(items);
  const MarkScope scope_mark(*this);
  std::vector<double>& heap = slots_[depth];
  // One pass over the iterations; `stop_of(i, failed_at)` is iteration i's stop time.
  auto pass = [&](auto stop_of, double& failed_at, std::uint64_t& failing, double& ran_past) -> Result {
    heap.clear();
    double end = t;
    std::uint32_t error = 0;
    for (std::uint64_t i = 0; i < n; ++i) {
      const double start = next_start(heap, cap, t);
      const double stop = stop_of(i, failed_at);
      if (start >= stop) break;  // the Map already failed (or was stopped): no further iteration starts
      count_history(2, start);   // MapIterationStarted, MapIterationSucceeded/Failed
      ++frame_.steps;            // an iteration executed (Express memory)
      const std::uint64_t ctx = site_key(occ, i + 1);
      const Result r = run_scope(m.processor, start + branch_start_ms(ctx), ctx, stop);
      if (frame_.abort_error) return {frame_.abort_ms, frame_.abort_error};
      if (r.error && r.end_ms < failed_at) {
        failed_at = r.end_ms;
        error = r.error;
        failing = i;
        ran_past = end;
      }
      occupy(heap, r.end_ms);
      end = std::max(end, r.end_ms);
    }
    return {end, error};
  };
  double failed_at = kForever, ran_past = t;
  std::uint64_t failing = 0;
  const Result first = pass([&](std::uint64_t, double f) { return std::min(stop_ms, f); }, failed_at, failing, ran_past);
  if (frame_.abort_error) return first;
  if (!first.error) return first;
  if (ran_past > failed_at) {
    undo(scope_mark.mark);
    double again = kForever, unused_past = t;
    std::uint64_t unused = 0;
    const double f = failed_at;
    pass([&](std::uint64_t i, double) { return i == failing ? stop_ms : std::min(stop_ms, f); }, again, unused,
         unused_past);
    if (frame_.abort_error) return {frame_.abort_ms, frame_.abort_error};
  }
  return {failed_at, first.error};
}

Executor::Result Executor::run_distributed(const PlanMap& m, double t, std::uint64_t occ, double items,
                                           std::uint64_t children, double cap, std::uint32_t depth) {
  std::vector<double>& heap = slots_[depth];
  heap.clear();
  const PlanMachine& machine = plan_.machines[frame_.machine];
  const std::uint32_t machine_index = frame_.machine;
  // A visit with more children than map_sample_above simulates map_sample_children of them (the first
  // ones: every child's random stream is independent and identically distributed, so they are a simple
  // random sample) on proportionally fewer concurrency slots, and scales what they added by children /
  // simulated (docs/scenario-format.md "Large Maps").
  const bool sampled = plan_.map_sample_children > 0 && children > plan_.map_sample_above;
  const std::uint64_t simulated = sampled ? plan_.map_sample_children : children;
  const double slots = sampled ? std::max(1.0, std::floor(cap * static_cast<double>(simulated) /
                                                          static_cast<double>(children)))
                               : cap;
  const MeterCounts meters_before = out_->meters;
  const std::uint64_t transitions_before = out_->transitions, retries_before = out_->retries;
  const std::uint32_t caught_before = out_->caught_errors;
  std::uint64_t failed = 0;
  double failed_items = 0, simulated_items = 0;  // of the children simulated
  double end = t;
  for (std::uint64_t j = 0; j < simulated; ++j) {
    const double start = next_start(heap, slots, t);
    // One transition of the parent per child execution started (docs/sources.md#asl-billing).
    if (!frame_.express) out_->meters.add(Meter::sfn_standard_transitions, 1);
    ++out_->transitions;
    const std::uint64_t ctx = site_key(occ, j + 1);
    const Result r = run_execution_scope(m.processor, m.express_children, kForever, start, ctx, machine_index);
    if (m.express_children) {
      SiteVariates child = values_.variates(site_key(kExecutionSite, ctx));
      const double item_bytes = m.item_bytes != kNone ? values_.get(m.item_bytes, child, kSlotItemBytes) * m.batch_size : 0;
      meter_express(machine.definition_mb, item_bytes, last_steps_, r.end_ms - start);
    }
    const double child_items = items_of_child(j, children, items, m.batch_size);
    simulated_items += child_items;
    if (r.error) {
      ++failed;
      failed_items += child_items;
    }
    occupy(heap, r.end_ms);
    end = std::max(end, r.end_ms);
  }
  // The failed children: counted, or estimated from the sample.
  double failed_children = static_cast<double>(failed);
  if (sampled) {
    for (std::size_t i = 0; i < kMeterCount; ++i) {
      std::int64_t& total = out_->meters.v[i];
      if (total == kMeterSaturated) continue;
      if (__builtin_add_overflow(meters_before.v[i], scaled(total - meters_before.v[i], children, simulated), &total))
        total = kMeterSaturated;
    }
    const auto scale_count = [&](auto now, auto before) {
      return before + static_cast<decltype(now)>(scaled(static_cast<std::int64_t>(now - before), children, simulated));
    };
    out_->transitions = scale_count(out_->transitions, transitions_before);
    out_->retries = scale_count(out_->retries, retries_before);
    out_->caught_errors = scale_count(out_->caught_errors, caught_before);
    failed_children = static_cast<double>(failed) * static_cast<double>(children) / static_cast<double>(simulated);
    failed_items = simulated_items > 0 ? failed_items * items / simulated_items : 0;
  }
  // The ResultWriter: the manifest, one results file of the succeeded children and one of the failed.
  if (m.writer)
    out_->meters.add(Meter::s3_put_requests,
                     1 + (static_cast<double>(children) > failed_children ? 1 : 0) + (failed > 0 ? 1 : 0));
  // The Map Run fails when its failed items exceed the tolerated count or percentage.
  return {end, exceeds_tolerated_failures(m, failed_items, items) ? plan_.err_threshold : 0u};
}

}  // namespace flowcost::sim::sfn
