#pragma once
// A line chart: one curve per series over a shared x axis (linear or log), each with its band (e.g. the
// 90% interval over draws), and vertical markers (e.g. break-even points). The sweep's cost curves.
#include <string>
#include <vector>

#include "reports/chart_scale.h"
#include "reports/svg_writer.h"

namespace flowcost::reports {

struct LinePoint {
  double x = 0;
  double y = 0;
  double y_low = 0;   // the band around y
  double y_high = 0;
};

struct LineSeries {
  std::string name;
  std::vector<LinePoint> points;  // by ascending x
};

struct VerticalMarker {
  double x = 0;
  std::string label;
};

struct LineChart {
  ChartText text;
  std::string x_title;
  ValueUnit x_unit = ValueUnit::plain;
  ValueUnit y_unit = ValueUnit::usd;
  bool log_x = false;
  std::vector<LineSeries> series;
  std::vector<VerticalMarker> markers;
};

std::string line_svg(const LineChart& chart);

}  // namespace flowcost::reports
