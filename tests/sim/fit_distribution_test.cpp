// flowcost fit's estimators (sim/fit/distribution_fit.h): maximum likelihood recovers the parameters of
// samples drawn with the project's own samplers, within 4 asymptotic standard errors computed here from the
// true parameters (inverse Fisher information / n); the Kolmogorov-Smirnov p-value matches the Kolmogorov
// distribution's tabulated quantiles.
#include <catch2/catch.hpp>

#include <boost/math/special_functions/trigamma.hpp>
#include <cmath>
#include <numbers>

#include "sim/fit/distribution_fit.h"
#include "sim/random.h"
#include "sim/sampler.h"

using namespace flowcost::sim;
using namespace flowcost::sim::fit;
using flowcost::model::DistributionKind;
using flowcost::model::DistributionSpec;

namespace {

constexpr std::size_t kN = 20000;

std::vector<double> draw(DistributionKind kind, double a, double b, const char* site) {
  DistributionSpec s;
  s.kind = kind;
  s.a = a;
  s.b = b;
  Sampler sampler(s);
  std::vector<double> xs(kN);
  for (std::size_t i = 0; i < kN; ++i) {
    Stream stream(2026, 0, i, site_key(site));
    xs[i] = sampler.sample(stream);
  }
  return xs;
}

}  // namespace

TEST_CASE("fit recovers a lognormal's mu and sigma within 4 standard errors") {
  const double mu = 3.5, sigma = 0.6;
  auto xs = draw(DistributionKind::lognormal, mu, sigma, "fit-lognormal");
  auto c = fit_lognormal(xs);
  REQUIRE(c);
  const double n = static_cast<double>(kN);
  CHECK(std::abs(c->a - mu) <= 4 * sigma / std::sqrt(n));
  CHECK(std::abs(c->b - sigma) <= 4 * sigma / std::sqrt(2 * n));
  // The fit chooses the lognormal and the KS test does not reject it.
  DurationFit f = fit_duration(xs);
  REQUIRE(f.chosen);
  CHECK(f.candidates[*f.chosen].kind == DistributionKind::lognormal);
  CHECK(f.candidates[*f.chosen].ks_p_value >= kMinKsPValue);
  auto spec = chosen_spec(f);
  REQUIRE(spec);
  CHECK(spec->kind == DistributionKind::lognormal);
  CHECK(spec->a == f.candidates[*f.chosen].a);  // the sorted samples: the same fit up to rounding
  CHECK(spec->b == f.candidates[*f.chosen].b);
  CHECK(spec->a == Approx(c->a).epsilon(1e-12));
  CHECK(spec->b == Approx(c->b).epsilon(1e-12));
}

TEST_CASE("fit recovers a gamma's shape and scale within 4 standard errors") {
  const double shape = 2.5, scale = 40;
  auto xs = draw(DistributionKind::gamma, shape, scale, "fit-gamma");
  auto c = fit_gamma(xs);
  REQUIRE(c);
  const double n = static_cast<double>(kN);
  const double psi1 = boost::math::trigamma(shape);
  const double det = shape * psi1 - 1;
  CHECK(std::abs(c->a - shape) <= 4 * std::sqrt(shape / (n * det)));
  CHECK(std::abs(c->b - scale) <= 4 * std::sqrt(psi1 * scale * scale / (n * det)));
  DurationFit f = fit_duration(xs);
  REQUIRE(f.chosen);
  CHECK(f.candidates[*f.chosen].kind == DistributionKind::gamma);
}

TEST_CASE("fit recovers a Weibull's shape and scale within 4 standard errors") {
  const double shape = 1.5, scale = 100;
  auto xs = draw(DistributionKind::weibull, shape, scale, "fit-weibull");
  auto c = fit_weibull(xs);
  REQUIRE(c);
  const double n = static_cast<double>(kN);
  const double pi2 = std::numbers::pi * std::numbers::pi, g = 1 - std::numbers::egamma;
  CHECK(std::abs(c->a - shape) <= 4 * std::sqrt(6 * shape * shape / (pi2 * n)));
  CHECK(std::abs(c->b - scale) <= 4 * std::sqrt(scale * scale * (1 + 6 * g * g / pi2) / (shape * shape * n)));
  DurationFit f = fit_duration(xs);
  REQUIRE(f.chosen);
  CHECK(f.candidates[*f.chosen].kind == DistributionKind::weibull);
}

TEST_CASE("the KS p-value follows the Kolmogorov distribution") {
  // With n = 10^10 Stephens' correction is negligible: Q_KS(lambda) at lambda = sqrt(n) D.
  const std::size_t n = 10'000'000'000;
  const double root = 1e5;
  CHECK(ks_p_value(1.3581 / root, n) == Approx(0.05).margin(1e-4));   // the 95% quantile of K
  CHECK(ks_p_value(1.6276 / root, n) == Approx(0.01).margin(1e-4));   // the 99% quantile
  CHECK(ks_p_value(0.8 / root, n) == Approx(0.5441).margin(1e-4));    // the small-lambda branch
  CHECK(ks_p_value(0, n) == 1);
}

TEST_CASE("a sample no distribution fits, or too small to fit, is empirical") {
  // Two clusters (10 ms and 1000 ms): every two-parameter fit is rejected.
  std::vector<double> xs;
  for (int i = 0; i < 500; ++i) xs.push_back(i % 2 ? 10 + i * 0.001 : 1000 + i * 0.001);
  DurationFit f = fit_duration(xs);
  CHECK_FALSE(f.chosen);
  CHECK(f.candidates.size() == 3);
  CHECK(f.reason.find("is rejected by the Kolmogorov-Smirnov test") != std::string::npos);

  DurationFit few = fit_duration({12, 15, 11});
  CHECK_FALSE(few.chosen);
  CHECK(few.reason == "3 samples are too few to fit a distribution (at least 30)");
  CHECK(few.samples == std::vector<double>{11, 12, 15});

  std::vector<double> zeros(40, 0.0);
  zeros[3] = 5;
  DurationFit z = fit_duration(zeros);
  CHECK_FALSE(z.chosen);
  CHECK(z.reason == "some samples are 0, which no lognormal, gamma or Weibull gives");
}
