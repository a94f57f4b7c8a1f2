#include "reports/svg_writer.h"

#include <algorithm>
#include <cmath>

#include "model/number_format.h"

namespace flowcost::reports {

namespace {

const char* anchor_name(TextAnchor a) {
  switch (a) {
    case TextAnchor::middle: return "middle";
    case TextAnchor::end: return "end";
    case TextAnchor::start: break;
  }
  return "start";
}

std::string points_text(const std::vector<std::pair<double, double>>& points) {
  std::string out;
  for (const auto& [x, y] : points) {
    if (!out.empty()) out += ' ';
    out += svg_number(x) + "," + svg_number(y);
  }
  return out;
}

}  // namespace

std::string xml_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string svg_number(double value) {
  if (!std::isfinite(value)) value = 0;
  std::string text = model::format_fixed(value, 1);
  return text == "-0.0" ? "0.0" : text;
}

SvgWriter::SvgWriter(double width, double height, const ChartText& text) {
  out_ << "<svg id=\"" << xml_escape(text.id) << "\" class=\"chart\" viewBox=\"0 0 "
       << svg_number(width) << ' ' << svg_number(height) << "\" width=\"" << svg_number(width) << "\" height=\""
       << svg_number(height) << "\" role=\"img\" aria-label=\"" << xml_escape(text.title) << "\" aria-describedby=\""
       << xml_escape(text.id) << "-desc\">\n";
  out_ << "<title>" << xml_escape(text.title) << "</title>\n";
  out_ << "<desc id=\"" << xml_escape(text.id) << "-desc\">" << xml_escape(text.desc) << "</desc>\n";
}

void SvgWriter::rect(double x, double y, double width, double height, const std::string& css_class,
                     const std::string& tooltip) {
  out_ << "<rect class=\"" << css_class << "\" x=\"" << svg_number(x) << "\" y=\"" << svg_number(y) << "\" width=\""
       << svg_number(std::max(width, 0.0)) << "\" height=\"" << svg_number(std::max(height, 0.0)) << "\"";
  if (tooltip.empty()) out_ << "/>\n";
  else out_ << "><title>" << xml_escape(tooltip) << "</title></rect>\n";
}

void SvgWriter::line(double x1, double y1, double x2, double y2, const std::string& css_class) {
  out_ << "<line class=\"" << css_class << "\" x1=\"" << svg_number(x1) << "\" y1=\"" << svg_number(y1)
       << "\" x2=\"" << svg_number(x2) << "\" y2=\"" << svg_number(y2) << "\"/>\n";
}

void SvgWriter::polyline(const std::vector<std::pair<double, double>>& points, const std::string& css_class) {
  out_ << "<polyline class=\"" << css_class << "\" points=\"" << points_text(points) << "\"/>\n";
}

void SvgWriter::polygon(const std::vector<std::pair<double, double>>& points, const std::string& css_class) {
  out_ << "<polygon class=\"" << css_class << "\" points=\"" << points_text(points) << "\"/>\n";
}

void SvgWriter::circle(double cx, double cy, double r, const std::string& css_class, const std::string& tooltip) {
  out_ << "<circle class=\"" << css_class << "\" cx=\"" << svg_number(cx) << "\" cy=\"" << svg_number(cy)
       << "\" r=\"" << svg_number(r) << "\"";
  if (tooltip.empty()) out_ << "/>\n";
  else out_ << "><title>" << xml_escape(tooltip) << "</title></circle>\n";
}

void SvgWriter::text(double x, double y, const std::string& text, const std::string& css_class, TextAnchor anchor) {
  out_ << "<text class=\"" << css_class << "\" x=\"" << svg_number(x) << "\" y=\"" << svg_number(y) << "\"";
  if (anchor != TextAnchor::start) out_ << " text-anchor=\"" << anchor_name(anchor) << "\"";
  out_ << ">" << xml_escape(text) << "</text>\n";
}

std::string SvgWriter::finish() {
  out_ << "</svg>\n";
  return out_.str();
}

}  // namespace flowcost::reports
