#include "reports/histogram_chart.h"

#include <algorithm>
#include <cmath>

#include "reports/chart_layout.h"

namespace flowcost::reports {

namespace {

constexpr double kLeft = 200, kRight = kChartWidth - 24, kTop = 12, kRowHeight = 64, kBarsHeight = 40;

}  // namespace

std::vector<int> bin_counts(const std::vector<double>& values, double lo, double hi, int bins) {
  std::vector<int> counts(static_cast<std::size_t>(std::max(bins, 1)), 0);
  for (double v : values) {
    if (!(v >= lo && v <= hi)) continue;
    std::size_t i = 0;
    if (hi > lo) {
      i = static_cast<std::size_t>(std::floor((v - lo) / (hi - lo) * static_cast<double>(counts.size())));
      i = std::min(i, counts.size() - 1);
    }
    ++counts[i];
  }
  return counts;
}

std::string histogram_svg(const HistogramChart& chart) {
  double lo = chart.reference.value_or(INFINITY), hi = chart.reference.value_or(-INFINITY);
  for (const auto& row : chart.rows)
    for (double v : row.values) lo = std::min(lo, v), hi = std::max(hi, v);
  if (!std::isfinite(lo) || !std::isfinite(hi)) lo = 0, hi = 1;
  const Scale x{value_axis(lo, hi, chart.unit, 6), kLeft, kRight};
  const double axis_y = kTop + kRowHeight * static_cast<double>(chart.rows.size());
  SvgWriter svg(kChartWidth, axis_y + 44, chart.text);
  draw_x_axis(svg, x, kTop, axis_y, chart.unit, chart.x_title);
  for (std::size_t r = 0; r < chart.rows.size(); ++r) {
    const DrawSeries& row = chart.rows[r];
    const double top = kTop + kRowHeight * static_cast<double>(r);
    const double base = top + kBarsHeight + 4;
    const std::string cls = series_class(r);
    svg.text(kLeft - 10, top + 18, row.name, "row-name", TextAnchor::end);
    double note_y = top + 32;
    if (!row.subtitle.empty()) {
      svg.text(kLeft - 10, note_y, row.subtitle, "row-note", TextAnchor::end);
      note_y += 13;
    }
    svg.text(kLeft - 10, note_y, "mean " + value_label(row.mean, chart.unit), "row-note", TextAnchor::end);
    if (row.values.empty()) continue;
    const auto [min_it, max_it] = std::minmax_element(row.values.begin(), row.values.end());
    const double row_lo = *min_it, row_hi = *max_it;
    const std::vector<int> counts = bin_counts(row.values, row_lo, row_hi, kHistogramBins);
    const int most = *std::max_element(counts.begin(), counts.end());
    const double bin_width = (row_hi - row_lo) / kHistogramBins;
    for (std::size_t b = 0; b < counts.size(); ++b) {
      if (counts[b] == 0) continue;
      const double v0 = row_lo + bin_width * static_cast<double>(b);
      const double x0 = x(v0), x1 = row_hi > row_lo ? x(v0 + bin_width) : x0 + 2;
      const double h = kBarsHeight * counts[b] / std::max(most, 1);
      svg.rect(x0, base - h, std::max(x1 - x0 - 0.5, 1.0), h, cls,
               std::to_string(counts[b]) + " of " + std::to_string(row.values.size()) + " draws from " +
                   value_label(v0, chart.unit) + " to " + value_label(v0 + bin_width, chart.unit));
    }
    svg.line(x(row.p05), base + 7, x(row.p95), base + 7, "interval");
    svg.line(x(row.mean), base - kBarsHeight - 2, x(row.mean), base + 11, "mean");
  }
  if (chart.reference) {
    const double px = x(*chart.reference);
    svg.line(px, kTop - 4, px, axis_y, "reference");
    // The label on the side of the line with more room.
    const bool left = px > (kLeft + kRight) / 2;
    if (!chart.reference_label.empty())
      svg.text(left ? px - 4 : px + 4, kTop + 6, chart.reference_label, "row-note",
               left ? TextAnchor::end : TextAnchor::start);
  }
  return svg.finish();
}

}  // namespace flowcost::reports
