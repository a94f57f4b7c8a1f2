#pragma once
// Horizontal bar charts: stacked (each design's line items, added up to its monthly cost) and grouped (a few
// values per design side by side, e.g. latency percentiles). One row per design on a shared value axis, a
// legend under the axis.
#include <string>
#include <vector>

#include "reports/chart_scale.h"
#include "reports/svg_writer.h"

namespace flowcost::reports {

struct BarSegment {
  std::string label;  // the same label has the same colour in every row
  double value = 0;
};

struct BarRow {
  std::string name;
  std::vector<BarSegment> segments;
};

struct BarChart {
  ChartText text;
  std::string x_title;
  ValueUnit unit = ValueUnit::usd;
  std::vector<BarRow> rows;
};

// Segments end to end; the row's total at the bar's end. Segments below zero are not drawn.
std::string stacked_bar_svg(const BarChart& chart);

// Segments as thin bars one under the other, each with its value at its end.
std::string grouped_bar_svg(const BarChart& chart);

// Every segment label of `rows`, in order of first appearance (the legend; colour i is the i-th label).
std::vector<std::string> segment_labels(const std::vector<BarRow>& rows);

}  // namespace flowcost::reports
