#include <catch2/catch.hpp>

#include <Random123/philox.h>
#include <cmath>
#include <limits>
#include <vector>

#include "sim/random.h"

using namespace flowcost::sim;

TEST_CASE("site keys are FNV-1a 64") {
  CHECK(site_key("") == 0xcbf29ce484222325ull);
  CHECK(site_key("a") == 0xaf63dc4c8601ec8cull);
  CHECK(site_key("foobar") == 0x85944171f73967e8ull);
  CHECK(site_key(site_key("Map"), 0) != site_key(site_key("Map"), 1));
  CHECK(site_key(site_key("Map"), 7) == site_key(site_key("Map"), 7));
}

TEST_CASE("streams are Philox4x64-10 with key {seed, site} and counter {draw, sample, block, 0}") {
  // Random123 known-answer vectors.
  Stream zero(0, 0, 0, 0);
  CHECK(zero() == 0x16554d9eca36314cull);
  CHECK(zero() == 0xdb20fe9d672d0fdcull);
  CHECK(zero() == 0xd7e772cee186176bull);
  CHECK(zero() == 0x7e68b68aec7ba23bull);
  const std::uint64_t max = std::numeric_limits<std::uint64_t>::max();
  // The mapping onto (key, counter), block by block.
  Stream s(11, 22, 33, 44);
  r123::Philox4x64 philox;
  for (std::uint64_t block = 0; block < 3; ++block) {
    r123::Philox4x64::ctr_type ctr = {{22, 33, block, 0}};
    r123::Philox4x64::key_type key = {{11, 44}};
    auto out = philox(ctr, key);
    for (int i = 0; i < 4; ++i) CHECK(s() == out.v[i]);
  }
  r123::Philox4x64::ctr_type all = {{max, max, max, max}};
  r123::Philox4x64::key_type kall = {{max, max}};
  CHECK(philox(all, kall).v[0] == 0x87b092c3013fe90bull);
}

TEST_CASE("the same key gives the same sequence, any other key another one") {
  Stream a(1, 2, 3, site_key("Validate"));
  Stream b(1, 2, 3, site_key("Validate"));
  for (int i = 0; i < 100; ++i) CHECK(a() == b());
  Stream c(1, 2, 3, site_key("Store"));
  Stream d(1, 2, 4, site_key("Validate"));
  Stream e(1, 3, 3, site_key("Validate"));
  Stream f(2, 2, 3, site_key("Validate"));
  Stream g(1, 2, 3, site_key("Validate"));
  auto first = g();
  CHECK(c() != first);
  CHECK(d() != first);
  CHECK(e() != first);
  CHECK(f() != first);
}

TEST_CASE("uniform01 is on (0, 1) with the right mean, and different sites look independent") {
  const int n = 200000;
  Stream a(5, 0, 0, site_key("x"));
  Stream b(5, 0, 0, site_key("y"));
  double sum_a = 0, sum_b = 0, sum_ab = 0, sum_aa = 0, sum_bb = 0;
  for (int i = 0; i < n; ++i) {
    double x = a.uniform01(), y = b.uniform01();
    REQUIRE(x > 0);
    REQUIRE(x < 1);
    sum_a += x;
    sum_b += y;
    sum_ab += x * y;
    sum_aa += x * x;
    sum_bb += y * y;
  }
  double mean_a = sum_a / n, mean_b = sum_b / n;
  double se = std::sqrt(1.0 / 12.0 / n);
  CHECK(std::fabs(mean_a - 0.5) < 4 * se);
  CHECK(std::fabs(mean_b - 0.5) < 4 * se);
  double cov = sum_ab / n - mean_a * mean_b;
  double corr = cov / std::sqrt((sum_aa / n - mean_a * mean_a) * (sum_bb / n - mean_b * mean_b));
  CHECK(std::fabs(corr) < 4 / std::sqrt(double(n)));  // se of a sample correlation of independent variables

  // Per-sample streams of one site, first variate each (how executors use them).
  double sum = 0;
  for (int i = 0; i < n; ++i) sum += Stream(9, 1, static_cast<std::uint64_t>(i), site_key("z")).uniform01();
  CHECK(std::fabs(sum / n - 0.5) < 4 * se);
  CHECK(Stream(0, 0, 0, 0).uniform01() == (double(0x16554d9eca36314cull >> 11) + 0.5) / 9007199254740992.0);
}
