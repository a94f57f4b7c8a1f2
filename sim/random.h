#pragma once
// Counter-based random streams (Random123 Philox4x64-10). A stream is identified by
// (seed, draw, sample, site, lane): the same key gives the same sequence in every design, thread and shard,
// which gives common random numbers across designs and byte-identical results at any thread count.
// `site` is a stable 64-bit hash of a name (site_key), never std::hash.
//
// Mapping onto Philox4x64-10: key = {seed, site}; counter = {draw, sample, block, lane}, where block counts
// the 4-word outputs consumed by this stream (0, 1, 2, ...). Each block gives four 64-bit words, used in
// order. Streams with different (seed, draw, sample, site, lane) never share a (key, counter) pair.
// Sample index kInputSample is reserved for the per-draw sampling of scenario inputs.
//
// Slots (SiteVariates): one place in a simulation (a Task attempt, a Choice visit, an execution) draws
// several variates, each in a fixed slot j: slot j's first word is word j of the site's lane-0 stream, so
// four slots share one Philox block. A variate that needs more than one word (a rejection sampler) takes
// the rest from its own lane, Stream(seed, draw, sample, site, j + 1), so what one slot consumes never
// shifts another slot's words. SiteVariates::stream(slot) is that sequence as a Stream.
//
// Stream is the one random engine of the simulator: every sampler draws from a Stream, whether it is a
// whole lane (inputs, IoT actions) or a slot's word followed by its lane (Task attempts, workload items).
//
// The Philox block and the stream accessors are defined inline here so that the hot path compiles to
// straight-line code; the outputs are exactly those of r123::Philox4x64.
#include <Random123/philox.h>

#include <cstdint>
#include <limits>
#include <string_view>

#include "sim/floor_count.h"

namespace flowcost::sim {

// FNV-1a 64-bit of the bytes: stable across compilers, platforms and runs.
constexpr std::uint64_t site_key(std::string_view name) {
  std::uint64_t h = 14695981039346656037ull;
  for (char c : name) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
  return h;
}

// Combines a site with an index (e.g. Map item number, loop visit, attempt) into a new stable site:
// MurmurHash3's 64-bit finaliser of site XOR (index x golden-ratio constant + 1). For a given site the
// map from index to key is one-to-one (both steps are bijections), so two indices of one site never
// share a key; across sites keys behave as independent 64-bit hashes. Same value on every platform.
constexpr std::uint64_t site_key(std::uint64_t site, std::uint64_t index) {
  std::uint64_t h = site ^ (index * 0x9e3779b97f4a7c15ull + 1);
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdull;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ull;
  h ^= h >> 33;
  return h;
}

// The `sample` used for per-draw input values: Stream(seed, draw, kInputSample, site_key(input name)).
inline constexpr std::uint64_t kInputSample = std::numeric_limits<std::uint64_t>::max();

// Uniform on the open interval (0, 1) from the top 53 bits of a word, centred in their interval:
// (k + 0.5) / 2^53 lies in (0, 1), never 0 or 1.
inline double uniform01_from(std::uint64_t word) {
  constexpr double kScale = 1.0 / 9007199254740992.0;  // 2^-53
  return (static_cast<double>(word >> 11) + 0.5) * kScale;
}

class Stream {
 public:
  using result_type = std::uint64_t;

  Stream(std::uint64_t seed, std::uint64_t draw, std::uint64_t sample, std::uint64_t site, std::uint64_t lane = 0)
      : key_{{seed, site}}, ctr_{{draw, sample, 0, lane}} {}

  // A stream whose first output is `first` (a slot's word, computed elsewhere), then the words of
  // Stream(seed, draw, sample, site, lane) from its first block on.
  static Stream continuing(std::uint64_t first, std::uint64_t seed, std::uint64_t draw, std::uint64_t sample,
                           std::uint64_t site, std::uint64_t lane) {
    Stream s(seed, draw, sample, site, lane);
    s.buf_.v[3] = first;
    s.used_ = 3;
    return s;
  }

  // UniformRandomBitGenerator interface (for Boost.Random distributions).
  static constexpr result_type min() { return 0; }
  static constexpr result_type max() { return std::numeric_limits<result_type>::max(); }
  result_type operator()() {
    if (used_ == 4) refill();
    return buf_.v[used_++];
  }

  // Uniform on the open interval (0, 1), 53 bits of precision.
  double uniform01() { return uniform01_from((*this)()); }

 private:
  // Out of line: most variates take one word, and the hot path then only reads the buffer.
  [[gnu::noinline]] void refill() {
#ifdef FLOWCOST_FLOOR_COUNTING
    floor_count::philox_block();
#endif
    buf_ = r123::Philox4x64()(ctr_, key_);
    ++ctr_.v[2];
    used_ = 0;
  }
  r123::Philox4x64::key_type key_;
  r123::Philox4x64::ctr_type ctr_;
  r123::Philox4x64::ctr_type buf_{};
  int used_ = 4;
};

// The slots of one site (see above). Blocks are computed when a slot of theirs is first read, so a place
// that draws nothing costs nothing. Slot j is word j of Stream(seed, draw, sample, site).
class SiteVariates {
 public:
  SiteVariates(std::uint64_t seed, std::uint64_t draw, std::uint64_t sample, std::uint64_t site)
      : seed_(seed), draw_(draw), sample_(sample), site_(site) {}

  std::uint64_t word(unsigned slot) {
    if (slot / 4 != block_) fill(slot / 4);
    return buf_.v[slot % 4];
  }
  double uniform01(unsigned slot) { return uniform01_from(word(slot)); }
  // The stream a sampler draws slot `slot`'s variate from: the slot's word, then lane slot + 1 (whose
  // blocks are computed only if the sampler asks for a second word: a ziggurat rejection, for example).
  Stream stream(unsigned slot) { return Stream::continuing(word(slot), seed_, draw_, sample_, site_, slot + 1); }

 private:
  // Computes block `block` of the site's lane 0 into buf_. Kept out of line: the slots that follow the
  // first read of a block are then a load each.
  [[gnu::noinline]] void fill(unsigned block) {
#ifdef FLOWCOST_FLOOR_COUNTING
    floor_count::philox_block();
#endif
    r123::Philox4x64::ctr_type ctr = {{draw_, sample_, block, 0}};
    r123::Philox4x64::key_type key = {{seed_, site_}};
    buf_ = r123::Philox4x64()(ctr, key);
    block_ = block;
  }

  std::uint64_t seed_, draw_, sample_, site_;
  unsigned block_ = ~0u;  // the block held in buf_ (none yet)
  r123::Philox4x64::ctr_type buf_{};
};

}  // namespace flowcost::sim
