#pragma once
// A small SVG writer for the charts of `flowcost report` (reports/*_chart.h): shapes and text with their
// CSS classes (the page's stylesheet colours them), every coordinate written with one decimal through
// model/number_format.h, so the same chart gives the same bytes on any machine and locale. Every chart is
// accessible: a role="img" <svg> with an aria-label, a <title> and a <desc>. Written for inline use in an HTML page (no xmlns).
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace flowcost::reports {

// Text for XML and HTML content and attribute values: & < > " ' escaped.
std::string xml_escape(std::string_view text);

// A coordinate or length with one decimal ("12.5", "0.0"; never "-0.0").
std::string svg_number(double value);

// What a chart says about itself: its element id (unique in the page), its title (also its aria-label)
// and a description of what it shows, for screen readers.
struct ChartText {
  std::string id;
  std::string title;
  std::string desc;
};

enum class TextAnchor { start, middle, end };

class SvgWriter {
 public:
  // Opens the <svg> element: width x height user units, scaled to the page's width by the stylesheet.
  SvgWriter(double width, double height, const ChartText& text);

  // A rectangle; `tooltip` (when not empty) becomes its <title>, which browsers show on hover.
  void rect(double x, double y, double width, double height, const std::string& css_class,
            const std::string& tooltip = "");
  void line(double x1, double y1, double x2, double y2, const std::string& css_class);
  void polyline(const std::vector<std::pair<double, double>>& points, const std::string& css_class);
  // A closed polygon (a band between two curves).
  void polygon(const std::vector<std::pair<double, double>>& points, const std::string& css_class);
  void circle(double cx, double cy, double r, const std::string& css_class, const std::string& tooltip = "");
  void text(double x, double y, const std::string& text, const std::string& css_class,
            TextAnchor anchor = TextAnchor::start);

  // Closes the <svg> element and returns the whole chart.
  std::string finish();

 private:
  std::ostringstream out_;
};

}  // namespace flowcost::reports
