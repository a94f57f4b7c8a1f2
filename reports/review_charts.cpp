#include "reports/review_charts.h"

#include "reports/bar_chart.h"
#include "reports/display_format.h"
#include "reports/histogram_chart.h"
#include "reports/line_chart.h"
#include "reports/run_report_text.h"
#include "reports/tornado_chart.h"
#include "reports/whatif_writers.h"

namespace flowcost::reports {

namespace {

std::string draws_text(const engine::RunReport& r) {
  return display_quantity(static_cast<double>(r.draws)) + " draws";
}

ReviewChart bill_chart(const engine::RunReport& r) {
  HistogramChart chart;
  chart.text = {"chart-bill", "Monthly bill per design over " + draws_text(r),
                "One histogram per design of its monthly cost in each draw of the uncertain inputs, on a shared "
                "axis in USD; a line marks the mean and a bar under it the 90% interval."};
  chart.x_title = "monthly cost, USD";
  for (const auto& d : r.designs)
    chart.rows.push_back({d.name, "", d.draw_cost_usd, d.monthly_cost_usd.mean, d.monthly_cost_usd.p05,
                          d.monthly_cost_usd.p95});
  return {chart.text.id, "The monthly bill",
          "Each row is one design's monthly cost over the draws: where the bars are tall, that bill is likely. The "
          "black line is the mean, the bar under the bins the 90% interval (p05 to p95).",
          histogram_svg(chart)};
}

ReviewChart lines_chart(const engine::RunReport& r) {
  BarChart chart;
  chart.text = {"chart-lines", "Line items per design, mean USD per month",
                "One stacked bar per design: each segment is the mean monthly cost of one price-table line."};
  chart.x_title = "mean monthly cost, USD";
  for (const auto& d : r.designs) {
    BarRow row{d.name, {}};
    for (const auto& l : d.lines) row.segments.push_back({line_item_label(l), l.cost_usd_mean});
    chart.rows.push_back(row);
  }
  return {chart.text.id, "Where the money goes",
          "Mean monthly cost of each price-table line, stacked per design; the total is at the end of each bar.",
          stacked_bar_svg(chart)};
}

ReviewChart saving_chart(const engine::RunReport& r) {
  HistogramChart chart;
  chart.text = {"chart-saving", "Paired saving per comparison over " + draws_text(r),
                "One histogram per comparison of the baseline's cost minus the candidate's in each draw (the same "
                "draws for both, so the spread is the difference's own); right of zero the candidate is cheaper."};
  chart.x_title = "saving (baseline - candidate), USD per month";
  chart.reference = 0.0;
  chart.reference_label = "candidate cheaper to the right";
  for (const auto& c : r.comparisons)
    chart.rows.push_back({c.candidate, "vs " + c.baseline, c.draw_saving_usd, c.saving_usd.mean, c.saving_usd.p05,
                          c.saving_usd.p95});
  return {chart.text.id, "The paired saving",
          "The saving of each candidate against the first design, draw by draw (common random numbers). Every "
          "draw right of the dashed zero line is a month in which the candidate is cheaper.",
          histogram_svg(chart)};
}

std::vector<ReviewChart> tornado_charts(const engine::TornadoReport& t) {
  std::vector<ReviewChart> out;
  for (std::size_t i = 0; i < t.pairs.size(); ++i) {
    const auto& pair = t.pairs[i];
    const std::string id = "chart-tornado-" + std::to_string(i + 1);
    ChartText text{id, "Tornado: what moves the saving of " + pair.candidate + " against " + pair.baseline,
                   "For each uncertain input, the saving with that input at its 5th and 95th percentiles and every "
                   "other input at its median; the widest bar is the input that matters most."};
    out.push_back({id, "What moves the decision: " + pair.candidate + " vs " + pair.baseline,
                   tornado_sentence(pair) + " Each bar runs from the saving with the input at its 5th percentile "
                   "to the saving at its 95th (" + display_quantity(static_cast<double>(t.draws)) +
                   " draws per run); an input marked * can flip the decision.",
                   tornado_svg(pair, t.inputs, text)});
  }
  return out;
}

ReviewChart sweep_chart(const engine::SweepReport& s) {
  LineChart chart;
  chart.text = {"chart-sweep", "Monthly cost as " + s.input + " varies",
                "The mean monthly cost of each design (line) and its 90% interval (band) at each value of " +
                    s.input + "; dashed lines mark the break-even points."};
  chart.x_title = s.input;
  chart.log_x = s.scale == "log";
  if (!s.points.empty()) {
    for (std::size_t d = 0; d < s.points.front().designs.size(); ++d) {
      LineSeries series{s.points.front().designs[d].design, {}};
      for (const auto& p : s.points) {
        const auto& c = p.designs[d];
        series.points.push_back({p.value, c.mean_usd, c.p05_usd, c.p95_usd});
      }
      chart.series.push_back(series);
    }
  }
  std::string caption;
  for (const auto& b : s.break_even) {
    chart.markers.push_back({b.value, "break-even " + display_quantity(b.value)});
    caption += break_even_text(b, s.input) + ". ";
  }
  for (const auto& c : s.without_break_even) caption += no_break_even_text(c) + ". ";
  return {chart.text.id, "Sweep of " + s.input, caption, line_svg(chart)};
}

ReviewChart latency_chart(const engine::RunReport& r) {
  BarChart chart;
  chart.text = {"chart-latency", "End-to-end latency percentiles per design",
                "For each design the 50th, 90th, 95th and 99th percentile of one event's end-to-end latency."};
  chart.x_title = "latency of one event";
  chart.unit = ValueUnit::ms;
  for (const auto& d : r.designs)
    chart.rows.push_back({d.name,
                          {{"p50", d.latency.p50_ms}, {"p90", d.latency.p90_ms}, {"p95", d.latency.p95_ms},
                           {"p99", d.latency.p99_ms}}});
  return {chart.text.id, "Latency",
          "How long one event takes end to end (trigger, execution or rules, and the time the service itself "
          "adds), as percentiles of every simulated event.",
          grouped_bar_svg(chart)};
}

}  // namespace

std::vector<ReviewChart> review_charts(const engine::ReviewReport& report) {
  std::vector<ReviewChart> out;
  out.push_back(bill_chart(report.run));
  out.push_back(lines_chart(report.run));
  if (!report.run.comparisons.empty()) out.push_back(saving_chart(report.run));
  for (auto& chart : tornado_charts(report.tornado)) out.push_back(std::move(chart));
  if (report.sweep) out.push_back(sweep_chart(*report.sweep));
  out.push_back(latency_chart(report.run));
  return out;
}

}  // namespace flowcost::reports
