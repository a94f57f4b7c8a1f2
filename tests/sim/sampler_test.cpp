#include <catch2/catch.hpp>

#include <cmath>
#include <string>

#include "sim/random.h"
#include "sim/sampler.h"

using namespace flowcost::sim;
using flowcost::model::Dimension;
using flowcost::model::DistributionKind;
using flowcost::model::DistributionSpec;

namespace {
constexpr int kN = 200000;

DistributionSpec spec(DistributionKind k, double a, double b = 0, double c = 0) {
  DistributionSpec s;
  s.kind = k;
  s.a = a;
  s.b = b;
  s.c = c;
  return s;
}

// Draws kN variates from per-sample streams (as the executors do) and checks the sample mean against the
// analytic mean within 4 standard errors, the standard error from the analytic variance.
std::vector<double> check_mean(const DistributionSpec& s, const std::string& site) {
  Sampler sampler(s);
  auto mean = sampler.mean();
  auto variance = sampler.variance();
  REQUIRE(mean);
  REQUIRE(variance);
  std::vector<double> xs(kN);
  double sum = 0;
  for (int i = 0; i < kN; ++i) {
    Stream stream(2024, 0, static_cast<std::uint64_t>(i), site_key(site));
    xs[static_cast<std::size_t>(i)] = sampler.sample(stream);
    sum += xs[static_cast<std::size_t>(i)];
  }
  double se = std::sqrt(*variance / kN);
  INFO(site << ": sample mean " << sum / kN << ", analytic " << *mean << ", se " << se);
  CHECK(std::fabs(sum / kN - *mean) <= 4 * se);
  return xs;
}

double fraction_at_most(const std::vector<double>& xs, double q) {
  double count = 0;
  for (double x : xs) count += x <= q ? 1 : 0;
  return count / static_cast<double>(xs.size());
}
}  // namespace

TEST_CASE("sample means match analytic means within 4 standard errors") {
  check_mean(spec(DistributionKind::constant, 7), "constant");
  check_mean(spec(DistributionKind::uniform, 2, 5), "uniform");
  check_mean(spec(DistributionKind::triangular, 1, 2, 6), "triangular");
  check_mean(spec(DistributionKind::pert, 1, 2, 6), "pert");
  check_mean(spec(DistributionKind::normal, 10, 2), "normal");
  check_mean(spec(DistributionKind::lognormal, 1.5, 0.5), "lognormal");
  check_mean(spec(DistributionKind::exponential, 3), "exponential");
  check_mean(spec(DistributionKind::gamma, 0.5, 2), "gamma small shape");
  check_mean(spec(DistributionKind::gamma, 3, 1.5), "gamma");
  check_mean(spec(DistributionKind::weibull, 1.5, 100), "weibull");
  check_mean(spec(DistributionKind::bernoulli, 0.3), "bernoulli");
  DistributionSpec discrete = spec(DistributionKind::discrete, 0);
  discrete.values = {1024, 4096, 16384};
  discrete.weights = {0.5, 0.3, 0.2};
  check_mean(discrete, "discrete");
  DistributionSpec empirical = spec(DistributionKind::empirical, 0);
  empirical.samples = {30, 45, 2000, 60, 1500};
  check_mean(empirical, "empirical");
}

TEST_CASE("analytic means and variances have their closed forms") {
  CHECK(*Sampler(spec(DistributionKind::uniform, 2, 5)).variance() == 0.75);
  CHECK(*Sampler(spec(DistributionKind::triangular, 1, 2, 6)).mean() == 3.0);
  CHECK(*Sampler(spec(DistributionKind::pert, 1, 2, 6)).mean() == 15.0 / 6.0);
  // PERT [1, 2, 6]: alpha = 1.8, beta = 4.2, variance = 25 x 1.8 x 4.2 / (36 x 7)
  CHECK(*Sampler(spec(DistributionKind::pert, 1, 2, 6)).variance() == Approx(0.75).epsilon(1e-14));
  CHECK(*Sampler(spec(DistributionKind::lognormal, 0, 1)).mean() == Approx(std::exp(0.5)).epsilon(1e-15));
  CHECK(*Sampler(spec(DistributionKind::weibull, 1, 10)).mean() == Approx(10).epsilon(1e-14));
  CHECK(*Sampler(spec(DistributionKind::gamma, 3, 1.5)).variance() == 6.75);
  DistributionSpec half = spec(DistributionKind::normal, 0, 1);
  half.lower = 0.0;
  CHECK(*Sampler(half).mean() == Approx(std::sqrt(2 / M_PI)).epsilon(1e-14));
  CHECK(*Sampler(half).variance() == Approx(1 - 2 / M_PI).epsilon(1e-14));
  DistributionSpec clipped = spec(DistributionKind::uniform, 0, 10);
  clipped.upper = 5.0;
  CHECK_FALSE(Sampler(clipped).mean());
  DistributionSpec labels = spec(DistributionKind::discrete, 0);
  labels.values = {0, 1};
  labels.weights = {0.5, 0.5};
  labels.labels = {"a", "b"};
  CHECK_FALSE(Sampler(labels).mean());
}

TEST_CASE("truncated normals stay within their bounds, in either tail") {
  DistributionSpec duration = spec(DistributionKind::normal, 1, 2);  // heavily truncated at 0
  duration.lower = 0.0;
  duration.dimension = Dimension::duration_ms;
  for (double x : check_mean(duration, "truncated at 0")) REQUIRE(x >= 0);

  DistributionSpec tail = spec(DistributionKind::normal, 0, 1);  // far upper tail: sampled flipped
  tail.lower = 2.0;
  tail.upper = 3.0;
  for (double x : check_mean(tail, "upper tail")) REQUIRE((x >= 2 && x <= 3));

  DistributionSpec far = spec(DistributionKind::normal, 0, 1);
  far.lower = 8.0;
  for (double x : check_mean(far, "far tail")) REQUIRE(x >= 8);
}

TEST_CASE("a truncated normal with min == max, or with no mass in double precision, is that point") {
  DistributionSpec point = spec(DistributionKind::normal, 1000, 50);
  point.lower = 950.0;
  point.upper = 950.0;
  Sampler sampler(point);
  Stream stream(7, 0, 0, site_key("point"));
  CHECK(sampler.sample(stream) == 950.0);
  CHECK(sampler.mean() == 950.0);
  CHECK(sampler.variance() == 0.0);
  // [0, 1e-300] around the mean: both CDF values are 0.5 in double precision; the midpoint.
  DistributionSpec narrow = spec(DistributionKind::normal, 0, 1);
  narrow.lower = 0.0;
  narrow.upper = 1e-300;
  CHECK(Sampler(narrow).sample(stream) == 0.5e-300);
}

TEST_CASE("lognormal by median and p95 has those quantiles") {
  // median 900, p95 3000: mu = ln 900, sigma = (ln 3000 - ln 900) / z95
  DistributionSpec s = spec(DistributionKind::lognormal, std::log(900.0),
                            (std::log(3000.0) - std::log(900.0)) / 1.6448536269514722);
  auto xs = check_mean(s, "lognormal quantiles");
  // The number of samples at or below the true p-quantile is Binomial(n, p): 4 standard errors.
  double tol95 = 4 * std::sqrt(0.95 * 0.05 / kN);
  double tol50 = 4 * std::sqrt(0.5 * 0.5 / kN);
  CHECK(std::fabs(fraction_at_most(xs, 3000) - 0.95) <= tol95);
  CHECK(std::fabs(fraction_at_most(xs, 900) - 0.5) <= tol50);
}

TEST_CASE("discrete frequencies follow the weights") {
  DistributionSpec s = spec(DistributionKind::discrete, 0);
  s.values = {0, 1, 2, 3};
  s.labels = {"a", "b", "c", "d"};
  s.weights = {0.1, 0.2, 0.3, 0.4};
  Sampler sampler(s);
  std::vector<double> counts(4, 0);
  Stream stream(3, 0, 0, site_key("discrete"));
  for (int i = 0; i < kN; ++i) counts[static_cast<std::size_t>(sampler.sample(stream))] += 1;
  for (std::size_t i = 0; i < 4; ++i) {
    double w = s.weights[i];
    CHECK(std::fabs(counts[i] / kN - w) <= 4 * std::sqrt(w * (1 - w) / kN));
  }
}

TEST_CASE("sampling is reproducible and clipping bounds clamp") {
  Sampler g(spec(DistributionKind::gamma, 2, 3));
  Stream a(1, 2, 3, 4), b(1, 2, 3, 4);
  for (int i = 0; i < 50; ++i) CHECK(g.sample(a) == g.sample(b));
  DistributionSpec clipped = spec(DistributionKind::uniform, 0, 10);
  clipped.upper = 5.0;
  Sampler c(clipped);
  Stream s(1, 0, 0, 0);
  double at_bound = 0;
  for (int i = 0; i < 1000; ++i) {
    double x = c.sample(s);
    REQUIRE(x <= 5.0);
    at_bound += x == 5.0 ? 1 : 0;
  }
  CHECK(at_bound > 400);  // half the mass sits on the bound: Binomial(1000, 0.5), mean 500, sd 16
  CHECK(Sampler().sample(s) == 0.0);
}
