#include "sim/latency_histogram.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <string>

#include "model/errors.h"

namespace flowcost::sim {

namespace {

constexpr std::size_t kSubBuckets = std::size_t{1} << LatencyHistogram::kSubBucketBits;

}  // namespace

std::size_t LatencyHistogram::bucket_of(double value_ms) {
  if (value_ms < std::ldexp(1.0, kLowestExponent)) return 0;
  if (value_ms >= std::ldexp(1.0, kHighestExponent)) return kBuckets - 1;
  // A normal double in [2^-10, 2^40): value = 1.f x 2^octave; the sub-bucket is the top kSubBucketBits of
  // the fraction f, that is floor(f x 2^kSubBucketBits).
  const auto bits = std::bit_cast<std::uint64_t>(value_ms);
  const int octave = static_cast<int>((bits >> 52) & 0x7ff) - 1023;
  const auto sub = static_cast<std::size_t>((bits >> (52 - kSubBucketBits)) & (kSubBuckets - 1));
  return 1 + static_cast<std::size_t>(octave - kLowestExponent) * kSubBuckets + sub;
}

double LatencyHistogram::bucket_midpoint(std::size_t bucket) {
  if (bucket == 0) return std::ldexp(1.0, kLowestExponent - 1);
  if (bucket >= kBuckets - 1) return std::ldexp(1.0, kHighestExponent);
  const std::size_t i = bucket - 1;
  const int octave = kLowestExponent + static_cast<int>(i / kSubBuckets);
  const double sub = static_cast<double>(i % kSubBuckets);
  return std::ldexp(1.0 + (sub + 0.5) / static_cast<double>(kSubBuckets), octave);
}

LatencyHistogram::LatencyHistogram(const LatencyHistogram& other)
    : count_(other.count_), min_(other.min_), max_(other.max_) {
  if (other.blocks_.empty()) return;
  blocks_.resize(kBlocks);
  for (std::size_t i = 0; i < kBlocks; ++i)
    if (other.blocks_[i]) blocks_[i] = std::make_unique<Block>(*other.blocks_[i]);
}

LatencyHistogram& LatencyHistogram::operator=(const LatencyHistogram& other) {
  if (this != &other) *this = LatencyHistogram(other);
  return *this;
}

bool LatencyHistogram::operator==(const LatencyHistogram& other) const {
  if (count_ != other.count_ || min_ != other.min_ || max_ != other.max_) return false;
  return nonzero() == other.nonzero();
}

std::uint64_t& LatencyHistogram::count_at(std::size_t bucket) {
  if (blocks_.empty()) blocks_.resize(kBlocks);
  std::unique_ptr<Block>& block = blocks_[bucket / kBlockBuckets];
  if (!block) block = std::make_unique<Block>(Block{});
  return (*block)[bucket % kBlockBuckets];
}

void LatencyHistogram::add(double value_ms) {
  if (!(value_ms >= 0)) throw model::InternalError("latency " + std::to_string(value_ms) + " ms is not a time");
  ++count_at(bucket_of(value_ms));
  min_ = count_ == 0 ? value_ms : std::min(min_, value_ms);
  max_ = count_ == 0 ? value_ms : std::max(max_, value_ms);
  ++count_;
}

void LatencyHistogram::merge(const LatencyHistogram& other) {
  if (other.count_ == 0) return;
  if (blocks_.empty()) blocks_.resize(kBlocks);
  for (std::size_t i = 0; i < other.blocks_.size(); ++i) {
    if (!other.blocks_[i]) continue;
    if (!blocks_[i]) {
      blocks_[i] = std::make_unique<Block>(*other.blocks_[i]);
      continue;
    }
    for (std::size_t j = 0; j < kBlockBuckets; ++j) (*blocks_[i])[j] += (*other.blocks_[i])[j];
  }
  min_ = count_ == 0 ? other.min_ : std::min(min_, other.min_);
  max_ = count_ == 0 ? other.max_ : std::max(max_, other.max_);
  count_ += other.count_;
}

double LatencyHistogram::quantile(double p) const { return quantiles({p}).front(); }

std::vector<double> LatencyHistogram::quantiles(const std::vector<double>& ps) const {
  std::vector<double> out(ps.size(), 0.0);
  if (count_ == 0) return out;
  // Type 7 at p: h = (count - 1) p, between order statistics floor(h) and floor(h) + 1 (0-based ranks).
  std::vector<double> hs;
  std::vector<std::uint64_t> ranks;
  for (double p : ps) {
    const double h = hs.emplace_back(static_cast<double>(count_ - 1) * std::clamp(p, 0.0, 1.0));
    const auto lo = static_cast<std::uint64_t>(std::floor(h));
    ranks.push_back(lo);
    if (lo + 1 < count_) ranks.push_back(lo + 1);
  }
  std::sort(ranks.begin(), ranks.end());
  ranks.erase(std::unique(ranks.begin(), ranks.end()), ranks.end());
  // The value of each rank, in one pass from the minimum's bucket: the first and the last order statistics
  // are the exact minimum and maximum, the overflow bucket stands for the maximum, any other is its
  // bucket's midpoint clamped to [min, max]. A block that holds none of the ranks still wanted is passed by
  // its sum (a loop the compiler vectorises), not bucket by bucket.
  std::vector<double> values(ranks.size(), max_);
  std::size_t k = 0;
  std::uint64_t seen = 0;
  for (std::size_t b = bucket_of(min_); b < kBuckets && k < ranks.size();) {
    const std::size_t block = b / kBlockBuckets;
    const std::size_t end = std::min(kBuckets, (block + 1) * kBlockBuckets);
    if (!blocks_[block]) {  // a block of zeros
      b = end;
      continue;
    }
    const Block& counts = *blocks_[block];
    const std::size_t first = block * kBlockBuckets;  // counts[b - first] is bucket b's
    std::uint64_t in_block = 0;
    for (std::size_t i = b - first; i < end - first; ++i) in_block += counts[i];
    if (seen + in_block <= ranks[k]) {
      seen += in_block;
      b = end;
      continue;
    }
    for (; b < end && k < ranks.size(); ++b) {
      seen += counts[b - first];
      for (; k < ranks.size() && ranks[k] < seen; ++k) {
        const std::uint64_t rank = ranks[k];
        values[k] = rank == 0 ? min_
                    : rank + 1 == count_ || b == kBuckets - 1 ? max_
                                                               : std::clamp(bucket_midpoint(b), min_, max_);
      }
    }
  }
  const auto value_at = [&](std::uint64_t rank) {
    return values[static_cast<std::size_t>(std::lower_bound(ranks.begin(), ranks.end(), rank) - ranks.begin())];
  };
  for (std::size_t i = 0; i < ps.size(); ++i) {
    const double h = hs[i];
    const auto lo = static_cast<std::uint64_t>(std::floor(h));
    const double lo_value = value_at(lo);
    const double frac = h - static_cast<double>(lo);
    out[i] = lo + 1 >= count_ || frac == 0 ? lo_value : lo_value + frac * (value_at(lo + 1) - lo_value);
  }
  return out;
}

std::vector<std::pair<std::size_t, std::uint64_t>> LatencyHistogram::nonzero() const {
  std::vector<std::pair<std::size_t, std::uint64_t>> out;
  for (std::size_t i = 0; i < blocks_.size(); ++i) {
    if (!blocks_[i]) continue;
    for (std::size_t j = 0; j < kBlockBuckets; ++j)
      if (const std::uint64_t n = (*blocks_[i])[j]) out.emplace_back(i * kBlockBuckets + j, n);
  }
  return out;
}

LatencyHistogram LatencyHistogram::from_counts(const std::vector<std::pair<std::size_t, std::uint64_t>>& counts,
                                               double min_ms, double max_ms) {
  LatencyHistogram h;
  for (const auto& [bucket, n] : counts) {
    if (bucket >= kBuckets) throw model::InternalError("latency bucket " + std::to_string(bucket) + " out of range");
    if (n == 0) continue;
    h.count_at(bucket) += n;
    h.count_ += n;
  }
  if (h.count_ > 0) {
    h.min_ = min_ms;
    h.max_ = max_ms;
  }
  return h;
}

}  // namespace flowcost::sim
