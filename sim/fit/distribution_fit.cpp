#include "sim/fit/distribution_fit.h"

#include <algorithm>
#include <boost/math/distributions/gamma.hpp>
#include <boost/math/distributions/lognormal.hpp>
#include <boost/math/distributions/weibull.hpp>
#include <boost/math/special_functions/digamma.hpp>
#include <boost/math/special_functions/trigamma.hpp>
#include <cmath>
#include <numbers>

#include "model/number_format.h"

namespace flowcost::sim::fit {

namespace {

using model::DistributionKind;

bool fittable(const std::vector<double>& x) {
  if (x.size() < 2) return false;
  if (std::any_of(x.begin(), x.end(), [](double v) { return !(v > 0) || !std::isfinite(v); })) return false;
  auto [lo, hi] = std::minmax_element(x.begin(), x.end());
  return *lo < *hi;
}

double mean_log(const std::vector<double>& x) {
  double s = 0;
  for (double v : x) s += std::log(v);
  return s / static_cast<double>(x.size());
}

double mean(const std::vector<double>& x) {
  double s = 0;
  for (double v : x) s += v;
  return s / static_cast<double>(x.size());
}

void finish(FitCandidate& c, const std::vector<double>& x) {
  c.aic = 4 - 2 * c.log_likelihood;
  std::vector<double> sorted = x;
  std::sort(sorted.begin(), sorted.end());
  c.ks_statistic = ks_statistic(sorted, c);
  c.ks_p_value = ks_p_value(c.ks_statistic, sorted.size());
}

double cdf(const FitCandidate& c, double x) {
  switch (c.kind) {
    case DistributionKind::lognormal: return boost::math::cdf(boost::math::lognormal_distribution<>(c.a, c.b), x);
    case DistributionKind::gamma: return boost::math::cdf(boost::math::gamma_distribution<>(c.a, c.b), x);
    case DistributionKind::weibull: return boost::math::cdf(boost::math::weibull_distribution<>(c.a, c.b), x);
    default: return 0;
  }
}

const char* kind_name(DistributionKind k) { return model::to_string(k); }

}  // namespace

std::optional<FitCandidate> fit_lognormal(const std::vector<double>& x) {
  if (!fittable(x)) return std::nullopt;
  const double n = static_cast<double>(x.size());
  FitCandidate c;
  c.kind = DistributionKind::lognormal;
  c.a = mean_log(x);
  double ss = 0, sum_log = 0;
  for (double v : x) {
    const double d = std::log(v) - c.a;
    ss += d * d;
    sum_log += std::log(v);
  }
  c.b = std::sqrt(ss / n);
  c.se_a = c.b / std::sqrt(n);
  c.se_b = c.b / std::sqrt(2 * n);
  c.log_likelihood = -sum_log - n * std::log(c.b) - 0.5 * n * std::log(2 * std::numbers::pi) - 0.5 * n;
  finish(c, x);
  return c;
}

std::optional<FitCandidate> fit_gamma(const std::vector<double>& x) {
  if (!fittable(x)) return std::nullopt;
  const double n = static_cast<double>(x.size());
  const double m = mean(x), ml = mean_log(x);
  const double s = std::log(m) - ml;  // > 0 by Jensen when the samples are not all equal
  if (!(s > 0)) return std::nullopt;
  double k = (3 - s + std::sqrt((s - 3) * (s - 3) + 24 * s)) / (12 * s);
  for (int i = 0; i < 100; ++i) {
    const double f = std::log(k) - boost::math::digamma(k) - s;
    const double df = 1 / k - boost::math::trigamma(k);
    double next = k - f / df;
    if (!(next > 0)) next = k / 2;
    const bool done = std::abs(next - k) <= 1e-14 * k;
    k = next;
    if (done) break;
  }
  FitCandidate c;
  c.kind = DistributionKind::gamma;
  c.a = k;
  c.b = m / k;
  const double psi1 = boost::math::trigamma(k);
  const double det = k * psi1 - 1;
  c.se_a = std::sqrt(k / (n * det));
  c.se_b = std::sqrt(psi1 * c.b * c.b / (n * det));
  c.log_likelihood = (k - 1) * ml * n - n * m / c.b - n * k * std::log(c.b) - n * std::lgamma(k);
  finish(c, x);
  return c;
}

std::optional<FitCandidate> fit_weibull(const std::vector<double>& x) {
  if (!fittable(x)) return std::nullopt;
  const double n = static_cast<double>(x.size());
  const double x_max = *std::max_element(x.begin(), x.end());
  std::vector<double> log_y(x.size());  // ln(x / x_max) <= 0: y^k never overflows
  for (std::size_t i = 0; i < x.size(); ++i) log_y[i] = std::log(x[i] / x_max);
  double mean_log_y = 0;
  for (double l : log_y) mean_log_y += l;
  mean_log_y /= n;
  auto g = [&](double k) {
    double num = 0, den = 0;
    for (double l : log_y) {
      const double w = std::exp(k * l);
      num += w * l;
      den += w;
    }
    return num / den - 1 / k - mean_log_y;
  };
  double lo = 1e-3, hi = 1.0;
  while (g(hi) < 0 && hi < 1e6) hi *= 2;
  while (g(lo) > 0 && lo > 1e-9) lo /= 2;
  for (int i = 0; i < 200 && hi - lo > 1e-14 * hi; ++i) {
    const double mid = 0.5 * (lo + hi);
    (g(mid) < 0 ? lo : hi) = mid;
  }
  const double k = 0.5 * (lo + hi);
  double mean_y_k = 0;
  for (double l : log_y) mean_y_k += std::exp(k * l);
  mean_y_k /= n;
  FitCandidate c;
  c.kind = DistributionKind::weibull;
  c.a = k;
  c.b = x_max * std::pow(mean_y_k, 1 / k);
  const double pi2 = std::numbers::pi * std::numbers::pi;
  const double one_minus_gamma = 1 - std::numbers::egamma;
  c.se_a = std::sqrt(6 * k * k / (pi2 * n));
  c.se_b = std::sqrt(c.b * c.b * (1 + 6 * one_minus_gamma * one_minus_gamma / pi2) / (k * k * n));
  double ll = 0;
  for (double v : x) ll += std::log(k) - k * std::log(c.b) + (k - 1) * std::log(v) - std::pow(v / c.b, k);
  c.log_likelihood = ll;
  finish(c, x);
  return c;
}

double ks_statistic(const std::vector<double>& sorted, const FitCandidate& c) {
  const double n = static_cast<double>(sorted.size());
  double d = 0;
  for (std::size_t i = 0; i < sorted.size(); ++i) {
    const double f = cdf(c, sorted[i]);
    d = std::max({d, f - static_cast<double>(i) / n, static_cast<double>(i + 1) / n - f});
  }
  return d;
}

double ks_p_value(double d, std::size_t n) {
  const double sn = std::sqrt(static_cast<double>(n));
  const double lambda = (sn + 0.12 + 0.11 / sn) * d;
  if (lambda < 1.18) {  // the alternating series converges slowly here; use the dual (theta) form
    if (lambda <= 0) return 1;
    const double pi2 = std::numbers::pi * std::numbers::pi;
    double s = 0;
    for (int j = 1; j <= 50; j += 2) s += std::exp(-j * j * pi2 / (8 * lambda * lambda));
    return std::clamp(1 - std::sqrt(2 * std::numbers::pi) / lambda * s, 0.0, 1.0);
  }
  double q = 0;
  for (int j = 1; j <= 100; ++j) {
    const double term = std::exp(-2.0 * j * j * lambda * lambda);
    q += (j % 2 == 1 ? 2 : -2) * term;
    if (term < 1e-18) break;
  }
  return std::clamp(q, 0.0, 1.0);
}

DurationFit fit_duration(std::vector<double> samples) {
  DurationFit fit;
  std::sort(samples.begin(), samples.end());
  fit.samples = std::move(samples);
  const std::size_t n = fit.samples.size();
  if (n < kMinFitSamples) {
    fit.reason = std::to_string(n) + " samples are too few to fit a distribution (at least " +
                 std::to_string(kMinFitSamples) + ")";
    return fit;
  }
  if (!fittable(fit.samples)) {
    fit.reason = fit.samples.front() > 0 ? "every sample is the same value"
                                         : "some samples are 0, which no lognormal, gamma or Weibull gives";
    return fit;
  }
  for (auto f : {fit_lognormal, fit_gamma, fit_weibull}) {
    if (auto c = f(fit.samples)) fit.candidates.push_back(*c);
  }
  std::size_t best = 0;
  for (std::size_t i = 1; i < fit.candidates.size(); ++i) {
    if (fit.candidates[i].aic < fit.candidates[best].aic) best = i;
  }
  const FitCandidate& b = fit.candidates[best];
  using model::format_fixed;
  using model::format_significant;
  const std::string ks = "D = " + format_fixed(b.ks_statistic, 4) + ", p = " + format_significant(b.ks_p_value, 3);
  if (b.ks_p_value >= kMinKsPValue) {
    fit.chosen = best;
    fit.reason = "lowest AIC of the three (" + format_fixed(b.aic, 1) +
                 "), and the Kolmogorov-Smirnov test does not reject it (" + ks + ")";
  } else {
    fit.reason = std::string("the best fit, ") + kind_name(b.kind) + " (lowest AIC, " + format_fixed(b.aic, 1) +
                 "), is rejected by the Kolmogorov-Smirnov test (" + ks + " < " + format_significant(kMinKsPValue, 6) + ")";
  }
  return fit;
}

std::optional<model::DistributionSpec> chosen_spec(const DurationFit& fit) {
  if (!fit.chosen) return std::nullopt;
  const FitCandidate& c = fit.candidates[*fit.chosen];
  model::DistributionSpec s;
  s.kind = c.kind;
  s.dimension = model::Dimension::duration_ms;
  s.a = c.a;
  s.b = c.b;
  return s;
}

}  // namespace flowcost::sim::fit
