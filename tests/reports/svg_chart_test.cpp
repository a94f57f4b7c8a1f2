// The SVG writer and the chart axes: exact bytes of a small chart (golden), nice ticks and their labels for
// a few ranges, deterministic coordinates.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "golden_compare.h"
#include "reports/bar_chart.h"
#include "reports/chart_scale.h"
#include "reports/histogram_chart.h"
#include "reports/svg_writer.h"

using namespace flowcost::reports;
namespace ft = flowcost::testing;

namespace {

const std::string kGoldenDir = std::string(FLOWCOST_TEST_DATA) + "/golden/reports/";

std::vector<std::string> labels_of(const Axis& axis, ValueUnit unit) {
  std::vector<std::string> out;
  for (double t : axis.ticks) out.push_back(tick_label(t, axis, unit));
  return out;
}

}  // namespace

TEST_CASE("svg: numbers with one decimal, never -0.0; text escaped") {
  CHECK(svg_number(12.24) == "12.2");
  CHECK(svg_number(12.26) == "12.3");
  CHECK(svg_number(-0.04) == "0.0");
  CHECK(svg_number(-3.5) == "-3.5");
  CHECK(svg_number(1e6) == "1000000.0");
  CHECK(xml_escape("a<b & \"c\" 'd'>") == "a&lt;b &amp; &quot;c&quot; &#39;d&#39;&gt;");
}

TEST_CASE("svg: an element per call, title and desc for screen readers") {
  SvgWriter svg(100, 50, {"c1", "A <chart>", "What it shows"});
  svg.rect(1, 2, 3, 4, "s0", "tip & more");
  svg.line(0, 0, 10.04, 10, "grid");
  svg.text(5, 6, "x<y", "tick", TextAnchor::middle);
  svg.polyline({{0, 1}, {2.24, 3}}, "curve s1");
  CHECK(svg.finish() ==
        "<svg id=\"c1\" class=\"chart\" viewBox=\"0 0 100.0 50.0\" width=\"100.0\" height=\"50.0\" role=\"img\" "
        "aria-label=\"A &lt;chart&gt;\" aria-describedby=\"c1-desc\">\n"
        "<title>A &lt;chart&gt;</title>\n"
        "<desc id=\"c1-desc\">What it shows</desc>\n"
        "<rect class=\"s0\" x=\"1.0\" y=\"2.0\" width=\"3.0\" height=\"4.0\"><title>tip &amp; more</title></rect>\n"
        "<line class=\"grid\" x1=\"0.0\" y1=\"0.0\" x2=\"10.0\" y2=\"10.0\"/>\n"
        "<text class=\"tick\" x=\"5.0\" y=\"6.0\" text-anchor=\"middle\">x&lt;y</text>\n"
        "<polyline class=\"curve s1\" points=\"0.0,1.0 2.2,3.0\"/>\n"
        "</svg>\n");
}

TEST_CASE("axis: nice ticks 1, 2 or 5 x 10^k covering the range") {
  Axis a = nice_axis(0, 1234);
  CHECK(a.step == 500);
  CHECK(labels_of(a, ValueUnit::usd) == std::vector<std::string>{"$0", "$500", "$1,000", "$1,500"});
  CHECK(a.lo == 0);
  CHECK(a.hi == 1500);

  Axis cents = nice_axis(0.013, 0.087);
  CHECK(cents.step == Approx(0.02));
  CHECK(labels_of(cents, ValueUnit::usd) ==
        std::vector<std::string>{"$0.00", "$0.02", "$0.04", "$0.06", "$0.08", "$0.10"});

  Axis negative = nice_axis(-250, 1000);
  CHECK(labels_of(negative, ValueUnit::usd) == std::vector<std::string>{"-$500", "$0", "$500", "$1,000"});

  Axis reversed = nice_axis(1000, -250);
  CHECK(reversed.ticks == negative.ticks);

  Axis single = nice_axis(5, 5);  // widened by 10% on each side
  CHECK(labels_of(single, ValueUnit::plain) ==
        std::vector<std::string>{"4.4", "4.6", "4.8", "5.0", "5.2", "5.4", "5.6"});
  CHECK(labels_of(nice_axis(0, 0), ValueUnit::plain) ==
        std::vector<std::string>{"0.0", "0.2", "0.4", "0.6", "0.8", "1.0"});

  Axis big = nice_axis(1.2e6, 9.7e6);
  CHECK(labels_of(big, ValueUnit::plain) ==
        std::vector<std::string>{"0", "2,000,000", "4,000,000", "6,000,000", "8,000,000", "10,000,000"});
}

TEST_CASE("axis: durations in the largest unit the axis reaches") {
  CHECK(labels_of(value_axis(0, 180, ValueUnit::ms), ValueUnit::ms) ==
        std::vector<std::string>{"0 ms", "50 ms", "100 ms", "150 ms", "200 ms"});
  CHECK(labels_of(value_axis(0, 1400, ValueUnit::ms), ValueUnit::ms) ==
        std::vector<std::string>{"0.0 s", "0.5 s", "1.0 s", "1.5 s"});
  const Axis minutes = value_axis(0, 900000, ValueUnit::ms);
  CHECK(minutes.ticks == std::vector<double>{0, 300000, 600000, 900000});
  CHECK(labels_of(minutes, ValueUnit::ms) == std::vector<std::string>{"0 min", "5 min", "10 min", "15 min"});
  CHECK(value_axis(0, 1234, ValueUnit::usd).ticks == nice_axis(0, 1234).ticks);
}

TEST_CASE("axis: log ticks at 1-2-5 or at the powers of ten") {
  Axis a = log_axis(10, 200);
  CHECK(a.log);
  CHECK(labels_of(a, ValueUnit::plain) == std::vector<std::string>{"10", "20", "50", "100", "200"});
  Axis wide = log_axis(1, 1000);
  CHECK(labels_of(wide, ValueUnit::plain) == std::vector<std::string>{"1", "10", "100", "1,000"});
  Axis small = log_axis(0.001, 0.05);
  CHECK(labels_of(small, ValueUnit::plain) == std::vector<std::string>{"0.001", "0.002", "0.005", "0.01", "0.02", "0.05"});
  Scale s{wide, 0, 300};
  CHECK(s(1) == 0);
  CHECK(s(10) == Approx(100));
  CHECK(s(1000) == Approx(300));
  CHECK_FALSE(log_axis(0, 10).log);  // not positive: a linear axis
}

TEST_CASE("histogram: bins count every value once, the maximum in the last bin") {
  CHECK(bin_counts({0, 0.5, 1, 1.5, 2, 2}, 0, 2, 4) == std::vector<int>{1, 1, 1, 3});
  CHECK(bin_counts({3, 3, 3}, 3, 3, 4) == std::vector<int>{3, 0, 0, 0});
  CHECK(bin_counts({-1, 5}, 0, 2, 2) == std::vector<int>{0, 0});
}

TEST_CASE("a small stacked bar chart, byte for byte (golden)") {
  BarChart chart;
  chart.text = {"chart-lines", "Line items", "Two designs, three lines"};
  chart.x_title = "USD per month";
  chart.rows = {{"a", {{"requests", 120}, {"duration", 30.5}}}, {"b", {{"requests", 40}, {"storage", 10}}}};
  const std::string svg = stacked_bar_svg(chart);
  const std::string path = kGoldenDir + "small_bar_chart.svg";
  if (ft::update_golden_requested()) ft::write_text_file(path, svg);
  CHECK(svg == ft::read_text_file(path));
  CHECK(svg == stacked_bar_svg(chart));  // deterministic
}

TEST_CASE("a small histogram, byte for byte (golden)") {
  HistogramChart chart;
  chart.text = {"chart-bill", "Monthly bill", "Two designs over 8 draws"};
  chart.x_title = "monthly cost, USD";
  chart.rows = {{"a", "", {10, 12, 11, 13, 12, 15, 11, 12}, 12, 10.35, 14.3},
                {"b", "vs a", {20, 21, 19, 22, 20, 20, 23, 21}, 20.75, 19.35, 22.65}};
  chart.reference = 0.0;
  chart.reference_label = "zero";
  const std::string svg = histogram_svg(chart);
  const std::string path = kGoldenDir + "small_histogram.svg";
  if (ft::update_golden_requested()) ft::write_text_file(path, svg);
  CHECK(svg == ft::read_text_file(path));
}
