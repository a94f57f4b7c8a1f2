#include <catch2/catch.hpp>

#include <Random123/philox.h>
#include <algorithm>
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

TEST_CASE("site_key of a site and an index is one-to-one in the index and differs across sites") {
  const std::uint64_t a = site_key("state:Validate"), b = site_key("state:Store");
  std::vector<std::uint64_t> keys;
  for (std::uint64_t i = 0; i < 1000; ++i) keys.push_back(site_key(a, i));
  std::sort(keys.begin(), keys.end());
  CHECK(std::adjacent_find(keys.begin(), keys.end()) == keys.end());
  for (std::uint64_t i = 0; i < 1000; ++i) CHECK(site_key(a, i) != site_key(b, i));
  // MurmurHash3's fmix64 of site ^ (index x 0x9e3779b97f4a7c15 + 1): a fixed value on every platform.
  CHECK(site_key(0, 0) == 0xb456bcfc34c2cb2cull);
}

TEST_CASE("slot j of a site is word j of the site's stream; a slot's further words come from lane j + 1") {
  const std::uint64_t site = site_key("state:Validate");
  Stream lane0(7, 3, 11, site);
  std::vector<std::uint64_t> words;
  for (int i = 0; i < 12; ++i) words.push_back(lane0());
  SiteVariates v(7, 3, 11, site);
  for (unsigned j : {5u, 0u, 3u, 9u, 1u, 2u}) CHECK(v.word(j) == words[j]);  // any order, across blocks
  CHECK(v.uniform01(2) == (double(words[2] >> 11) + 0.5) / 9007199254740992.0);

  for (unsigned slot : {0u, 2u, 6u}) {
    INFO("slot " << slot);
    Stream lane(7, 3, 11, site, slot + 1);
    SiteVariates fresh(7, 3, 11, site);
    Stream stream = fresh.stream(slot);
    CHECK(stream() == words[slot]);
    for (int i = 0; i < 9; ++i) CHECK(stream() == lane());
  }
  // The lanes never meet lane 0's blocks: lane 1's first word is not among the site's first 12 words.
  Stream lane1(7, 3, 11, site, 1);
  const std::uint64_t w = lane1();
  CHECK(std::find(words.begin(), words.end(), w) == words.end());
}
