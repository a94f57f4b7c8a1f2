#pragma once
// A sampler compiled from a DistributionSpec once, then drawn from on the hot path with no allocation.
// Uses Boost.Random's public distributions (portable across compilers, unlike std::) on top of sim::Stream,
// the simulator's one random engine.
//
// Per kind: uniform, triangular (boost triangle_distribution), PERT (min + (max - min) x Beta(alpha, beta)
// with alpha = 1 + 4 (mode - min) / (max - min), beta = 1 + 4 (max - mode) / (max - min), boost
// beta_distribution), normal (boost normal_distribution; with bounds, truncated by inversion of the CDF:
// one uniform per variate, computed in the lower tail for accuracy), lognormal, exponential, gamma, Weibull
// (boost), Bernoulli (1 when U < p), discrete (first cumulative weight above U; string labels give the
// label's index), empirical (sample number floor(U x n)). Clipping bounds (`lower`/`upper` on kinds other
// than normal) clamp the variate.
#include <boost/random/lognormal_distribution.hpp>
#include <boost/random/normal_distribution.hpp>
#include <boost/random/triangle_distribution.hpp>
#include <cmath>
#include <functional>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/distribution.h"
#include "sim/floor_count.h"
#include "sim/random.h"

namespace flowcost::sim {

class Sampler {
 public:
  Sampler() = default;  // constant 0
  explicit Sampler(const model::DistributionSpec& spec);

  // The common kinds (constant, normal, lognormal) inline, the rest in sample_other. Constructing a
  // Boost normal or lognormal distribution only stores its two parameters, so doing it per variate is free.
  double sample(Stream& stream) const {
#ifdef FLOWCOST_FLOOR_COUNTING
    floor_count::sampled(this);
#endif
    switch (fast_) {
      case Fast::constant: return spec_.a;
      case Fast::normal: return clip(boost::random::normal_distribution<double>(spec_.a, spec_.b)(stream));
      case Fast::lognormal: return clip(boost::random::lognormal_distribution<double>(spec_.a, spec_.b)(stream));
      case Fast::other: break;
    }
    return sample_other(stream);
  }
  // The distribution's analytic mean (after truncation/clipping when it has a closed form), if known.
  std::optional<double> mean() const;
  // The analytic variance, under the same conditions as mean().
  std::optional<double> variance() const;
  bool is_constant() const { return spec_.kind == model::DistributionKind::constant; }
  // Parameters that name inputs (model::DistributionSpec::parameters): such a sampler is resolved once per
  // draw with resolved() before it samples (sampling it unresolved is an InternalError); mean() and
  // variance() are std::nullopt until then.
  bool depends_on_inputs() const { return spec_.depends_on_inputs(); }
  // This sampler with its parameters at one draw's values (`lookup`), checked as at load: an InputError at
  // the parameter otherwise, `where` ("in draw 3") in the message (model::resolve_distribution). A copy of
  // this sampler when no parameter names inputs.
  Sampler resolved(const std::function<double(std::string_view)>& lookup, const std::string& where) const;
  const model::DistributionSpec& spec() const { return spec_; }

 private:
  bool clipped() const;
  double truncated_normal(Stream& stream) const;
  double sample_other(Stream& stream) const;
  double clip(double x) const {
    if (x < lower_) x = lower_;
    if (x > upper_) x = upper_;
    return x;
  }

  // Which inline path sample() takes; `other` for every kind that sample_other handles.
  enum class Fast : std::uint8_t { constant, normal, lognormal, other };
  Fast fast_ = Fast::constant;
  // The clipping bounds (-inf / +inf when absent), for the inline paths.
  double lower_ = -std::numeric_limits<double>::infinity();
  double upper_ = std::numeric_limits<double>::infinity();

  model::DistributionSpec spec_;
  std::vector<double> cumulative_;  // discrete: cumulative weights
  // Truncated normal in standard units: bounds [alpha_, beta_] (after the flip) and their CDF values.
  bool truncated_ = false;
  bool flipped_ = false;  // sampling -X so that the interval lies in the lower tail
  double alpha_ = 0, beta_ = 0, cdf_alpha_ = 0, cdf_beta_ = 1;
  // Triangular: the distribution built once (its constants need square roots); copied per variate.
  boost::random::triangle_distribution<double> triangle_;
};

}  // namespace flowcost::sim
