#pragma once
// Maximum-likelihood fits of positive samples (durations) to the parametric kinds a scenario can name,
// with goodness-of-fit figures, and the choice between them (`flowcost fit`, docs/cli.md "fit").
//
// Parameters are those of model::DistributionSpec (and so of the scenario format and sim::Sampler):
// lognormal mu and sigma of ln(x); gamma shape and scale; Weibull shape and scale.
//
// - lognormal: mu = mean of ln x, sigma^2 = mean of (ln x - mu)^2 (the MLE divides by n); asymptotic
//   standard errors sigma / sqrt(n) and sigma / sqrt(2n).
// - gamma: the shape solves ln k - digamma(k) = ln(mean x) - mean(ln x) (Newton from the Minka/Thom
//   start), scale = mean / k; the inverse Fisher information gives Var(k) = k / (n (k trigamma(k) - 1)) and
//   Var(scale) = trigamma(k) scale^2 / (n (k trigamma(k) - 1)).
// - Weibull: the shape solves sum x^k ln x / sum x^k - 1/k - mean(ln x) = 0 (bisection, the left side
//   increases with k), scale = (mean x^k)^(1/k); Var(k) = 6 k^2 / (pi^2 n), Var(scale) = scale^2 (1 +
//   6 (1 - gamma_e)^2 / pi^2) / (k^2 n).
//
// Goodness of fit: the log-likelihood, AIC = 4 - 2 log L (two parameters each), and the one-sample
// Kolmogorov-Smirnov statistic D = sup |F_n(x) - F(x)| with its asymptotic p-value
// Q_KS((sqrt(n) + 0.12 + 0.11 / sqrt(n)) D) (Stephens 1970). The parameters are estimated from the same
// samples, so this p-value is larger than the exact one: a fit it rejects is certainly poor.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "model/distribution.h"

namespace flowcost::sim::fit {

struct FitCandidate {
  model::DistributionKind kind = model::DistributionKind::lognormal;  // lognormal, gamma or weibull
  double a = 0, b = 0;            // mu and sigma, or shape and scale
  double se_a = 0, se_b = 0;      // asymptotic standard errors of a and b
  double log_likelihood = 0;
  double aic = 0;
  double ks_statistic = 0;
  double ks_p_value = 0;
};

// At least this many samples for a parametric fit; below it the samples are used as they are.
inline constexpr std::size_t kMinFitSamples = 30;
// A fit whose Kolmogorov-Smirnov p-value is below this is rejected.
inline constexpr double kMinKsPValue = 0.01;

struct DurationFit {
  std::vector<double> samples;            // sorted
  std::vector<FitCandidate> candidates;   // lognormal, gamma, Weibull (empty when none could be fitted)
  std::optional<std::size_t> chosen;      // index into candidates; empty: use the samples (empirical)
  std::string reason;                     // why this choice, one sentence
};

// Each fit needs at least 2 samples, all greater than 0, not all equal; otherwise std::nullopt.
std::optional<FitCandidate> fit_lognormal(const std::vector<double>& samples);
std::optional<FitCandidate> fit_gamma(const std::vector<double>& samples);
std::optional<FitCandidate> fit_weibull(const std::vector<double>& samples);

// D of sorted samples against the candidate's CDF, and Q_KS for n samples.
double ks_statistic(const std::vector<double>& sorted_samples, const FitCandidate& c);
double ks_p_value(double d, std::size_t n);

// Fits all three kinds, picks the lowest AIC, keeps it when its KS p-value is at least kMinKsPValue;
// otherwise (or with fewer than kMinFitSamples samples, or samples of 0) chooses the empirical samples.
DurationFit fit_duration(std::vector<double> samples);

// The chosen fit as a distribution of durations in ms; std::nullopt when the choice is empirical.
std::optional<model::DistributionSpec> chosen_spec(const DurationFit& fit);

}  // namespace flowcost::sim::fit
