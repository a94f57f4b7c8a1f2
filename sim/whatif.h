#pragma once
// The numerics behind `flowcost sweep` and `flowcost tornado` (docs/cli.md): grids of input values, the
// crossing of a saving curve through zero (linear interpolation, refined by bisection) and quantiles of an
// input's distribution. Plain numbers and callbacks only: nothing here knows about prices.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <vector>

#include "model/distribution.h"

namespace flowcost::sim {

enum class GridScale { linear, log };

// `count` (>= 2) values from `from` to `to`, both included exactly: equally spaced (linear), or in a
// constant ratio (log; needs from > 0 and to > 0). Value i is from + i (to - from) / (count - 1), or
// from x (to / from)^(i / (count - 1)).
std::vector<double> grid_points(double from, double to, std::size_t count, GridScale scale);

// True when the saving changes sign between two adjacent values: y0 and y1 of opposite signs, or exactly
// one of them zero.
bool changes_sign(double y0, double y1);

// Where the straight line through (x0, y0) and (x1, y1) crosses zero; requires changes_sign(y0, y1).
double linear_crossing(double x0, double y0, double x1, double y1);

// A bracket [lo, hi] of a zero of f: f(lo) and f(hi) change sign. `value` is the linear interpolation of
// the crossing inside the bracket; `evaluations` counts the calls of f made by refine_crossing.
struct CrossingBracket {
  double lo = 0, f_lo = 0;
  double hi = 0, f_hi = 0;
  double value = 0;
  int evaluations = 0;
};

// The bracket of adjacent grid values (x0, y0), (x1, y1) with its interpolated crossing.
CrossingBracket make_bracket(double x0, double y0, double x1, double y1);

// Bisection: while hi - lo > rel_tolerance x |value| and fewer than max_evaluations calls were made,
// evaluate f at the midpoint and keep the half whose ends change sign (an exact zero closes the bracket on
// that point); the crossing is then re-interpolated on the final bracket.
CrossingBracket refine_crossing(CrossingBracket start, const std::function<double(double)>& f,
                                double rel_tolerance, int max_evaluations);

// Quantiles of a distribution at the given probabilities (each in [0, 1]): `samples` values drawn from
// sim::Sampler on the fixed stream Stream(seed, 0, 0, site_key("quantiles")), sorted, and read at index
// round(p x (samples - 1)) (exact order statistics: with 10,001 samples, p05 is the 501st value). A
// constant gives its value at every probability.
std::vector<double> distribution_quantiles(const model::DistributionSpec& spec, const std::vector<double>& probabilities,
                                           std::uint64_t seed, std::size_t samples = 10001);

}  // namespace flowcost::sim
