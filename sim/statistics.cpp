#include "sim/statistics.h"

#include <algorithm>
#include <cmath>

#include "model/errors.h"

namespace flowcost::sim {

void Welford::add(double x) {
  ++n_;
  double delta = x - mean_;
  mean_ += delta / static_cast<double>(n_);
  m2_ += delta * (x - mean_);
}

void Welford::merge(const Welford& other) {
  if (other.n_ == 0) return;
  if (n_ == 0) {
    *this = other;
    return;
  }
  double n_a = static_cast<double>(n_), n_b = static_cast<double>(other.n_);
  double delta = other.mean_ - mean_;
  double n = n_a + n_b;
  mean_ += delta * n_b / n;
  m2_ += other.m2_ + delta * delta * n_a * n_b / n;
  n_ += other.n_;
}

double Welford::variance() const { return n_ < 2 ? 0.0 : m2_ / static_cast<double>(n_ - 1); }

double Welford::std_error() const {
  return n_ < 2 ? 0.0 : std::sqrt(variance() / static_cast<double>(n_));
}

double quantile_sorted(const std::vector<double>& sorted, double p) {
  if (sorted.empty()) throw model::InternalError("quantile of an empty sample");
  p = std::clamp(p, 0.0, 1.0);
  double h = static_cast<double>(sorted.size() - 1) * p;
  auto lo = static_cast<std::size_t>(std::floor(h));
  if (lo + 1 >= sorted.size()) return sorted.back();
  double frac = h - static_cast<double>(lo);
  return sorted[lo] + frac * (sorted[lo + 1] - sorted[lo]);
}

double quantile_select(std::vector<double>& values, double p) {
  if (values.empty()) throw model::InternalError("quantile of an empty sample");
  p = std::clamp(p, 0.0, 1.0);
  double h = static_cast<double>(values.size() - 1) * p;
  auto lo = static_cast<std::size_t>(std::floor(h));
  auto nth = values.begin() + static_cast<std::ptrdiff_t>(lo);
  std::nth_element(values.begin(), nth, values.end());
  if (lo + 1 >= values.size()) return *nth;
  // Every element after the lo-th is at least as large: the next order statistic is their minimum.
  double next = *std::min_element(nth + 1, values.end());
  double frac = h - static_cast<double>(lo);
  return *nth + frac * (next - *nth);
}

double quantile(std::vector<double> values, double p) { return quantile_select(values, p); }

Summary summarize(const std::vector<double>& values) {
  Summary s;
  if (values.empty()) return s;
  Welford w;
  for (double v : values) w.add(v);
  std::vector<double> work = values;
  s.count = w.count();
  s.mean = w.mean();
  s.stddev = std::sqrt(w.variance());
  s.std_error = w.std_error();
  s.ci95_low = s.mean - kZ975 * s.std_error;
  s.ci95_high = s.mean + kZ975 * s.std_error;
  s.p05 = quantile_select(work, 0.05);
  s.p50 = quantile_select(work, 0.50);
  s.p95 = quantile_select(work, 0.95);
  const auto [min, max] = std::minmax_element(values.begin(), values.end());
  s.min = *min;
  s.max = *max;
  return s;
}

Paired compare_paired(const std::vector<double>& baseline, const std::vector<double>& candidate) {
  if (baseline.size() != candidate.size())
    throw model::InternalError("paired comparison of samples of different sizes");
  Paired p;
  if (baseline.empty()) return p;
  std::vector<double> saving(baseline.size());
  double sum_base = 0, sum_cand = 0, fraction_sum = 0;
  std::uint64_t fraction_count = 0, cheaper = 0;
  for (std::size_t i = 0; i < baseline.size(); ++i) {
    saving[i] = baseline[i] - candidate[i];
    sum_base += baseline[i];
    sum_cand += candidate[i];
    if (baseline[i] != 0) {
      fraction_sum += saving[i] / baseline[i];
      ++fraction_count;
    }
    if (candidate[i] < baseline[i]) ++cheaper;
  }
  Summary s = summarize(saving);
  p.count = s.count;
  p.saving_mean = s.mean;
  p.saving_std_error = s.std_error;
  p.saving_ci95_low = s.ci95_low;
  p.saving_ci95_high = s.ci95_high;
  p.saving_p05 = s.p05;
  p.saving_p50 = s.p50;
  p.saving_p95 = s.p95;
  if (sum_base != 0) {
    p.saving_fraction_mean = (sum_base - sum_cand) / sum_base;
    p.ratio = sum_cand / sum_base;
  }
  if (fraction_count > 0) p.saving_fraction_per_draw_mean = fraction_sum / static_cast<double>(fraction_count);
  p.p_candidate_cheaper = static_cast<double>(cheaper) / static_cast<double>(baseline.size());
  return p;
}

bool converged(const Summary& summary, double rel_error) {
  if (summary.count < 2) return false;
  return kZ975 * summary.std_error <= rel_error * std::fabs(summary.mean);
}

}  // namespace flowcost::sim
