#pragma once
// Statistics of Monte Carlo outputs: Welford running mean and variance, exact quantiles, summaries of
// per-draw totals, paired comparisons of two designs under common random numbers, and the stop rule.
//
// Definitions:
// - variance is the sample variance (divisor n - 1); std_error = sqrt(variance / n) (0 when n < 2).
// - quantile(p) is Hyndman-Fan type 7 (R's default, numpy's "linear"): with the values sorted
//   x[0] <= ... <= x[n-1], h = (n - 1) p, quantile = x[floor h] + (h - floor h) (x[floor h + 1] - x[floor h]).
// - the 95% interval of a mean is mean +- 1.96 std_error (normal approximation).
#include <cstdint>
#include <vector>

namespace flowcost::sim {

inline constexpr double kZ975 = 1.96;  // two-sided 95% normal quantile (1.95996..., rounded as usual)

class Welford {
 public:
  void add(double x);
  void merge(const Welford& other);  // Chan et al. parallel combination
  std::uint64_t count() const { return n_; }
  double mean() const { return mean_; }
  double variance() const;   // sample variance, 0 when count < 2
  double std_error() const;  // sqrt(variance / count), 0 when count < 2

 private:
  std::uint64_t n_ = 0;
  double mean_ = 0;
  double m2_ = 0;
};

// Type 7 quantile of values already sorted ascending; p in [0, 1]. Throws InternalError when empty.
double quantile_sorted(const std::vector<double>& sorted, double p);
// Type 7 quantile of unsorted values by selection (std::nth_element, linear on average; the order of
// `values` changes). Exactly the value quantile_sorted gives on the sorted values.
double quantile_select(std::vector<double>& values, double p);
// The same on a copy.
double quantile(std::vector<double> values, double p);

struct Summary {
  std::uint64_t count = 0;
  double mean = 0;
  double stddev = 0;     // sample standard deviation
  double std_error = 0;  // of the mean
  double ci95_low = 0, ci95_high = 0;  // mean -+ 1.96 std_error
  double p05 = 0, p50 = 0, p95 = 0;
  double min = 0, max = 0;
};

// Everything zero for an empty vector. Quantiles by selection on one copy of `values` (no full sort).
Summary summarize(const std::vector<double>& values);

struct Paired {
  std::uint64_t count = 0;
  // saving_i = baseline_i - candidate_i per draw.
  double saving_mean = 0;
  double saving_std_error = 0;
  double saving_ci95_low = 0, saving_ci95_high = 0;  // 95% interval of the mean saving
  double saving_p05 = 0, saving_p50 = 0, saving_p95 = 0;
  // sum(saving) / sum(baseline): the fraction of the expected baseline cost saved (0 when sum(baseline) = 0).
  double saving_fraction_mean = 0;
  // mean over draws with baseline_i != 0 of saving_i / baseline_i (0 when there is no such draw).
  double saving_fraction_per_draw_mean = 0;
  // Fraction of draws with candidate_i < baseline_i (strictly cheaper).
  double p_candidate_cheaper = 0;
  // sum(candidate) / sum(baseline) (0 when sum(baseline) = 0).
  double ratio = 0;
};

// Throws InternalError when the sizes differ. Everything zero for empty vectors.
Paired compare_paired(const std::vector<double>& baseline, const std::vector<double>& candidate);

// The stop rule: the 95% half-width 1.96 x std_error is at most rel_error x |mean| (needs count >= 2).
bool converged(const Summary& summary, double rel_error);

}  // namespace flowcost::sim
