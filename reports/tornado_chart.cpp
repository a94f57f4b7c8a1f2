#include "reports/tornado_chart.h"

#include <algorithm>
#include <cmath>

#include "reports/chart_layout.h"
#include "reports/chart_scale.h"

namespace flowcost::reports {

namespace {

constexpr double kLeft = 200, kRight = kChartWidth - 24, kTop = 22, kRowHeight = 30, kBar = 18;

const engine::TornadoInput* find_input(const std::vector<engine::TornadoInput>& inputs, const std::string& name) {
  for (const auto& in : inputs)
    if (in.name == name) return &in;
  return nullptr;
}

}  // namespace

std::string tornado_svg(const engine::TornadoPair& pair, const std::vector<engine::TornadoInput>& inputs,
                        const ChartText& text) {
  double lo = std::min(pair.base_saving_usd, 0.0), hi = std::max(pair.base_saving_usd, 0.0);
  for (const auto& bar : pair.bars) {
    lo = std::min({lo, bar.saving_low_usd, bar.saving_high_usd});
    hi = std::max({hi, bar.saving_low_usd, bar.saving_high_usd});
  }
  const Scale x{nice_axis(lo, hi, 6), kLeft, kRight};
  const double axis_y = kTop + kRowHeight * static_cast<double>(std::max<std::size_t>(pair.bars.size(), 1));
  SvgWriter svg(kChartWidth, axis_y + 50 + legend_height(2), text);
  draw_x_axis(svg, x, kTop, axis_y, ValueUnit::usd,
              "saving of " + pair.candidate + " against " + pair.baseline + ", USD per month");
  if (pair.bars.empty()) svg.text((kLeft + kRight) / 2, kTop + 18, "no uncertain input", "row-note", TextAnchor::middle);
  for (std::size_t r = 0; r < pair.bars.size(); ++r) {
    const engine::TornadoBar& bar = pair.bars[r];
    const double y = kTop + kRowHeight * static_cast<double>(r) + (kRowHeight - kBar) / 2;
    svg.text(kLeft - 10, y + 8, bar.input + (bar.flips ? " *" : ""), "row-name", TextAnchor::end);
    if (const auto* in = find_input(inputs, bar.input))
      svg.text(kLeft - 10, y + 20, value_label(in->p05, ValueUnit::plain) + " to " + value_label(in->p95, ValueUnit::plain),
               "row-note", TextAnchor::end);
    const double base = x(pair.base_saving_usd);
    const double low = x(bar.saving_low_usd), high = x(bar.saving_high_usd);
    svg.rect(std::min(base, low), y, std::abs(low - base), kBar, "s0",
             bar.input + " at its 5th percentile: saving " + value_label(bar.saving_low_usd, ValueUnit::usd));
    svg.rect(std::min(base, high), y, std::abs(high - base), kBar, "s1",
             bar.input + " at its 95th percentile: saving " + value_label(bar.saving_high_usd, ValueUnit::usd));
  }
  const double base_x = x(pair.base_saving_usd);
  svg.line(base_x, kTop - 6, base_x, axis_y, "mean");
  svg.text(std::clamp(base_x, kLeft + 120, kRight - 120), kTop - 9, "every input at its median: " + value_label(pair.base_saving_usd, ValueUnit::usd),
           "row-note", TextAnchor::middle);
  draw_legend(svg, {"input at its 5th percentile", "input at its 95th percentile"}, kLegendLeft, kLegendRight, axis_y + 46);
  return svg.finish();
}

}  // namespace flowcost::reports
