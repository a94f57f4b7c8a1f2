#pragma once
// The shipped Step Functions designs that the speed benchmarks measure (transitions_bench, floor_bench) and
// that the floor counting tool counts (floor/count_floor.cpp), how a benchmark loads one, and the executor
// loop both benchmarks time.
#include <array>
#include <cstdint>
#include <memory>
#include <string>

#include "model/diagnostics.h"
#include "model/metering.h"
#include "model/scenario/scenario.h"
#include "sim/execution.h"
#include "sim/sfn/factory.h"

namespace flowcost::bench {

struct ShippedDesign {
  const char* bench_name;  // the benchmark's name: executor/<bench_name>, floor/<bench_name>, ...
  const char* file;        // under scenarios/
  const char* design;      // the design's name in the file
};

inline constexpr std::array<ShippedDesign, 5> kShippedDesigns = {{
    {"article_choice", "article-choice.yaml", "article-choice"},
    {"media_transcode", "media-transcode.yaml", "media-transcode"},
    {"promotion_approval", "promotion-approval.yaml", "promotion-approval"},
    {"iot_telemetry_express", "iot-telemetry.yaml", "step-functions-express"},
    {"iot_telemetry_standard", "iot-telemetry.yaml", "step-functions-standard"},
}};

// Executions per timed chunk.
inline constexpr std::uint64_t kChunk = 4096;

struct LoadedDesign {
  model::Scenario scenario;
  std::unique_ptr<sim::DesignSimulator> simulator;
};

// The design with the default metering rules; nullptr when it does not load.
inline std::unique_ptr<LoadedDesign> load_design(const ShippedDesign& d) {
  auto l = std::make_unique<LoadedDesign>();
  model::Diagnostics diags;
  l->scenario = model::load_scenario(std::string(FLOWCOST_SOURCE_DIR) + "/scenarios/" + d.file, {}, diags);
  for (const auto& design : l->scenario.designs)
    if (design.name == d.design)
      l->simulator = sim::sfn::make_simulator(l->scenario, design, model::MeteringRules{}, diags);
  if (!l->simulator || diags.has_errors()) return nullptr;
  return l;
}

// load_design for a benchmark: when the design does not load, the benchmark is skipped with an error and
// nullptr is returned (`State` is benchmark::State; a template so that count_floor needs no Google Benchmark).
template <class State>
std::unique_ptr<LoadedDesign> load_design_or_skip(State& state, const ShippedDesign& d) {
  auto l = load_design(d);
  if (!l) state.SkipWithError("the scenario did not load");
  return l;
}

// kChunk executions from `sample` on, the record handled as the replication loop handles it (meters summed
// in place, per-event fields reset); returns the transitions.
inline std::uint64_t run_executor_chunk(sim::DrawSimulator& draw, sim::ExecutionRecord& record, std::uint64_t& sample) {
  std::uint64_t transitions = 0;
  record.clear();
  for (std::uint64_t i = 0; i < kChunk; ++i) {
    record.reset_event();
    draw.simulate(sample++, record);
    transitions += record.transitions;
  }
  return transitions;
}

}  // namespace flowcost::bench
