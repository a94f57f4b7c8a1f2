#pragma once
// A log-bucketed histogram of latencies of bounded size (HDR-style: every power of two split into 2^10 equal
// sub-buckets), so that the latency percentiles of a run need memory independent of its draws and merge
// exactly across threads and shards (the counts are integers).
//
// Buckets: values below 2^-10 ms share bucket 0; [2^e, 2^(e+1)) for e = -10 .. 39 is cut into 1024 equal
// buckets; values at or above 2^40 ms (about 35 years) share the last bucket. The exact minimum and maximum
// are kept too. A quantile is Hyndman-Fan type 7 (sim/statistics.h) over the sample with every value
// replaced by its bucket's midpoint, clamped to [minimum, maximum] (the overflow bucket stands for the
// maximum). Error bound: for values of 2^-10 ms and more, each order statistic is within 2^-11 (0.049%) of
// its true value relatively, and so is the interpolated quantile (a convex combination of two of them); below
// 2^-10 ms the error is under 2^-10 ms (about 1 microsecond) absolute. docs/scale-out.md says why flowcost
// carries its own (Debian 12 packages no maintained HDR histogram or t-digest for C++).
#include <array>
#include <cstdint>
#include <memory>
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

  LatencyHistogram() = default;
  LatencyHistogram(const LatencyHistogram& other);
  LatencyHistogram& operator=(const LatencyHistogram& other);
  LatencyHistogram(LatencyHistogram&&) noexcept = default;
  LatencyHistogram& operator=(LatencyHistogram&&) noexcept = default;

  bool operator==(const LatencyHistogram& other) const;

 private:
  // The counts in blocks of kBlockBuckets consecutive buckets, each allocated when its first value arrives:
  // a run's latencies span a few powers of two, so a histogram holds a few blocks of 8 KB, not all 400 KB.
  static constexpr std::size_t kBlockBuckets = std::size_t{1} << kSubBucketBits;
  static constexpr std::size_t kBlocks = (kBuckets + kBlockBuckets - 1) / kBlockBuckets;
  using Block = std::array<std::uint64_t, kBlockBuckets>;
  std::uint64_t& count_at(std::size_t bucket);

  std::vector<std::unique_ptr<Block>> blocks_;  // kBlocks once the first value arrives; null: all 0
  std::uint64_t count_ = 0;
  double min_ = 0, max_ = 0;
};

}  // namespace flowcost::sim
