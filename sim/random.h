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
// The Philox block and the stream accessors are defined inline here so that the hot path (a fresh stream
// per variate) compiles to straight-line code; the outputs are exactly those of r123::Philox4x64.
#include <Random123/philox.h>

#include <cstdint>
#include <limits>
#include <string_view>

namespace flowcost::sim {

// FNV-1a 64-bit of the bytes: stable across compilers, platforms and runs.
std::uint64_t site_key(std::string_view name);
// Combines a site with an index (e.g. Map item number, loop visit) into a new stable site:
// FNV-1a over the 16 little-endian bytes of (site, index), the same on every platform.
inline std::uint64_t site_key(std::uint64_t site, std::uint64_t index) {
  constexpr std::uint64_t kFnvOffset = 14695981039346656037ull;
  constexpr std::uint64_t kFnvPrime = 1099511628211ull;
  std::uint64_t h = kFnvOffset;
  for (int i = 0; i < 8; ++i) h = (h ^ ((site >> (8 * i)) & 0xffu)) * kFnvPrime;
  for (int i = 0; i < 8; ++i) h = (h ^ ((index >> (8 * i)) & 0xffu)) * kFnvPrime;
  return h;
}

// The `sample` used for per-draw input values: Stream(seed, draw, kInputSample, site_key(input name)).
inline constexpr std::uint64_t kInputSample = std::numeric_limits<std::uint64_t>::max();

class Stream {
 public:
  using result_type = std::uint64_t;

  Stream(std::uint64_t seed, std::uint64_t draw, std::uint64_t sample, std::uint64_t site)
      : key_{{seed, site}}, ctr_{{draw, sample, 0, 0}} {}

  // UniformRandomBitGenerator interface (for Boost.Random distributions).
  static constexpr result_type min() { return 0; }
  static constexpr result_type max() { return std::numeric_limits<result_type>::max(); }
  result_type operator()() {
    if (used_ == 4) refill();
    return buf_.v[used_++];
  }

  // Uniform on the open interval (0, 1), 53 bits of precision.
  double uniform01() {
    // The top 53 bits, centred in their interval: (k + 0.5) / 2^53 lies in (0, 1), never 0 or 1.
    constexpr double kScale = 1.0 / 9007199254740992.0;  // 2^-53
    return (static_cast<double>((*this)() >> 11) + 0.5) * kScale;
  }

 private:
  void refill() {
    buf_ = r123::Philox4x64()(ctr_, key_);
    ++ctr_.v[2];
    used_ = 0;
  }
  r123::Philox4x64::key_type key_;
  r123::Philox4x64::ctr_type ctr_;
  r123::Philox4x64::ctr_type buf_{};
  int used_ = 4;
};

}  // namespace flowcost::sim
