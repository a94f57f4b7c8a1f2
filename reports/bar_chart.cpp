#include "reports/bar_chart.h"

#include <algorithm>

#include "reports/chart_layout.h"

namespace flowcost::reports {

namespace {

constexpr double kLeft = 200, kRight = kChartWidth - 70, kTop = 10;

std::size_t label_index(const std::vector<std::string>& labels, const std::string& label) {
  return static_cast<std::size_t>(std::find(labels.begin(), labels.end(), label) - labels.begin());
}

double row_total(const BarRow& row) {
  double total = 0;
  for (const auto& s : row.segments) total += std::max(s.value, 0.0);
  return total;
}

}  // namespace

std::vector<std::string> segment_labels(const std::vector<BarRow>& rows) {
  std::vector<std::string> labels;
  for (const auto& row : rows)
    for (const auto& s : row.segments)
      if (std::find(labels.begin(), labels.end(), s.label) == labels.end()) labels.push_back(s.label);
  return labels;
}

std::string stacked_bar_svg(const BarChart& chart) {
  constexpr double kRowHeight = 34, kBar = 22;
  double hi = 0;
  for (const auto& row : chart.rows) hi = std::max(hi, row_total(row));
  const Scale x{value_axis(0, hi, chart.unit, 6), kLeft, kRight};
  const std::vector<std::string> labels = segment_labels(chart.rows);
  const double axis_y = kTop + kRowHeight * static_cast<double>(chart.rows.size());
  SvgWriter svg(kChartWidth, axis_y + 50 + legend_height(labels.size()), chart.text);
  draw_x_axis(svg, x, kTop, axis_y, chart.unit, chart.x_title);
  for (std::size_t r = 0; r < chart.rows.size(); ++r) {
    const BarRow& row = chart.rows[r];
    const double y = kTop + kRowHeight * static_cast<double>(r) + (kRowHeight - kBar) / 2;
    svg.text(kLeft - 10, y + kBar / 2 + 4, row.name, "row-name", TextAnchor::end);
    double at = 0;
    for (const auto& s : row.segments) {
      if (!(s.value > 0)) continue;
      svg.rect(x(at), y, x(at + s.value) - x(at), kBar, series_class(label_index(labels, s.label)),
               s.label + ": " + value_label(s.value, chart.unit));
      at += s.value;
    }
    svg.text(x(at) + 6, y + kBar / 2 + 4, value_label(at, chart.unit), "bar-value");
  }
  draw_legend(svg, labels, kLegendLeft, kLegendRight, axis_y + 46);
  return svg.finish();
}

std::string grouped_bar_svg(const BarChart& chart) {
  const std::vector<std::string> labels = segment_labels(chart.rows);
  constexpr double kBar = 9, kGap = 2;
  const double row_height = std::max(30.0, static_cast<double>(labels.size()) * (kBar + kGap) + 12);
  double hi = 0;
  for (const auto& row : chart.rows)
    for (const auto& s : row.segments) hi = std::max(hi, s.value);
  const Scale x{value_axis(0, hi, chart.unit, 6), kLeft, kRight};
  const double axis_y = kTop + row_height * static_cast<double>(chart.rows.size());
  SvgWriter svg(kChartWidth, axis_y + 50 + legend_height(labels.size()), chart.text);
  draw_x_axis(svg, x, kTop, axis_y, chart.unit, chart.x_title);
  for (std::size_t r = 0; r < chart.rows.size(); ++r) {
    const BarRow& row = chart.rows[r];
    const double top = kTop + row_height * static_cast<double>(r) + 6;
    svg.text(kLeft - 10, top + row_height / 2, row.name, "row-name", TextAnchor::end);
    for (const auto& s : row.segments) {
      const std::size_t i = label_index(labels, s.label);
      const double y = top + static_cast<double>(i) * (kBar + kGap);
      const double end = x(std::max(s.value, 0.0));
      svg.rect(x(0), y, end - x(0), kBar, series_class(i), s.label + ": " + value_label(s.value, chart.unit));
      svg.text(end + 4, y + kBar - 1, value_label(s.value, chart.unit), "bar-value small");
    }
  }
  draw_legend(svg, labels, kLegendLeft, kLegendRight, axis_y + 46);
  return svg.finish();
}

}  // namespace flowcost::reports
