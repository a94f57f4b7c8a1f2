#pragma once
// A sampler compiled from a DistributionSpec once, then drawn from on the hot path with no allocation.
// Uses Boost.Random distributions (portable across compilers, unlike std::) on top of sim::Stream.
#include <optional>

#include "model/distribution.h"
#include "sim/random.h"

namespace flowcost::sim {

class Sampler {
 public:
  Sampler() = default;  // constant 0
  explicit Sampler(const model::DistributionSpec& spec);

  double sample(Stream& stream) const;
  // The distribution's analytic mean (after truncation/clipping when it has a closed form), if known.
  std::optional<double> mean() const;
  bool is_constant() const { return spec_.kind == model::DistributionKind::constant; }
  const model::DistributionSpec& spec() const { return spec_; }

 private:
  model::DistributionSpec spec_;
  std::vector<double> cumulative_;  // discrete: cumulative weights
};

}  // namespace flowcost::sim
