#include "reports/chart_layout.h"

namespace flowcost::reports {

std::string series_class(std::size_t index) { return "s" + std::to_string(index % kPaletteSize); }

double legend_height(std::size_t count) { return static_cast<double>((count + 1) / 2) * 18.0; }

void draw_legend(SvgWriter& svg, const std::vector<std::string>& labels, double x_left, double x_right, double y) {
  const double column = (x_right - x_left) / 2;
  for (std::size_t i = 0; i < labels.size(); ++i) {
    const double x = x_left + static_cast<double>(i % 2) * column;
    const double row_y = y + static_cast<double>(i / 2) * 18.0;
    svg.rect(x, row_y, 11, 11, series_class(i));
    svg.text(x + 16, row_y + 10, labels[i], "legend");
  }
}

}  // namespace flowcost::reports
