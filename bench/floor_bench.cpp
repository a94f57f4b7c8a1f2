// Each shipped Step Functions design against its floor (README.md "The floor"): the work a simulated
// execution of the design cannot avoid, that is its Philox blocks, its sampler calls (same distributions,
// same parameters) and its meter additions, as counted on the real executor by floor/count_floor.cpp at
// build time, replayed in a tight loop with no executor control flow.
//
// One benchmark per design, on one thread: each iteration times a chunk of 4,096 executions of the floor
// and then the same executions of the executor (draw 0, the record handled as transitions_bench's
// executor/... does), both in this thread's CPU time, so both see the same load on a shared machine.
// Counters: executions/s (the executor), floor_executions/s, executor/floor (how many times the floor's
// time the executor takes), and the floor's work per execution (philox_blocks, samples, meter_adds).
// 9 repetitions; quote the median; `max` and `min` are the extremes of each counter.
//   build/bench/floor_bench
//   build/bench/floor_bench --benchmark_filter=media
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cmath>
#include <ctime>
#include <string>
#include <vector>

#include "floor_counts_generated.h"
#include "model/event_meters.h"
#include "model/metering.h"
#include "shipped_designs.h"
#include "sim/random.h"
#include "sim/sampler.h"
#include "sim/scenario_values.h"

namespace {

using namespace flowcost;

// The quantity of one meter addition whose size, duration or count is `x`, through the metering function
// the executor uses for that meter (model/event_meters.h); a count meter adds 1, as the executor's do.
std::int64_t quantity(const model::EventMeters& m, sim::Meter meter, double x) {
  using sim::Meter;
  switch (meter) {
    case Meter::lambda_gb_seconds_x86:
    case Meter::lambda_gb_seconds_arm64: return m.lambda_mb_ms(1024, 0, x);
    case Meter::sfn_express_gb_seconds: return m.express_mb_ms(x, x);
    case Meter::fargate_vcpu_seconds:
    case Meter::fargate_gb_seconds: return model::saturating_mul(1024, m.fargate_billed_ms(x));
    case Meter::dynamodb_write_request_units: return m.dynamodb_write_units(x, 1, false);
    case Meter::dynamodb_read_request_units: return m.dynamodb_read_half_units(x, 1, model::DynamoDbRead::eventual);
    case Meter::iot_messages: return m.iot_message_units(x);
    case Meter::sqs_requests:
    case Meter::sqs_fifo_requests: return m.sqs_requests(x);
    case Meter::sns_publishes: return m.sns_publishes(x);
    case Meter::kinesis_put_payload_units: return m.kinesis_payload_units(x);
    case Meter::eventbridge_events: return m.eventbridge_events(x);
    case Meter::apigateway_http_requests: return m.apigateway_http_requests(x);
    case Meter::firehose_gb: return m.firehose_bytes(x);
    case Meter::cloudwatch_logs_gb: return model::EventMeters::bytes(x);
    default: return 1;
  }
}

// The floor of one design for kChunk executions: the counted totals scaled to the chunk and spread evenly
// over its executions.
class Floor {
 public:
  explicit Floor(const bench::FloorCounts& c) {
    for (const auto& s : c.samplers) samplers_.emplace_back(s.spec);
    const double scale = static_cast<double>(bench::kChunk) / static_cast<double>(c.executions);
    // Execution e gets the items whose spread position falls in it: count x (e+1) / kChunk, rounded down,
    // minus the same at e.
    auto spread = [&](std::uint64_t total, std::uint64_t e) {
      const auto n = static_cast<std::uint64_t>(std::llround(static_cast<double>(total) * scale));
      return n * (e + 1) / bench::kChunk - n * e / bench::kChunk;
    };
    for (std::uint64_t e = 0; e < bench::kChunk; ++e) {
      Execution x;
      x.blocks = static_cast<std::uint32_t>(spread(c.philox_blocks, e));
      x.samples_first = static_cast<std::uint32_t>(samples_.size());
      for (std::size_t k = 0; k < c.samplers.size(); ++k)
        for (std::uint64_t i = spread(c.samplers[k].calls, e); i > 0; --i) samples_.push_back(static_cast<std::uint16_t>(k));
      x.samples_end = static_cast<std::uint32_t>(samples_.size());
      x.meters_first = static_cast<std::uint32_t>(meters_.size());
      for (std::size_t m = 0; m < sim::kMeterCount; ++m)
        for (std::uint64_t i = spread(c.meter_adds[m], e); i > 0; --i) meters_.push_back(static_cast<sim::Meter>(m));
      x.meters_end = static_cast<std::uint32_t>(meters_.size());
      executions_.push_back(x);
      blocks_ += x.blocks;
    }
  }

  // kChunk executions from `sample` on. Each Philox block is a new place's (as every place of an execution
  // has its own site); a sampler draws from a slot of the latest block, then from that slot's lane when it
  // needs more words, exactly as the executor's samplers do; each meter addition adds the quantity of the
  // latest variate through the meter's own arithmetic (quantity()).
  void run(sim::MeterCounts& meters, const model::EventMeters& arithmetic, std::uint64_t seed,
           std::uint64_t& sample) const {
    sim::SiteVariates place(seed, 0, sample, 0);
    place.word(0);
    double x = 0;
    for (const Execution& e : executions_) {
      ++sample;
      unsigned slot = 0;
      for (std::uint32_t b = 0; b < e.blocks; ++b) {
        place = sim::SiteVariates(seed, 0, sample, b);
        place.word(0);
      }
      for (std::uint32_t i = e.samples_first; i < e.samples_end; ++i) {
        sim::Stream stream = place.stream(slot++ % 4);
        x = samplers_[samples_[i]].sample(stream);
      }
      for (std::uint32_t i = e.meters_first; i < e.meters_end; ++i) meters.add(meters_[i], quantity(arithmetic, meters_[i], x));
    }
    benchmark::DoNotOptimize(x);
  }

  double blocks_per_execution() const { return static_cast<double>(blocks_) / static_cast<double>(bench::kChunk); }
  double samples_per_execution() const { return static_cast<double>(samples_.size()) / static_cast<double>(bench::kChunk); }
  double meter_adds_per_execution() const { return static_cast<double>(meters_.size()) / static_cast<double>(bench::kChunk); }

 private:
  struct Execution {
    std::uint32_t blocks = 0;
    std::uint32_t samples_first = 0, samples_end = 0;
    std::uint32_t meters_first = 0, meters_end = 0;
  };
  std::vector<sim::Sampler> samplers_;
  std::vector<Execution> executions_;
  std::vector<std::uint16_t> samples_;  // sampler index per call, executions in order
  std::vector<sim::Meter> meters_;      // meter per addition, executions in order
  std::uint64_t blocks_ = 0;
};

// This thread's CPU time in seconds: on a shared machine the wall time of a chunk includes the time other
// processes held the core, which would land on the floor or the executor at random.
double thread_cpu_s() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

void against_floor(benchmark::State& state, const bench::ShippedDesign& design, const bench::FloorCounts& counts) {
  auto l = bench::load_design_or_skip(state, design);
  if (!l) return;
  const Floor f(counts);
  sim::CompiledScenarioValues values(l->scenario);
  auto draw = l->simulator->prepare(values.draw_inputs(l->scenario.run.seed, 0));
  sim::ExecutionRecord record;
  sim::MeterCounts floor_meters;
  const model::EventMeters arithmetic{model::MeteringRules{}};
  std::uint64_t sample = 0, floor_sample = 0, executions = 0;
  double executor_s = 0, floor_s = 0;
  for (auto _ : state) {
    floor_meters.clear();
    const double t0 = thread_cpu_s();
    f.run(floor_meters, arithmetic, l->scenario.run.seed, floor_sample);
    const double t1 = thread_cpu_s();
    bench::run_executor_chunk(*draw, record, sample);
    const double t2 = thread_cpu_s();
    benchmark::DoNotOptimize(floor_meters);
    benchmark::DoNotOptimize(record.meters);
    floor_s += t1 - t0;
    executor_s += t2 - t1;
    executions += bench::kChunk;
  }
  const double n = static_cast<double>(executions);
  state.counters["executions/s"] = n / executor_s;
  state.counters["floor_executions/s"] = n / floor_s;
  state.counters["executor/floor"] = executor_s / floor_s;
  state.counters["philox_blocks"] = f.blocks_per_execution();
  state.counters["samples"] = f.samples_per_execution();
  state.counters["meter_adds"] = f.meter_adds_per_execution();
}

double best(const std::vector<double>& v) { return *std::max_element(v.begin(), v.end()); }
double least(const std::vector<double>& v) { return *std::min_element(v.begin(), v.end()); }

}  // namespace

int main(int argc, char** argv) {
  static const std::vector<bench::FloorCounts> counts = bench::counted_floors();
  for (const auto& design : bench::kShippedDesigns) {
    const auto it = std::find_if(counts.begin(), counts.end(),
                                 [&](const bench::FloorCounts& c) { return std::string(c.bench_name) == design.bench_name; });
    if (it == counts.end()) continue;
    benchmark::RegisterBenchmark((std::string("floor/") + design.bench_name).c_str(), against_floor, design, *it)
        ->Repetitions(9)
        ->ReportAggregatesOnly(true)
        ->ComputeStatistics("max", best)
        ->ComputeStatistics("min", least)
        ->MinTime(0.2)
        ->Unit(benchmark::kMillisecond);
  }
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
