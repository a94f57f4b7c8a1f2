#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>
#include <vector>

#include "sim/latency_histogram.h"
#include "sim/random.h"
#include "sim/statistics.h"

using namespace flowcost::sim;

TEST_CASE("latency histogram: buckets of 2^-10 of each power of two, midpoints") {
  CHECK(LatencyHistogram::bucket_of(0) == 0);
  CHECK(LatencyHistogram::bucket_of(std::ldexp(1.0, -11)) == 0);
  CHECK(LatencyHistogram::bucket_of(std::ldexp(1.0, -10)) == 1);
  CHECK(LatencyHistogram::bucket_of(1.0) == 1 + 10 * 1024);
  CHECK(LatencyHistogram::bucket_of(1.5) == 1 + 10 * 1024 + 512);
  CHECK(LatencyHistogram::bucket_of(std::ldexp(1.0, 40)) == LatencyHistogram::kBuckets - 1);
  CHECK(LatencyHistogram::bucket_midpoint(1 + 10 * 1024) == 1 + 0.5 / 1024);
  CHECK(LatencyHistogram::bucket_midpoint(1 + 10 * 1024 + 512) == 1.5 + 0.5 / 1024);
  for (double v : {0.002, 0.7, 1.0, 3.3, 250.0, 1e6, 3.1e10}) {
    const double mid = LatencyHistogram::bucket_midpoint(LatencyHistogram::bucket_of(v));
    CHECK(std::fabs(mid - v) <= v / 2048);
  }
}

TEST_CASE("latency histogram: quantiles within 2^-11 of the exact type-7 quantiles; exact min and max") {
  LatencyHistogram h;
  std::vector<double> values;
  Stream stream(7, 0, 0, 0);
  for (int i = 0; i < 20000; ++i) {
    // Lognormal-like spread over five decades.
    const double v = std::exp(12 * (static_cast<double>(stream() >> 11) * 0x1.0p-53) - 2);
    values.push_back(v);
    h.add(v);
  }
  CHECK(h.count() == 20000);
  CHECK(h.min() == *std::min_element(values.begin(), values.end()));
  CHECK(h.max() == *std::max_element(values.begin(), values.end()));
  for (double p : {0.0, 0.01, 0.5, 0.9, 0.95, 0.99, 0.999, 1.0}) {
    const double exact = quantile(values, p);
    INFO("p = " << p);
    CHECK(std::fabs(h.quantile(p) - exact) <= exact / 2048);
  }
  CHECK(h.quantile(0) == h.min());
  CHECK(h.quantile(1) == h.max());
  // Several at once (one pass), in the order asked, duplicates included: the same values.
  const std::vector<double> ps{0.99, 0.01, 0.5, 0.99, 1.0, 0.0, 0.9};
  const std::vector<double> q = h.quantiles(ps);
  REQUIRE(q.size() == ps.size());
  for (std::size_t i = 0; i < ps.size(); ++i) CHECK(q[i] == h.quantile(ps[i]));
}

TEST_CASE("latency histogram: quantiles interpolate between bucket midpoints, with the exact extremes") {
  LatencyHistogram h;
  for (double v : {3.0, 1.0, 4.0, 2.0}) h.add(v);
  // Ranks 0 and 3 are the minimum and maximum; 2 stands for 2 x (1 + 0.5 / 1024) and 3 for
  // 2 x (1 + 512.5 / 1024); the median (h = 1.5) is halfway between those two.
  CHECK(h.quantiles({1.0, 0.5, 0.0, 1.0 / 3}) == std::vector<double>{4.0, 2.5009765625, 1.0, 2.0009765625});
}

TEST_CASE("latency histogram: merging is exact in any grouping, and round-trips through its counts") {
  LatencyHistogram all, a, b, c;
  for (int i = 0; i < 3000; ++i) {
    const double v = 0.5 + i * 1.37;
    all.add(v);
    (i % 3 == 0 ? a : i % 3 == 1 ? b : c).add(v);
  }
  LatencyHistogram left = a;
  left.merge(b);
  left.merge(c);
  LatencyHistogram right = c;
  right.merge(a);
  right.merge(b);
  CHECK(left == all);
  CHECK(right == all);
  CHECK(LatencyHistogram::from_counts(all.nonzero(), all.min(), all.max()) == all);
  CHECK(LatencyHistogram().quantile(0.5) == 0);
}

TEST_CASE("latency histogram: a sample of zeros has every quantile 0") {
  LatencyHistogram h;
  for (int i = 0; i < 10; ++i) h.add(0);
  CHECK(h.quantile(0.5) == 0);
  CHECK(h.quantile(0.99) == 0);
}

TEST_CASE("quantiles by selection equal the sorted type-7 quantiles exactly") {
  Stream stream(3, 1, 0, 0);
  std::vector<double> values;
  for (int i = 0; i < 1001; ++i) values.push_back(static_cast<double>(stream() % 1000) / 7.0);
  std::vector<double> sorted = values;
  std::sort(sorted.begin(), sorted.end());
  for (double p : {0.0, 0.05, 0.25, 0.5, 0.95, 0.999, 1.0}) {
    std::vector<double> work = values;
    CHECK(quantile_select(work, p) == quantile_sorted(sorted, p));
  }
  const Summary s = summarize(values);
  CHECK(s.p05 == quantile_sorted(sorted, 0.05));
  CHECK(s.min == sorted.front());
  CHECK(s.max == sorted.back());
}

TEST_CASE("latency histogram: the bucket of a value is the one frexp gives (sub-buckets from the fraction bits)") {
  // bucket_of reads the exponent and the top fraction bits; this is the definition it implements.
  const auto by_frexp = [](double v) -> std::size_t {
    if (v < std::ldexp(1.0, LatencyHistogram::kLowestExponent)) return 0;
    if (v >= std::ldexp(1.0, LatencyHistogram::kHighestExponent)) return LatencyHistogram::kBuckets - 1;
    int exponent = 0;
    const double mantissa = std::frexp(v, &exponent);
    const auto sub = static_cast<std::size_t>((mantissa * 2 - 1) * 1024);
    return 1 + static_cast<std::size_t>(exponent - 1 - LatencyHistogram::kLowestExponent) * 1024 + sub;
  };
  Stream stream(11, 0, 0, 0);
  for (int i = 0; i < 100000; ++i) {
    const double v = std::exp(80 * (static_cast<double>(stream() >> 11) * 0x1.0p-53) - 12);  // 2^-17 .. 2^98
    REQUIRE(LatencyHistogram::bucket_of(v) == by_frexp(v));
  }
  for (int e = LatencyHistogram::kLowestExponent; e < LatencyHistogram::kHighestExponent; ++e) {
    const double p = std::ldexp(1.0, e);
    CHECK(LatencyHistogram::bucket_of(p) == by_frexp(p));
    CHECK(LatencyHistogram::bucket_of(std::nextafter(p, 0.0)) == by_frexp(std::nextafter(p, 0.0)));
  }
  CHECK(LatencyHistogram::bucket_of(std::numeric_limits<double>::infinity()) == LatencyHistogram::kBuckets - 1);
  CHECK(LatencyHistogram::bucket_of(std::numeric_limits<double>::denorm_min()) == 0);
}

TEST_CASE("latency histogram: values far apart (empty blocks between them) keep exact counts, copies and quantiles") {
  // Three clusters 2^30 apart: the blocks between them hold no count.
  LatencyHistogram h;
  std::vector<double> values;
  for (int i = 0; i < 300; ++i) {
    const double v = (i % 3 == 0 ? 0.01 : i % 3 == 1 ? 1e4 : 3e10) * (1 + i / 1000.0);
    values.push_back(v);
    h.add(v);
  }
  const LatencyHistogram copy = h;
  CHECK(copy == h);
  CHECK(copy.nonzero() == h.nonzero());
  LatencyHistogram other;
  other = h;
  other.add(5.0);
  CHECK_FALSE(other == h);
  std::vector<double> midpoints;
  for (double v : values)
    midpoints.push_back(std::clamp(LatencyHistogram::bucket_midpoint(LatencyHistogram::bucket_of(v)), h.min(), h.max()));
  std::sort(midpoints.begin(), midpoints.end());
  midpoints.front() = h.min();
  midpoints.back() = h.max();
  for (double p : {0.0, 0.2, 1.0 / 3, 0.5, 2.0 / 3, 0.9, 1.0}) CHECK(h.quantile(p) == quantile_sorted(midpoints, p));
  std::size_t total = 0;
  for (const auto& [bucket, n] : h.nonzero()) total += n;
  CHECK(total == 300);
  CHECK(h.nonzero().size() == 300);  // every value in a bucket of its own
}

TEST_CASE("latency histogram: quantiles equal the type-7 quantiles of the bucket midpoints, ranks in any block") {
  // The quantile walk passes whole blocks by their sums: the answer must be exactly that of the sample
  // with each value replaced by its clamped bucket midpoint (and the extremes exact), for ranks that fall
  // in the minimum's block, in blocks further on, several in one block, and in the last one.
  std::mt19937_64 gen(17);
  std::lognormal_distribution<double> wide(std::log(1000.0), 4.0);  // spans about 30 powers of two
  for (const std::size_t n : {std::size_t{1}, std::size_t{2}, std::size_t{7}, std::size_t{1000}, std::size_t{20000}}) {
    INFO(n);
    flowcost::sim::LatencyHistogram h;
    std::vector<double> values;
    for (std::size_t i = 0; i < n; ++i) {
      values.push_back(wide(gen));
      h.add(values.back());
    }
    std::sort(values.begin(), values.end());
    std::vector<double> stand_ins;
    for (std::size_t i = 0; i < n; ++i) {
      const std::size_t b = flowcost::sim::LatencyHistogram::bucket_of(values[i]);
      stand_ins.push_back(i == 0 ? values.front()
                          : i + 1 == n || b == flowcost::sim::LatencyHistogram::kBuckets - 1
                              ? values.back()
                              : std::clamp(flowcost::sim::LatencyHistogram::bucket_midpoint(b), values.front(), values.back()));
    }
    const std::vector<double> ps = {0, 0.0001, 0.001, 0.25, 0.5, 0.5001, 0.9, 0.95, 0.99, 0.999, 1};
    const std::vector<double> got = h.quantiles(ps);
    for (std::size_t i = 0; i < ps.size(); ++i) {
      INFO(ps[i]);
      const double rank = static_cast<double>(n - 1) * ps[i];
      const auto lo = static_cast<std::size_t>(std::floor(rank));
      const double frac = rank - static_cast<double>(lo);
      const double expected =
          lo + 1 >= n || frac == 0 ? stand_ins[lo] : stand_ins[lo] + frac * (stand_ins[lo + 1] - stand_ins[lo]);
      CHECK(got[i] == expected);
    }
  }
}
