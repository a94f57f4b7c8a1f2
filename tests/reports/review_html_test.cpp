// The design-review page (reports/review_html_writer.h): its structure against a golden file (numbers within
// a display rounding), and what must hold whatever the numbers: every chart with its title, desc and
// aria-label, nothing loaded from elsewhere, the verdict from the shared sentences, the stamp.
#include <catch2/catch.hpp>

#include <sstream>
#include <string>

#include "golden_compare.h"
#include "reports/comparison_sentence.h"
#include "reports/review_html_writer.h"
#include "reports/whatif_writers.h"
#include "sample_review.h"

using namespace flowcost::reports;
using flowcost::reports::testing::sample_review;
namespace ft = flowcost::testing;

namespace {

std::string page_of(const flowcost::engine::ReviewReport& r) {
  std::ostringstream out;
  write_review_html(r, out);
  return out.str();
}

std::size_t count_of(const std::string& text, const std::string& part) {
  std::size_t n = 0;
  for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

// The <svg ...>...</svg> element with this id ("" when absent).
std::string chart_element(const std::string& page, const std::string& id) {
  const auto start = page.find("<svg id=\"" + id + "\"");
  if (start == std::string::npos) return "";
  const auto end = page.find("</svg>", start);
  return page.substr(start, end - start + 6);
}

}  // namespace

TEST_CASE("review page: golden structure (numbers within display rounding)") {
  const std::string page = page_of(sample_review());
  const std::string path = std::string(FLOWCOST_TEST_DATA) + "/golden/reports/sample_review.html";
  if (ft::update_golden_requested()) ft::write_text_file(path, page);
  const std::string difference = ft::text_difference(ft::read_text_file(path), page);
  INFO(difference);
  CHECK(difference.empty());
  CHECK(page == page_of(sample_review()));  // the same report gives the same bytes
}

TEST_CASE("review page: every chart present, accessible, in page order") {
  const std::string page = page_of(sample_review());
  std::size_t last = 0;
  for (const std::string id : {"chart-bill", "chart-lines", "chart-saving", "chart-tornado-1", "chart-sweep",
                               "chart-latency"}) {
    INFO(id);
    const std::string svg = chart_element(page, id);
    REQUIRE_FALSE(svg.empty());
    CHECK(svg.find("role=\"img\" aria-label=\"") != std::string::npos);
    CHECK(count_of(svg, "<desc id=\"" + id + "-desc\">") == 1);
    CHECK(svg.find("<title>") != std::string::npos);
    CHECK(count_of(svg, "<rect") + count_of(svg, "<polyline") >= 3);
    const auto at = page.find("<svg id=\"" + id + "\"");
    CHECK(at > last);
    last = at;
  }
  CHECK(count_of(page, "<svg ") == 6);
  CHECK(count_of(page, "<figure") == 6);
}

TEST_CASE("review page: self-contained, no script, printable on A4") {
  const std::string page = page_of(sample_review());
  CHECK(page.rfind("<!DOCTYPE html>\n<html lang=\"en\">", 0) == 0);
  CHECK(page.find("<script") == std::string::npos);
  CHECK(page.find("<link") == std::string::npos);
  CHECK(page.find("src=") == std::string::npos);
  CHECK(page.find("url(") == std::string::npos);
  CHECK(page.find("@import") == std::string::npos);
  CHECK(page.find("http://") == std::string::npos);
  CHECK(page.find("https://") == std::string::npos);
  // Every link stays in the page.
  for (auto at = page.find("href=\""); at != std::string::npos; at = page.find("href=\"", at + 1))
    CHECK(page[at + 6] == '#');
  CHECK(page.find("@page { size: A4;") != std::string::npos);
  CHECK(page.find("@media print") != std::string::npos);
  CHECK(page.find("figure { margin: 14px 0 22px; break-inside: avoid; page-break-inside: avoid; }") != std::string::npos);
}

TEST_CASE("review page: the answer first, in the shared sentences; inputs with their comments; the stamp") {
  const auto review = sample_review();
  const std::string page = page_of(review);
  const auto answer = page.find("<section id=\"answer\">");
  const auto charts = page.find("<section id=\"charts\">");
  REQUIRE(answer != std::string::npos);
  CHECK(answer < charts);
  CHECK(page.find("On average iot-rules is the cheapest design ($1,300 a month). " +
                  comparison_sentence(review.run.comparisons[0]) + ". " + tornado_sentence(review.tornado.pairs[0]) +
                  " Break-even: " + break_even_text(review.sweep->break_even[0], "messages_per_device_per_day") +
                  ".</p>") != std::string::npos);
  CHECK(page.find("90% interval $2,300 to $2,701") != std::string::npos);
  CHECK(page.find("AWS&#39;s free-tier example: 300 messages a day per device &lt;b&gt;[I]&lt;/b&gt;") !=
        std::string::npos);
  CHECK(page.find("<code>{triangular: [5000, 10000, 20000]}</code> <span class=\"tag\">--set</span>") !=
        std::string::npos);
  CHECK(page.find("180 / 300 / 450") != std::string::npos);
  CHECK(page.find("<tr><th>seed</th><td>7</td></tr>") != std::string::npos);
  CHECK(page.find("<code>devices=12000</code>") != std::string::npos);
  CHECK(page.find("<td class=\"mono\">scenarios/iot-telemetry.yaml</td><td class=\"hash\">aa11</td>") !=
        std::string::npos);
  CHECK(page.find("aws-us-east-1, us-east-1, effective 2025-06-01; free tier off") != std::string::npos);
  CHECK(page.find(review.command + " -o review.html</pre>") != std::string::npos);
  CHECK(page.find(review.run.reproduce_command + "</pre>") != std::string::npos);
  CHECK(page.find("an HTTP Task: the endpoint&#39;s charges are not metered") != std::string::npos);
  CHECK(page.find("step-functions: Task Notify has no behaviour; it takes 0 ms") != std::string::npos);
  CHECK(page.find("<code>lambda.init_billed</code></td><td><code>true</code>") != std::string::npos);
}

TEST_CASE("review page: one design, no sweep: no saving, tornado or sweep chart") {
  auto review = sample_review();
  review.run.designs.pop_back();
  review.run.comparisons.clear();
  review.tornado.pairs.clear();
  review.sweep.reset();
  const std::string page = page_of(review);
  CHECK(count_of(page, "<svg ") == 3);
  CHECK(chart_element(page, "chart-saving").empty());
  CHECK(chart_element(page, "chart-sweep").empty());
  CHECK_FALSE(chart_element(page, "chart-latency").empty());
}
