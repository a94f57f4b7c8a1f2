#pragma once
// The distribution of a quantity over the draws as small histograms, one row per series on a shared value
// axis: the monthly bill of each design, the paired saving of each comparison. Each row's bins cover that
// row's own range (so a narrow distribution keeps its shape), its mean is a line and its 90% interval a
// bar under the bins.
#include <optional>
#include <string>
#include <vector>

#include "reports/chart_scale.h"
#include "reports/svg_writer.h"

namespace flowcost::reports {

struct DrawSeries {
  std::string name;
  std::string subtitle;        // a line under the name ("vs step-functions"), or ""

  std::vector<double> values;  // one per draw
  double mean = 0;             // as the report computed them (reports/ never recomputes a statistic)
  double p05 = 0;
  double p95 = 0;
};

struct HistogramChart {
  ChartText text;
  std::string x_title;
  ValueUnit unit = ValueUnit::usd;
  std::vector<DrawSeries> rows;
  std::optional<double> reference;  // a marked value (0 for a saving), drawn across every row
  std::string reference_label;
};

inline constexpr int kHistogramBins = 24;

// The number of values of `values` in each of `bins` equal bins from lo to hi (the last bin closed; values
// outside are not counted). All in the first bin when lo == hi.
std::vector<int> bin_counts(const std::vector<double>& values, double lo, double hi, int bins);

std::string histogram_svg(const HistogramChart& chart);

}  // namespace flowcost::reports
