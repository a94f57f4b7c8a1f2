#include "reports/chart_scale.h"

#include <algorithm>
#include <cmath>

#include "model/number_format.h"
#include "reports/display_format.h"

namespace flowcost::reports {

namespace {

double nice_step(double raw) {
  const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
  const double normalized = raw / magnitude;
  const double nice = normalized <= 1 ? 1 : normalized <= 2 ? 2 : normalized <= 5 ? 5 : 10;
  return nice * magnitude;
}

int decimals_for(double step) {
  if (!(step > 0) || !std::isfinite(step)) return 0;
  // A small epsilon keeps 0.1 (0.1000000000001 in binary) at one decimal.
  return std::max(0, static_cast<int>(-std::floor(std::log10(step) + 1e-9)));
}

std::string signed_text(double value, const std::string& magnitude, const std::string& prefix) {
  return (value < 0 ? "-" : "") + prefix + magnitude;
}

struct DurationUnit {
  double ms;
  const char* name;
};

DurationUnit duration_unit(double largest_ms) {
  static constexpr DurationUnit kUnits[] = {{86400000.0, "d"}, {3600000.0, "h"}, {60000.0, "min"}, {1000.0, "s"}};
  for (const auto& u : kUnits)
    if (largest_ms >= u.ms) return u;
  return {1.0, "ms"};
}

}  // namespace

Axis nice_axis(double lo, double hi, int target) {
  if (!std::isfinite(lo) || !std::isfinite(hi)) lo = 0, hi = 1;
  if (lo > hi) std::swap(lo, hi);
  if (lo == hi) {
    const double pad = lo == 0 ? 1.0 : std::fabs(lo) * 0.1;
    lo = lo == 0 ? 0.0 : lo - pad;
    hi = hi + pad;
  }
  Axis axis;
  axis.step = nice_step((hi - lo) / std::max(target, 1));
  const double first = std::floor(lo / axis.step + 1e-9);
  const double last = std::ceil(hi / axis.step - 1e-9);
  axis.lo = first * axis.step;
  axis.hi = last * axis.step;
  for (double k = first; k <= last; k += 1) {
    const double tick = k * axis.step;
    axis.ticks.push_back(tick == 0 ? 0.0 : tick);  // never -0
  }
  return axis;
}

Axis value_axis(double lo, double hi, ValueUnit unit, int target) {
  if (unit != ValueUnit::ms || !std::isfinite(lo) || !std::isfinite(hi)) return nice_axis(lo, hi, target);
  const double unit_ms = duration_unit(std::max(std::fabs(lo), std::fabs(hi))).ms;
  Axis axis = nice_axis(lo / unit_ms, hi / unit_ms, target);
  axis.lo *= unit_ms;
  axis.hi *= unit_ms;
  axis.step *= unit_ms;
  for (double& t : axis.ticks) t *= unit_ms;
  axis.duration_unit_ms = unit_ms;
  return axis;
}

Axis log_axis(double lo, double hi) {
  if (lo > hi) std::swap(lo, hi);
  if (!(lo > 0) || !std::isfinite(hi) || lo == hi) return nice_axis(lo, hi);
  Axis axis;
  axis.log = true;
  axis.lo = lo;
  axis.hi = hi;
  const int k0 = static_cast<int>(std::floor(std::log10(lo))) - 1;
  const int k1 = static_cast<int>(std::ceil(std::log10(hi))) + 1;
  auto inside = [&](double v) { return v >= lo * (1 - 1e-12) && v <= hi * (1 + 1e-12); };
  std::vector<double> fine, powers;
  for (int k = k0; k <= k1; ++k) {
    const double p = std::pow(10.0, k);
    for (double m : {1.0, 2.0, 5.0})
      if (inside(m * p)) fine.push_back(m * p);
    if (inside(p)) powers.push_back(p);
  }
  if (fine.size() <= 9 && fine.size() >= 2) axis.ticks = fine;
  else if (powers.size() >= 2) axis.ticks = powers;
  else axis.ticks = {lo, hi};
  axis.step = 0;
  return axis;
}

double Scale::operator()(double value) const {
  double t = 0;
  if (axis.log) {
    if (value > 0) t = (std::log10(value) - std::log10(axis.lo)) / (std::log10(axis.hi) - std::log10(axis.lo));
  } else if (axis.hi != axis.lo) {
    t = (value - axis.lo) / (axis.hi - axis.lo);
  }
  return from + t * (to - from);
}

std::string tick_label(double value, const Axis& axis, ValueUnit unit) {
  const double magnitude = std::fabs(value);
  double step = axis.step;
  if (axis.log) step = magnitude > 0 ? std::pow(10.0, std::floor(std::log10(magnitude) + 1e-9)) : 1;
  switch (unit) {
    case ValueUnit::usd:
      return signed_text(value, model::format_grouped(magnitude, decimals_for(step)), "$");
    case ValueUnit::ms: {
      const double largest = std::max(std::fabs(axis.lo), std::fabs(axis.hi));
      DurationUnit u = duration_unit(largest);
      if (axis.duration_unit_ms > 0) u = duration_unit(axis.duration_unit_ms);
      return signed_text(value, model::format_grouped(magnitude / u.ms, decimals_for(step / u.ms)), "") + " " + u.name;
    }
    case ValueUnit::plain: break;
  }
  return signed_text(value, model::format_grouped(magnitude, decimals_for(step)), "");
}

void draw_x_axis(SvgWriter& svg, const Scale& x, double y_top, double y_bottom, ValueUnit unit,
                 const std::string& title) {
  for (double tick : x.axis.ticks) {
    const double px = x(tick);
    svg.line(px, y_top, px, y_bottom, tick == 0 && !x.axis.log ? "zero" : "grid");
    svg.text(px, y_bottom + 14, tick_label(tick, x.axis, unit), "tick", TextAnchor::middle);
  }
  svg.line(x.from, y_bottom, x.to, y_bottom, "axis");
  if (!title.empty()) svg.text((x.from + x.to) / 2, y_bottom + 32, title, "axis-title", TextAnchor::middle);
}

void draw_y_axis(SvgWriter& svg, const Scale& y, double x_left, double x_right, ValueUnit unit) {
  for (double tick : y.axis.ticks) {
    const double py = y(tick);
    svg.line(x_left, py, x_right, py, tick == 0 ? "zero" : "grid");
    svg.text(x_left - 6, py + 4, tick_label(tick, y.axis, unit), "tick", TextAnchor::end);
  }
  svg.line(x_left, y.from, x_left, y.to, "axis");
}

std::string value_label(double value, ValueUnit unit) {
  switch (unit) {
    case ValueUnit::usd: return display_usd(value);
    case ValueUnit::ms: return display_duration(value);
    case ValueUnit::plain: break;
  }
  return display_quantity(value);
}

}  // namespace flowcost::reports
