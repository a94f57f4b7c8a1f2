#include "sim/whatif.h"

#include <catch2/catch.hpp>
#include <cmath>

using namespace flowcost;
using sim::GridScale;

TEST_CASE("linear grid: equally spaced, ends exact", "[whatif]") {
  auto g = sim::grid_points(10, 50, 5, GridScale::linear);
  REQUIRE(g == std::vector<double>{10, 20, 30, 40, 50});
  auto two = sim::grid_points(-1, 1, 2, GridScale::linear);
  REQUIRE(two == std::vector<double>{-1, 1});
}

TEST_CASE("log grid: constant ratio, ends exact", "[whatif]") {
  auto g = sim::grid_points(10, 1000, 5, GridScale::log);
  REQUIRE(g.size() == 5);
  CHECK(g[0] == 10);
  CHECK(g[1] == Approx(10 * std::sqrt(10.0)).epsilon(1e-14));
  CHECK(g[2] == Approx(100).epsilon(1e-14));
  CHECK(g[3] == Approx(100 * std::sqrt(10.0)).epsilon(1e-14));
  CHECK(g[4] == 1000);
  auto seven = sim::grid_points(1, 64, 7, GridScale::log);
  for (std::size_t i = 0; i < 7; ++i) CHECK(seven[i] == Approx(std::pow(2.0, static_cast<double>(i))).epsilon(1e-14));
}

TEST_CASE("grid arguments are checked", "[whatif]") {
  CHECK_THROWS_AS(sim::grid_points(1, 2, 1, GridScale::linear), std::invalid_argument);
  CHECK_THROWS_AS(sim::grid_points(0, 2, 3, GridScale::log), std::invalid_argument);
}

TEST_CASE("sign changes", "[whatif]") {
  CHECK(sim::changes_sign(-1, 2));
  CHECK(sim::changes_sign(3, -0.5));
  CHECK(sim::changes_sign(0, 2));
  CHECK(sim::changes_sign(-2, 0));
  CHECK_FALSE(sim::changes_sign(1, 2));
  CHECK_FALSE(sim::changes_sign(-1, -2));
  CHECK_FALSE(sim::changes_sign(0, 0));
}

TEST_CASE("the crossing of a line is exact", "[whatif]") {
  // y = 2x - 7 crosses zero at 3.5.
  CHECK(sim::linear_crossing(1, -5, 6, 5) == 3.5);
  CHECK(sim::linear_crossing(6, 5, 1, -5) == 3.5);
  CHECK(sim::linear_crossing(2, 0, 4, 1) == 2);
  CHECK(sim::linear_crossing(2, -1, 4, 0) == 4);
  auto b = sim::make_bracket(0, -7, 10, 13);
  CHECK(b.value == 3.5);
  CHECK(b.lo == 0);
  CHECK(b.hi == 10);
  // On a line, refinement keeps the exact crossing and narrows the bracket around it.
  auto line = [](double x) { return 2 * x - 7; };
  auto r = sim::refine_crossing(b, line, 0.01, 6);
  CHECK(r.value == Approx(3.5).epsilon(1e-12));
  CHECK(r.lo <= 3.5);
  CHECK(r.hi >= 3.5);
}

TEST_CASE("bisection converges on a monotone curve within the bracket rule", "[whatif]") {
  // f(x) = x^3 - 900 on [0, 40]: root cbrt(900) = 9.655. Bisection halves [0, 40] until the bracket is within
  // 1% of the crossing (0.0965 wide): 40 / 2^9 = 0.078, 9 evaluations, more than a cap of 6 allows.
  const double root = std::cbrt(900.0);
  int calls = 0;
  auto f = [&calls](double x) {
    ++calls;
    return x * x * x - 900;
  };
  auto start = sim::make_bracket(0, -900, 40, 63100);
  auto capped = sim::refine_crossing(start, f, 0.01, 6);
  CHECK(capped.evaluations == 6);
  CHECK(calls == 6);
  CHECK(capped.lo <= root);
  CHECK(capped.hi >= root);
  CHECK(capped.hi - capped.lo == 40.0 / 64);
  auto full = sim::refine_crossing(start, f, 0.01, 50);
  CHECK(full.evaluations == 9);
  CHECK(full.hi - full.lo == 40.0 / 512);
  CHECK(full.hi - full.lo <= 0.01 * full.value);
  CHECK(full.lo <= root);
  CHECK(full.hi >= root);
  CHECK(std::fabs(full.value - root) <= full.hi - full.lo);
}

TEST_CASE("bisection stops on an exact zero", "[whatif]") {
  // A step from -1 to 1 with f(4) = 0: the first midpoint of [0, 8] hits the zero and closes the bracket.
  auto start = sim::make_bracket(0, -1, 8, 1);
  auto step = [](double x) { return x < 4 ? -1.0 : (x == 4 ? 0.0 : 1.0); };
  auto r = sim::refine_crossing(start, step, 0.001, 10);
  CHECK(r.evaluations == 1);
  CHECK(r.value == 4);
  CHECK(r.lo == 4);
  CHECK(r.hi == 4);
}

TEST_CASE("quantiles of a uniform distribution", "[whatif]") {
  model::DistributionSpec u;
  u.kind = model::DistributionKind::uniform;
  u.a = 100;
  u.b = 200;
  auto q = sim::distribution_quantiles(u, {0.05, 0.5, 0.95}, 1);
  // Order statistic k of n uniforms has standard deviation sqrt(p(1-p)/n) x width: 0.22 at p05, 0.5 at p50.
  const double n = 10001;
  CHECK(std::fabs(q[0] - 105) <= 4 * 100 * std::sqrt(0.05 * 0.95 / n));
  CHECK(std::fabs(q[1] - 150) <= 4 * 100 * std::sqrt(0.25 / n));
  CHECK(std::fabs(q[2] - 195) <= 4 * 100 * std::sqrt(0.05 * 0.95 / n));
  // The same stream every time.
  CHECK(sim::distribution_quantiles(u, {0.05, 0.5, 0.95}, 1) == q);
}

TEST_CASE("quantiles of a triangular distribution", "[whatif]") {
  model::DistributionSpec t;
  t.kind = model::DistributionKind::triangular;
  t.a = 0;
  t.b = 10;
  t.c = 20;
  auto q = sim::distribution_quantiles(t, {0.05, 0.5, 0.95}, 7);
  // Symmetric triangle on [0, 20]: F(x) = x^2 / 200 below the mode, so p05 = sqrt(10), p95 = 20 - sqrt(10).
  // Standard error of a sample quantile: sqrt(p(1-p)/n) / density; density at sqrt(10) is sqrt(10)/100.
  const double n = 10001;
  const double se_tail = std::sqrt(0.05 * 0.95 / n) / (std::sqrt(10.0) / 100);
  const double se_mid = std::sqrt(0.25 / n) / 0.1;
  CHECK(std::fabs(q[0] - std::sqrt(10.0)) <= 4 * se_tail);
  CHECK(std::fabs(q[1] - 10) <= 4 * se_mid);
  CHECK(std::fabs(q[2] - (20 - std::sqrt(10.0))) <= 4 * se_tail);
}

TEST_CASE("quantiles of a constant", "[whatif]") {
  auto q = sim::distribution_quantiles(model::DistributionSpec::constant_value(42), {0.05, 0.95}, 1);
  CHECK(q == std::vector<double>{42, 42});
}
