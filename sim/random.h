#pragma once
// Counter-based random streams (Random123 Philox4x64-10). A stream is identified by
// (seed, draw, sample, site): the same key gives the same sequence in every design, thread and shard,
// which gives common random numbers across designs and byte-identical results at any thread count.
// `site` is a stable 64-bit hash of a name (site_key), never std::hash.
//
// Mapping onto Philox4x64-10: key = {seed, site}; counter = {draw, sample, block, 0}, where block counts
// the 4-word outputs consumed by this stream (0, 1, 2, ...). Each block gives four 64-bit words, used in
// order. Streams with different (seed, draw, sample, site) never share a (key, counter) pair.
// Sample index kInputSample is reserved for the per-draw sampling of scenario inputs.
#include <cstdint>
#include <limits>
#include <string_view>

namespace flowcost::sim {

// FNV-1a 64-bit of the bytes: stable across compilers, platforms and runs.
std::uint64_t site_key(std::string_view name);
// Combines a site with an index (e.g. Map item number, loop visit) into a new stable site.
std::uint64_t site_key(std::uint64_t site, std::uint64_t index);

// The `sample` used for per-draw input values: Stream(seed, draw, kInputSample, site_key(input name)).
inline constexpr std::uint64_t kInputSample = std::numeric_limits<std::uint64_t>::max();

class Stream {
 public:
  using result_type = std::uint64_t;

  Stream(std::uint64_t seed, std::uint64_t draw, std::uint64_t sample, std::uint64_t site);

  // UniformRandomBitGenerator interface (for Boost.Random distributions).
  static constexpr result_type min() { return 0; }
  static constexpr result_type max() { return std::numeric_limits<result_type>::max(); }
  result_type operator()();

  // Uniform on the open interval (0, 1), 53 bits of precision.
  double uniform01();

 private:
  void refill();
  std::uint64_t key_[2];
  std::uint64_t ctr_[4];
  std::uint64_t buf_[4];
  int used_ = 4;
};

}  // namespace flowcost::sim
