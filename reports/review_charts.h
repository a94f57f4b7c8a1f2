#pragma once
// The charts of the design-review page (docs/cli.md "report"), each built from the report's own numbers:
// the monthly bill over draws per design, its line items, the paired saving over draws, a tornado per
// comparison, the sweep's cost curves with their break-even points, latency percentiles.
#include <string>
#include <vector>

#include "engine/review_report.h"

namespace flowcost::reports {

struct ReviewChart {
  std::string id;       // the <svg> element's id: chart-bill, chart-lines, chart-saving, chart-tornado-N, ...
  std::string heading;  // the figure's heading
  std::string caption;  // how to read it
  std::string svg;
};

// In page order. chart-saving and chart-tornado-N need two designs or more; chart-sweep a sweep.
std::vector<ReviewChart> review_charts(const engine::ReviewReport& report);

}  // namespace flowcost::reports
