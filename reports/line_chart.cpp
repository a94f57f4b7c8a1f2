#include "reports/line_chart.h"

#include <algorithm>
#include <cmath>

#include "reports/chart_layout.h"

namespace flowcost::reports {

namespace {

constexpr double kLeft = 80, kRight = kChartWidth - 24, kTop = 24, kPlotHeight = 260;

}  // namespace

std::string line_svg(const LineChart& chart) {
  double x_lo = INFINITY, x_hi = -INFINITY, y_lo = 0, y_hi = 0;
  for (const auto& s : chart.series)
    for (const auto& p : s.points) {
      x_lo = std::min(x_lo, p.x), x_hi = std::max(x_hi, p.x);
      y_lo = std::min({y_lo, p.y_low, p.y}), y_hi = std::max({y_hi, p.y_high, p.y});
    }
  if (!std::isfinite(x_lo)) x_lo = 0, x_hi = 1;
  Axis x_axis = chart.log_x ? log_axis(x_lo, x_hi) : value_axis(x_lo, x_hi, chart.x_unit, 6);
  const Scale x{x_axis, kLeft, kRight};
  const double axis_y = kTop + kPlotHeight;
  const Scale y{value_axis(y_lo, y_hi, chart.y_unit, 5), axis_y, kTop};
  std::vector<std::string> names;
  for (const auto& s : chart.series) names.push_back(s.name);
  SvgWriter svg(kChartWidth, axis_y + 50 + legend_height(names.size()), chart.text);
  draw_y_axis(svg, y, kLeft, kRight, chart.y_unit);
  draw_x_axis(svg, x, kTop, axis_y, chart.x_unit, chart.x_title);
  for (std::size_t i = 0; i < chart.series.size(); ++i) {
    const auto& s = chart.series[i];
    std::vector<std::pair<double, double>> band, line;
    for (const auto& p : s.points) band.emplace_back(x(p.x), y(p.y_high));
    for (auto it = s.points.rbegin(); it != s.points.rend(); ++it) band.emplace_back(x(it->x), y(it->y_low));
    for (const auto& p : s.points) line.emplace_back(x(p.x), y(p.y));
    svg.polygon(band, "band " + series_class(i));
    svg.polyline(line, "curve " + series_class(i));
    for (const auto& p : s.points)
      svg.circle(x(p.x), y(p.y), 2.5, "dot " + series_class(i),
                 s.name + " at " + value_label(p.x, chart.x_unit) + ": " + value_label(p.y, chart.y_unit));
  }
  for (const auto& m : chart.markers) {
    if (m.x < x.axis.lo || m.x > x.axis.hi) continue;  // outside the curves: nothing to mark
    const double px = x(m.x);
    svg.line(px, kTop - 4, px, axis_y, "reference");
    svg.text(std::clamp(px, kLeft + 90, kRight - 90), kTop - 8, m.label, "row-note", TextAnchor::middle);
  }
  draw_legend(svg, names, kLegendLeft, kLegendRight, axis_y + 46);
  return svg.finish();
}

}  // namespace flowcost::reports
