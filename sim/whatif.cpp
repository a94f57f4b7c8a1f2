#include "sim/whatif.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "sim/random.h"
#include "sim/sampler.h"

namespace flowcost::sim {

std::vector<double> grid_points(double from, double to, std::size_t count, GridScale scale) {
  if (count < 2) throw std::invalid_argument("grid_points: at least two points");
  if (scale == GridScale::log && (from <= 0 || to <= 0))
    throw std::invalid_argument("grid_points: a log grid needs positive ends");
  std::vector<double> out(count);
  const double last = static_cast<double>(count - 1);
  for (std::size_t i = 0; i < count; ++i) {
    const double t = static_cast<double>(i) / last;
    out[i] = scale == GridScale::linear ? from + t * (to - from) : from * std::pow(to / from, t);
  }
  out.front() = from;
  out.back() = to;
  return out;
}

bool changes_sign(double y0, double y1) {
  return (y0 < 0 && y1 > 0) || (y0 > 0 && y1 < 0) || ((y0 == 0) != (y1 == 0));
}

double linear_crossing(double x0, double y0, double x1, double y1) {
  if (y0 == 0) return x0;
  if (y1 == 0) return x1;
  return x0 + (x1 - x0) * (y0 / (y0 - y1));
}

CrossingBracket make_bracket(double x0, double y0, double x1, double y1) {
  CrossingBracket b{x0, y0, x1, y1, 0, 0};
  b.value = linear_crossing(x0, y0, x1, y1);
  return b;
}

CrossingBracket refine_crossing(CrossingBracket b, const std::function<double(double)>& f, double rel_tolerance,
                                int max_evaluations) {
  while (b.hi - b.lo > rel_tolerance * std::fabs(b.value) && b.evaluations < max_evaluations) {
    const double mid = 0.5 * (b.lo + b.hi);
    const double f_mid = f(mid);
    ++b.evaluations;
    if (f_mid == 0) {
      b.lo = b.hi = mid;
      b.f_lo = b.f_hi = 0;
    } else if (changes_sign(b.f_lo, f_mid)) {
      b.hi = mid;
      b.f_hi = f_mid;
    } else {
      b.lo = mid;
      b.f_lo = f_mid;
    }
    b.value = b.lo == b.hi ? b.lo : linear_crossing(b.lo, b.f_lo, b.hi, b.f_hi);
  }
  return b;
}

std::vector<double> distribution_quantiles(const model::DistributionSpec& spec, const std::vector<double>& probabilities,
                                           std::uint64_t seed, std::size_t samples) {
  if (spec.is_constant()) return std::vector<double>(probabilities.size(), spec.a);
  if (samples == 0) throw std::invalid_argument("distribution_quantiles: no samples");
  Sampler sampler(spec);
  Stream stream(seed, 0, 0, site_key("quantiles"));
  std::vector<double> values(samples);
  for (auto& v : values) v = sampler.sample(stream);
  std::sort(values.begin(), values.end());
  std::vector<double> out;
  out.reserve(probabilities.size());
  for (double p : probabilities) {
    const double clamped = std::clamp(p, 0.0, 1.0);
    const auto index = static_cast<std::size_t>(std::llround(clamped * static_cast<double>(samples - 1)));
    out.push_back(values[index]);
  }
  return out;
}

}  // namespace flowcost::sim
