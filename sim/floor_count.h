#pragma once
// Counting hooks for the floor benchmark (README.md "The floor"): what one simulated execution cannot
// avoid is its Philox blocks, its sampler calls and its meter additions. bench/floor/count_floor.cpp builds
// the simulator's sources a second time with FLOWCOST_FLOOR_COUNTING defined and counts them on the
// shipped designs; the library and every other binary never define it, so there the hooks do not exist.
#ifdef FLOWCOST_FLOOR_COUNTING
#include <array>
#include <cstdint>
#include <map>

namespace flowcost::sim {

class Sampler;

namespace floor_count {

inline constexpr std::size_t kMaxMeters = 64;  // at least kMeterCount (sim/meter_counts.h checks)

struct Counts {
  std::uint64_t philox_blocks = 0;                    // Philox4x64-10 blocks computed (sim/random.h)
  std::map<const Sampler*, std::uint64_t> samples;    // Sampler::sample calls, per sampler
  std::array<std::uint64_t, kMaxMeters> meter_adds{};  // MeterCounts::add calls, per meter
};

// Counting while set (the counting tool sets it around the executions it counts; one thread).
inline Counts* active = nullptr;

inline void philox_block() {
  if (active) ++active->philox_blocks;
}
inline void sampled(const Sampler* s) {
  if (active) ++active->samples[s];
}
inline void meter_added(std::size_t meter) {
  if (active) ++active->meter_adds[meter];
}

}  // namespace floor_count
}  // namespace flowcost::sim
#endif
