#include "sim/random.h"

#include <Random123/philox.h>

namespace flowcost::sim {

namespace {
constexpr std::uint64_t kFnvOffset = 14695981039346656037ull;
constexpr std::uint64_t kFnvPrime = 1099511628211ull;

std::uint64_t fnv1a(std::uint64_t h, unsigned char byte) { return (h ^ byte) * kFnvPrime; }
}  // namespace

std::uint64_t site_key(std::string_view name) {
  std::uint64_t h = kFnvOffset;
  for (char c : name) h = fnv1a(h, static_cast<unsigned char>(c));
  return h;
}

std::uint64_t site_key(std::uint64_t site, std::uint64_t index) {
  // FNV-1a over the 16 little-endian bytes of (site, index): stable on every platform.
  std::uint64_t h = kFnvOffset;
  for (int i = 0; i < 8; ++i) h = fnv1a(h, static_cast<unsigned char>(site >> (8 * i)));
  for (int i = 0; i < 8; ++i) h = fnv1a(h, static_cast<unsigned char>(index >> (8 * i)));
  return h;
}

Stream::Stream(std::uint64_t seed, std::uint64_t draw, std::uint64_t sample, std::uint64_t site)
    : key_{seed, site}, ctr_{draw, sample, 0, 0}, buf_{0, 0, 0, 0} {}

void Stream::refill() {
  r123::Philox4x64 philox;
  r123::Philox4x64::ctr_type ctr = {{ctr_[0], ctr_[1], ctr_[2], ctr_[3]}};
  r123::Philox4x64::key_type key = {{key_[0], key_[1]}};
  r123::Philox4x64::ctr_type out = philox(ctr, key);
  for (int i = 0; i < 4; ++i) buf_[i] = out.v[i];
  ++ctr_[2];
  used_ = 0;
}

Stream::result_type Stream::operator()() {
  if (used_ == 4) refill();
  return buf_[used_++];
}

double Stream::uniform01() {
  // The top 53 bits, centred in their interval: (k + 0.5) / 2^53 lies in (0, 1), never 0 or 1.
  constexpr double kScale = 1.0 / 9007199254740992.0;  // 2^-53
  return (static_cast<double>((*this)() >> 11) + 0.5) * kScale;
}

}  // namespace flowcost::sim
