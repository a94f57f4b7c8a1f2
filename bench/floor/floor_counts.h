#pragma once
// What the executions of one shipped design cannot avoid (README.md "The floor"), as counted by
// floor/count_floor.cpp over the first kCountedExecutions executions of draw 0: Philox blocks, sampler
// calls per sampler (its distribution, parameters resolved for the draw), meter additions per meter.
#include <array>
#include <cstdint>
#include <vector>

#include "model/distribution.h"
#include "sim/meter_counts.h"

namespace flowcost::bench {

inline constexpr std::uint64_t kCountedExecutions = 65536;

struct FloorSampler {
  model::DistributionSpec spec;
  std::uint64_t calls = 0;
};

struct FloorCounts {
  const char* bench_name = "";
  std::uint64_t executions = 0;
  std::uint64_t philox_blocks = 0;
  std::vector<FloorSampler> samplers;
  std::array<std::uint64_t, sim::kMeterCount> meter_adds{};
};

}  // namespace flowcost::bench
