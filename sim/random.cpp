#include "sim/random.h"

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

}  // namespace flowcost::sim
