#include <catch2/catch.hpp>

#include <cmath>

#include "model/errors.h"
#include "sim/statistics.h"

using namespace flowcost::sim;

TEST_CASE("summary of 1..10: Welford moments and type 7 quantiles") {
  std::vector<double> v{7, 1, 10, 3, 2, 9, 4, 8, 5, 6};
  Summary s = summarize(v);
  CHECK(s.count == 10);
  CHECK(s.mean == 5.5);
  CHECK(s.stddev == Approx(std::sqrt(82.5 / 9)).epsilon(1e-15));
  CHECK(s.std_error == Approx(std::sqrt(82.5 / 9 / 10)).epsilon(1e-15));
  CHECK(s.p05 == Approx(1.45).epsilon(1e-15));  // h = 9 x 0.05 = 0.45
  CHECK(s.p50 == 5.5);                          // h = 4.5
  CHECK(s.p95 == Approx(9.55).epsilon(1e-15));  // h = 8.55
  CHECK(s.min == 1);
  CHECK(s.max == 10);
  CHECK(s.ci95_low == Approx(5.5 - 1.96 * s.std_error).epsilon(1e-15));
  CHECK(s.ci95_high == Approx(5.5 + 1.96 * s.std_error).epsilon(1e-15));
}

TEST_CASE("quantiles at the ends and of one value") {
  CHECK(quantile({3, 1, 2}, 0) == 1);
  CHECK(quantile({3, 1, 2}, 1) == 3);
  CHECK(quantile({3, 1, 2}, 0.25) == 1.5);
  CHECK(quantile({4}, 0.95) == 4);
  CHECK_THROWS_AS(quantile({}, 0.5), flowcost::model::InternalError);
  Summary one = summarize({4});
  CHECK(one.std_error == 0);
  CHECK(one.p95 == 4);
  CHECK(summarize({}).count == 0);
}

TEST_CASE("Welford merges like a single pass") {
  Welford all, left, right;
  for (int i = 1; i <= 7; ++i) {
    all.add(i * 1.5);
    (i <= 3 ? left : right).add(i * 1.5);
  }
  left.merge(right);
  CHECK(left.count() == 7);
  CHECK(left.mean() == Approx(all.mean()).epsilon(1e-15));
  CHECK(left.variance() == Approx(all.variance()).epsilon(1e-14));
  CHECK(all.mean() == 6.0);
  CHECK(all.variance() == Approx(2.25 * 28 / 6).epsilon(1e-15));  // 1.5^2 x var(1..7)
}

TEST_CASE("paired comparison on a small example") {
  std::vector<double> baseline{10, 20, 30, 40}, candidate{8, 21, 25, 30};
  Paired p = compare_paired(baseline, candidate);  // savings 2, -1, 5, 10
  CHECK(p.count == 4);
  CHECK(p.saving_mean == 4);
  CHECK(p.saving_std_error == Approx(std::sqrt(22.0 / 4)).epsilon(1e-15));  // variance 66 / 3
  CHECK(p.saving_ci95_low == Approx(4 - 1.96 * std::sqrt(5.5)).epsilon(1e-15));
  CHECK(p.saving_ci95_high == Approx(4 + 1.96 * std::sqrt(5.5)).epsilon(1e-15));
  CHECK(p.saving_p05 == Approx(-0.55).epsilon(1e-14));  // sorted -1, 2, 5, 10; h = 0.15
  CHECK(p.saving_p50 == 3.5);
  CHECK(p.saving_p95 == Approx(9.25).epsilon(1e-15));  // h = 2.85
  CHECK(p.saving_fraction_mean == Approx(0.16).epsilon(1e-15));
  CHECK(p.ratio == Approx(0.84).epsilon(1e-15));
  CHECK(p.saving_fraction_per_draw_mean == Approx((0.2 - 0.05 + 1.0 / 6 + 0.25) / 4).epsilon(1e-15));
  CHECK(p.p_candidate_cheaper == 0.75);
  CHECK_THROWS_AS(compare_paired({1}, {1, 2}), flowcost::model::InternalError);
  CHECK(compare_paired({}, {}).count == 0);
}

TEST_CASE("stop rule: 1.96 standard errors within rel_error of the mean") {
  Summary s;
  s.count = 100;
  s.mean = 100;
  s.std_error = 0.5;  // half-width 0.98
  CHECK(converged(s, 0.01));
  s.std_error = 0.52;  // half-width 1.0192
  CHECK_FALSE(converged(s, 0.01));
  s.mean = -200;  // |mean|
  CHECK(converged(s, 0.01));
  s.count = 1;
  CHECK_FALSE(converged(s, 0.5));
}
