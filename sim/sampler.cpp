#include "sim/sampler.h"

#include <algorithm>
#include <boost/math/special_functions/erf.hpp>
#include <boost/random/beta_distribution.hpp>
#include <boost/random/exponential_distribution.hpp>
#include <boost/random/gamma_distribution.hpp>
#include <boost/random/lognormal_distribution.hpp>
#include <boost/random/normal_distribution.hpp>
#include <boost/random/uniform_real_distribution.hpp>
#include <boost/random/weibull_distribution.hpp>
#include <cmath>
#include <limits>

#include "model/errors.h"
#include "model/scenario/values.h"

namespace flowcost::sim {

namespace {

using model::DistributionKind;
constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kSqrt2 = 1.4142135623730951;
constexpr double kInvSqrt2Pi = 0.3989422804014327;

double std_normal_cdf(double z) {
  if (z == -kInf) return 0;
  if (z == kInf) return 1;
  return 0.5 * boost::math::erfc(-z / kSqrt2);
}
double std_normal_pdf(double z) { return std::isinf(z) ? 0.0 : kInvSqrt2Pi * std::exp(-0.5 * z * z); }
double std_normal_quantile(double p) { return -kSqrt2 * boost::math::erfc_inv(2 * p); }

struct PertShape {
  double alpha, beta;
};
PertShape pert_shape(const model::DistributionSpec& s) {
  double range = s.c - s.a;
  return {1 + 4 * (s.b - s.a) / range, 1 + 4 * (s.c - s.b) / range};
}

}  // namespace

Sampler::Sampler(const model::DistributionSpec& spec) : spec_(spec) {
  fast_ = Fast::other;
  if (spec_.depends_on_inputs()) return;  // resolved per draw (resolved()); sampling it as is is an error
  if (spec_.lower) lower_ = *spec_.lower;
  if (spec_.upper) upper_ = *spec_.upper;
  fast_ = Fast::other;
  if (spec_.kind == DistributionKind::constant) fast_ = Fast::constant;
  // A normal with bounds is truncated (by inversion), not clipped; sd 0 and sigma 0 are constants.
  if (spec_.kind == DistributionKind::normal && spec_.b > 0 && !spec_.lower && !spec_.upper) fast_ = Fast::normal;
  if (spec_.kind == DistributionKind::lognormal && spec_.b > 0) fast_ = Fast::lognormal;
  switch (spec_.kind) {
    case DistributionKind::discrete: {
      if (spec_.weights.empty() || spec_.weights.size() != spec_.values.size())
        throw model::InternalError("discrete distribution without values");
      double sum = 0;
      for (double w : spec_.weights) cumulative_.push_back(sum += w);
      for (double& c : cumulative_) c /= sum;  // weights sum to 1 within 1e-9; make the last exactly 1
      cumulative_.back() = 1.0;
      break;
    }
    case DistributionKind::triangular:
      triangle_ = boost::random::triangle_distribution<double>(spec_.a, spec_.b, spec_.c);
      break;
    case DistributionKind::empirical:
      if (spec_.samples.empty()) throw model::InternalError("empirical distribution without samples");
      break;
    case DistributionKind::normal:
      if (spec_.b > 0 && (spec_.lower || spec_.upper)) {
        truncated_ = true;
        double lo = spec_.lower ? (*spec_.lower - spec_.a) / spec_.b : -kInf;
        double hi = spec_.upper ? (*spec_.upper - spec_.a) / spec_.b : kInf;
        flipped_ = lo > 0;
        alpha_ = flipped_ ? -hi : lo;
        beta_ = flipped_ ? -lo : hi;
        cdf_alpha_ = std_normal_cdf(alpha_);
        cdf_beta_ = std_normal_cdf(beta_);
        // min == max, or an interval so narrow that its CDF values are equal in double precision (the
        // loader refuses intervals far in a tail, so both bounds are given): the distribution is that
        // point (the midpoint, exact within the width), sampled as sd 0 is.
        if (!(cdf_beta_ > cdf_alpha_) && spec_.lower && spec_.upper) {
          spec_.a = 0.5 * (*spec_.lower + *spec_.upper);
          spec_.b = 0;
          truncated_ = false;
        } else if (!(cdf_beta_ > cdf_alpha_)) {
          throw model::InternalError("truncated normal with no probability mass");
        }
      }
      break;
    default: break;
  }
}

bool Sampler::clipped() const {
  return spec_.kind != DistributionKind::normal && (spec_.lower.has_value() || spec_.upper.has_value());
}

double Sampler::truncated_normal(Stream& stream) const {
  double p = cdf_alpha_ + stream.uniform01() * (cdf_beta_ - cdf_alpha_);
  p = std::clamp(p, std::numeric_limits<double>::min(), std::nextafter(1.0, 0.0));
  double z = std::clamp(std_normal_quantile(p), alpha_, beta_);
  return flipped_ ? spec_.a - spec_.b * z : spec_.a + spec_.b * z;
}

Sampler Sampler::resolved(const std::function<double(std::string_view)>& lookup, const std::string& where) const {
  if (!spec_.depends_on_inputs()) return *this;
  return Sampler(model::resolve_distribution(spec_, lookup, where));
}

double Sampler::sample_other(Stream& stream) const {
  const auto& s = spec_;
  if (s.depends_on_inputs())
    throw model::InternalError(std::string("a ") + model::to_string(s.kind) +
                               " distribution sampled before its parameters were resolved for the draw");
  double x = 0;
  switch (s.kind) {
    case DistributionKind::constant: return s.a;
    case DistributionKind::uniform:
      x = s.a < s.b ? boost::random::uniform_real_distribution<double>(s.a, s.b)(stream) : s.a;
      break;
    case DistributionKind::triangular: {
      auto triangle = triangle_;  // the distribution keeps no state between variates
      x = triangle(stream);
      break;
    }
    case DistributionKind::pert: {
      PertShape shape = pert_shape(s);
      x = s.a + (s.c - s.a) * boost::random::beta_distribution<double>(shape.alpha, shape.beta)(stream);
      break;
    }
    case DistributionKind::normal:
      if (s.b == 0) return s.a;
      if (truncated_) return truncated_normal(stream);
      return boost::random::normal_distribution<double>(s.a, s.b)(stream);
    case DistributionKind::lognormal:
      x = s.b > 0 ? boost::random::lognormal_distribution<double>(s.a, s.b)(stream) : std::exp(s.a);
      break;
    case DistributionKind::exponential: x = boost::random::exponential_distribution<double>(1.0 / s.a)(stream); break;
    case DistributionKind::gamma: x = boost::random::gamma_distribution<double>(s.a, s.b)(stream); break;
    case DistributionKind::weibull: x = boost::random::weibull_distribution<double>(s.a, s.b)(stream); break;
    case DistributionKind::bernoulli: x = stream.uniform01() < s.a ? 1.0 : 0.0; break;
    case DistributionKind::discrete: {
      double u = stream.uniform01();
      auto it = std::upper_bound(cumulative_.begin(), cumulative_.end(), u);
      std::size_t i = std::min<std::size_t>(static_cast<std::size_t>(it - cumulative_.begin()), cumulative_.size() - 1);
      x = s.values[i];
      break;
    }
    case DistributionKind::empirical: {
      auto n = s.samples.size();
      auto i = std::min<std::size_t>(static_cast<std::size_t>(stream.uniform01() * static_cast<double>(n)), n - 1);
      x = s.samples[i];
      break;
    }
  }
  if (s.lower && x < *s.lower) x = *s.lower;
  if (s.upper && x > *s.upper) x = *s.upper;
  return x;
}

std::optional<double> Sampler::mean() const {
  const auto& s = spec_;
  if (clipped() || s.depends_on_inputs()) return std::nullopt;
  switch (s.kind) {
    case DistributionKind::constant: return s.a;
    case DistributionKind::uniform: return (s.a + s.b) / 2;
    case DistributionKind::triangular: return (s.a + s.b + s.c) / 3;
    case DistributionKind::pert: return (s.a + 4 * s.b + s.c) / 6;
    case DistributionKind::normal: {
      if (!truncated_) return s.a;
      double z = cdf_beta_ - cdf_alpha_;
      double shift = s.b * (std_normal_pdf(alpha_) - std_normal_pdf(beta_)) / z;
      return flipped_ ? s.a - shift : s.a + shift;
    }
    case DistributionKind::lognormal: return std::exp(s.a + s.b * s.b / 2);
    case DistributionKind::exponential: return s.a;
    case DistributionKind::gamma: return s.a * s.b;
    case DistributionKind::weibull: return s.b * std::tgamma(1 + 1 / s.a);
    case DistributionKind::bernoulli: return s.a;
    case DistributionKind::discrete: {
      if (!s.labels.empty()) return std::nullopt;
      double m = 0, prev = 0;
      for (std::size_t i = 0; i < s.values.size(); ++i) {
        m += s.values[i] * (cumulative_[i] - prev);
        prev = cumulative_[i];
      }
      return m;
    }
    case DistributionKind::empirical: {
      double sum = 0;
      for (double v : s.samples) sum += v;
      return sum / static_cast<double>(s.samples.size());
    }
  }
  return std::nullopt;
}

std::optional<double> Sampler::variance() const {
  const auto& s = spec_;
  auto m = mean();
  if (!m) return std::nullopt;
  switch (s.kind) {
    case DistributionKind::constant: return 0.0;
    case DistributionKind::uniform: return (s.b - s.a) * (s.b - s.a) / 12;
    case DistributionKind::triangular:
      return (s.a * s.a + s.b * s.b + s.c * s.c - s.a * s.b - s.a * s.c - s.b * s.c) / 18;
    case DistributionKind::pert: {
      PertShape p = pert_shape(s);
      double ab = p.alpha + p.beta;
      return (s.c - s.a) * (s.c - s.a) * p.alpha * p.beta / (ab * ab * (ab + 1));
    }
    case DistributionKind::normal: {
      if (!truncated_) return s.b * s.b;
      double z = cdf_beta_ - cdf_alpha_;
      double pa = std_normal_pdf(alpha_), pb = std_normal_pdf(beta_);
      double ta = std::isinf(alpha_) ? 0.0 : alpha_ * pa;
      double tb = std::isinf(beta_) ? 0.0 : beta_ * pb;
      double d = (pa - pb) / z;
      return s.b * s.b * (1 + (ta - tb) / z - d * d);
    }
    case DistributionKind::lognormal: return std::expm1(s.b * s.b) * std::exp(2 * s.a + s.b * s.b);
    case DistributionKind::exponential: return s.a * s.a;
    case DistributionKind::gamma: return s.a * s.b * s.b;
    case DistributionKind::weibull: {
      double g1 = std::tgamma(1 + 1 / s.a);
      return s.b * s.b * (std::tgamma(1 + 2 / s.a) - g1 * g1);
    }
    case DistributionKind::bernoulli: return s.a * (1 - s.a);
    case DistributionKind::discrete: {
      double v = 0, prev = 0;
      for (std::size_t i = 0; i < s.values.size(); ++i) {
        double d = s.values[i] - *m;
        v += d * d * (cumulative_[i] - prev);
        prev = cumulative_[i];
      }
      return v;
    }
    case DistributionKind::empirical: {
      double v = 0;
      for (double x : s.samples) v += (x - *m) * (x - *m);
      return v / static_cast<double>(s.samples.size());
    }
  }
  return std::nullopt;
}

}  // namespace flowcost::sim
