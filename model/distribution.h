#pragma once
// A probability distribution as data (not a sampler): what the scenario file says. Values are in base
// units: durations in milliseconds, sizes in bytes, money in USD, counts and probabilities bare.
// sim/sampler.h turns a spec into a sampler. Parameter meaning per kind is documented field by field.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "model/source_location.h"

namespace flowcost::model {

enum class DistributionKind {
  constant,     // a
  uniform,      // [a, b]
  triangular,   // min a, mode b, max c
  pert,         // min a, mode b, max c (Beta-PERT, lambda = 4)
  normal,       // mean a, standard deviation b; truncated to [lower, upper] when given (default lower 0 for
                // durations and sizes)
  lognormal,    // log-space mu a, sigma b (a scenario may give median and p95 instead: mu = ln median,
                // sigma = (ln p95 - ln median) / 1.6448536269514722)
  exponential,  // mean a
  gamma,        // shape a, scale b
  weibull,      // shape a, scale b
  bernoulli,    // probability a of 1 (else 0)
  discrete,     // values[i] with weights[i] (weights sum to 1); labels[i] when the values are strings
  empirical,    // resample uniformly from samples (read from a CSV file)
};

enum class Dimension { none, duration_ms, size_bytes, usd, probability, count };

class Expression;  // model/expression.h

// One parameter as written (`p`, `median`, `min`, ...): a literal in base units, or a name or expression
// over per-draw values (inputs, events_per_month, per-draw workload items), resolved once per outer draw.
struct DistributionParameter {
  std::string name;
  double value = 0;                              // a literal's value
  std::shared_ptr<const Expression> expression;  // set when the parameter names inputs
  SourceLocation loc;
  bool bare = false;  // a plain number (shapes, mu, sigma, p); else in the distribution's dimension
};

struct DistributionSpec {
  DistributionKind kind = DistributionKind::constant;
  Dimension dimension = Dimension::none;
  SourceLocation loc;
  double a = 0, b = 0, c = 0;
  std::optional<double> lower, upper;  // truncation bounds (normal); clipping bounds otherwise
  std::vector<double> values, weights;
  std::vector<std::string> labels;     // discrete over strings: sampled value is the index into labels
  std::vector<double> samples;         // empirical
  std::string source_file;             // empirical: the CSV it came from (path as opened)
  std::string source_sha256;           // empirical: SHA-256 of that file (for reports)
  // Every parameter as written when at least one names inputs (then a, b, c, lower and upper are set per
  // draw by resolve_distribution, model/scenario/values.h); empty when every parameter is a literal.
  std::vector<DistributionParameter> parameters;

  static DistributionSpec constant_value(double v, Dimension d = Dimension::none) {
    DistributionSpec s;
    s.kind = DistributionKind::constant;
    s.dimension = d;
    s.a = v;
    return s;
  }
  bool is_constant() const { return kind == DistributionKind::constant; }
  bool depends_on_inputs() const { return !parameters.empty(); }
};

const char* to_string(DistributionKind k);

}  // namespace flowcost::model
