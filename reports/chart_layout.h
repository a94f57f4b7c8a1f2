#pragma once
// What every chart of the report shares: its width, its palette (CSS classes `s0`..`s9`, coloured by the
// page's stylesheet) and its legend.
#include <string>
#include <vector>

#include "reports/svg_writer.h"

namespace flowcost::reports {

inline constexpr double kChartWidth = 720;  // user units; the stylesheet scales a chart to the page's width
inline constexpr int kPaletteSize = 10;
// A legend spans the chart's whole width (its labels may be long: "dynamodb.write_request_units (writes)").
inline constexpr double kLegendLeft = 24, kLegendRight = kChartWidth - 8;

// "s0".."s9": the colour of series `index` (repeating after kPaletteSize).
std::string series_class(std::size_t index);

// The height a legend of `labels` takes (two columns, 18 units a row).
double legend_height(std::size_t count);

// A legend at `y`: a colour square and the label for each, two columns from `x_left` to `x_right`, the
// i-th label in series_class(i).
void draw_legend(SvgWriter& svg, const std::vector<std::string>& labels, double x_left, double x_right, double y);

}  // namespace flowcost::reports
