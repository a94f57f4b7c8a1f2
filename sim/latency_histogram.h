#pragma once
// A fixed-size, log-bucketed histogram of latencies (HDR-style: every power of two split into 2^10 equal
// sub-buckets), so that the latency percentiles of a run need memory independent of its draws and merge
// exactly across threads and shards (the counts are integers).
//
// Buckets: values below 2^-10 ms share bucket 0; [2^e, 2^(e+1)) for e = -10 .. 39 is cut into 1024 equal
// buckets; values at or above 2^40 ms (about 35 years) share the last bucket. The exact minimum and maximum
// are kept too. A quantile is Hyndman-Fan type 7 (sim/statistics.h) over the sample with every value
// replaced by its bucket's midpoint, clamped to [minimum, maximum] (the overflow bucket stands for the
// maximum). Error bound: for values of 2^-10 ms and more, each order statistic is within 2^-11 (0.049%) of
// its true value relatively, and so is the interpolated quantile (a convex combination of two of them); below
// 2^-10 ms the error is under 2^-10 ms (about 1 microsecond) absolute. docs/statistics.md says why flowcost
// carries its own (Debian 12 packages no maintained HDR histogram or t-digest for C++).
#include <cstdint>
#include <vector>

namespace flowcost::sim {

class LatencyHistogram {
 public:
  static constexpr int kSubBucketBits = 10;
  static constexpr int kLowestExponent = -10;   // 2^-10 ms
  static constexpr int kHighestExponent = 40;   // 2^40 ms
  static constexpr std::size_t kBuckets =
      2 + static_cast<std::size_t>(kHighestExponent - kLowestExponent) * (std::size_t{1} << kSubBucketBits);

  // Values below 0 or NaN are an internal error (latencies are virtual times).
  void add(double value_ms);
  void merge(const LatencyHistogram& other);

  std::uint64_t count() const { return count_; }
  double min() const { return min_; }  // 0 when empty
  double max() const { return max_; }  // 0 when empty
  // Type 7 quantile as described above; 0 when empty.
  double quantile(double p) const;
  // The quantiles of `ps`, in their order, from one pass over the buckets (a report asks for several).
  std::vector<double> quantiles(const std::vector<double>& ps) const;

  // The bucket of a value, and the midpoint a bucket stands for (before clamping to [min, max]).
  static std::size_t bucket_of(double value_ms);
  static double bucket_midpoint(std::size_t bucket);

  // Non-empty buckets as (bucket, count) in bucket order, and the inverse: for partial result files.
  std::vector<std::pair<std::size_t, std::uint64_t>> nonzero() const;
  static LatencyHistogram from_counts(const std::vector<std::pair<std::size_t, std::uint64_t>>& counts, double min_ms,
                                      double max_ms);

  bool operator==(const LatencyHistogram& other) const = default;

 private:
  std::vector<std::uint64_t> counts_;  // kBuckets once the first value arrives
  std::uint64_t count_ = 0;
  double min_ = 0, max_ = 0;
};

}  // namespace flowcost::sim
