#pragma once
// Axes of the report's charts: "nice" ticks (1, 2 or 5 x 10^k apart, or powers of ten on a log axis), the
// mapping from values to chart coordinates, and tick labels in the axis's unit (locale-independent, through
// model/number_format.h).
#include <string>
#include <vector>

#include "reports/svg_writer.h"

namespace flowcost::reports {

enum class ValueUnit { usd, ms, plain };

struct Axis {
  double lo = 0, hi = 1;      // the domain drawn (the data's range widened to whole ticks on a linear axis)
  double step = 1;            // between ticks (linear axis)
  bool log = false;
  std::vector<double> ticks;  // ascending, inside [lo, hi]
  double duration_unit_ms = 0;  // a duration axis's label unit (1000: seconds); 0: from the axis's range
};

// About `target` ticks covering [lo, hi] (given in any order), `step` 1, 2 or 5 x 10^k, the domain widened
// to the ticks around it. An empty range (lo == hi) is widened by 10% of its value on each side ([0, 1]
// for 0); non-finite ends give [0, 1].
Axis nice_axis(double lo, double hi, int target = 5);

// nice_axis for values in `unit`: a duration axis has its nice ticks in the unit its labels use (0, 5, 10,
// 15 min rather than 0, 200,000, 400,000 ms), other units as nice_axis.
Axis value_axis(double lo, double hi, ValueUnit unit, int target = 5);

// A log axis over exactly [lo, hi] (both > 0; otherwise nice_axis): ticks at 1, 2 and 5 x 10^k when that
// gives at most 9 of them, else at the powers of ten (and the ends when fewer than two powers fall inside).
Axis log_axis(double lo, double hi);

// Maps values of `axis` to coordinates from `from` (at lo) to `to` (at hi).
struct Scale {
  Axis axis;
  double from = 0, to = 1;
  double operator()(double value) const;
};

// A tick's label: "$1,250", "-$50", "$0.25"; "150 ms", "1.5 s", "12 min"; "2,000", "0.05". Decimals from
// the axis step (linear) or the tick's own magnitude (log); durations in the largest unit (ms, s, min, h, d)
// that the axis's largest magnitude reaches.
std::string tick_label(double value, const Axis& axis, ValueUnit unit);

// A horizontal value axis at `y_bottom`: a grid line up to `y_top` and a label below at every tick, and
// `title` under the labels (centred; none when empty).
void draw_x_axis(SvgWriter& svg, const Scale& x, double y_top, double y_bottom, ValueUnit unit,
                 const std::string& title);

// A vertical value axis at `x_left`: a grid line across to `x_right` and a label at the left of every tick.
void draw_y_axis(SvgWriter& svg, const Scale& y, double x_left, double x_right, ValueUnit unit);

// Short text for a value in `unit` ("$1,234", "46.3 ms", "0.573"): labels beside bars and markers.
std::string value_label(double value, ValueUnit unit);

}  // namespace flowcost::reports
