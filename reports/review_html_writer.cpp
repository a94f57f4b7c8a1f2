#include "reports/review_html_writer.h"

#include <algorithm>
#include <ostream>

#include "reports/comparison_sentence.h"
#include "reports/display_format.h"
#include "reports/review_charts.h"
#include "reports/review_sections.h"
#include "reports/review_style.h"
#include "reports/run_report_text.h"
#include "reports/svg_writer.h"
#include "reports/whatif_writers.h"

namespace flowcost::reports {

namespace {

std::string esc(const std::string& text) { return xml_escape(text); }

std::string design_list(const engine::RunReport& r) {
  std::string out;
  for (std::size_t i = 0; i < r.designs.size(); ++i) {
    if (i > 0) out += i + 1 == r.designs.size() ? " or " : ", ";
    out += "<strong>" + esc(r.designs[i].name) + "</strong>";
  }
  return out;
}

std::size_t cheapest_design(const engine::RunReport& r) {
  std::size_t best = 0;
  for (std::size_t i = 1; i < r.designs.size(); ++i)
    if (r.designs[i].monthly_cost_usd.mean < r.designs[best].monthly_cost_usd.mean) best = i;
  return best;
}

void write_head(const engine::ReviewReport& report, std::ostream& out) {
  const auto& r = report.run;
  out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      << "<meta name=\"generator\" content=\"flowcost " << esc(r.tool_version) << "\">\n"
      << "<title>" << esc(r.title) << " - flowcost design review</title>\n"
      << "<style>" << kReviewStylesheet << "</style>\n</head>\n<body>\n";
  out << "<header class=\"masthead\">\n<div class=\"kicker\">flowcost design review</div>\n"
      << "<h1>" << esc(r.title) << "</h1>\n"
      << "<p class=\"meta\">Scenario <code>" << esc(r.scenario) << "</code> &middot; prices " << esc(prices_text(r))
      << " &middot; " << esc(run_settings_text(r)) << "</p>\n</header>\n";
  out << "<nav class=\"toc\"><a href=\"#answer\">Answer</a><a href=\"#charts\">Charts</a><a href=\"#inputs\">Inputs</a>"
      << "<a href=\"#line-items\">Line items</a><a href=\"#assumptions\">Assumptions</a>"
      << "<a href=\"#not-priced\">Not priced</a><a href=\"#warnings\">Warnings</a>"
      << "<a href=\"#stamp\">Reproduce</a></nav>\n";
}

void write_verdict(const engine::ReviewReport& report, std::ostream& out) {
  const auto& r = report.run;
  std::string text;
  if (r.designs.size() > 1)
    text = "On average " + r.designs[cheapest_design(r)].name + " is the cheapest design (" +
           display_usd(r.designs[cheapest_design(r)].monthly_cost_usd.mean) + " a month). ";
  for (const auto& c : r.comparisons) text += comparison_sentence(c) + ". ";
  for (const auto& pair : report.tornado.pairs) text += tornado_sentence(pair) + " ";
  if (report.sweep)
    for (const auto& b : report.sweep->break_even) text += "Break-even: " + break_even_text(b, report.sweep->input) + ". ";
  if (!r.warnings.empty()) text += "Read the warnings below before relying on these numbers.";
  while (!text.empty() && text.back() == ' ') text.pop_back();
  out << "<p class=\"verdict\" id=\"verdict\">" << esc(text) << "</p>\n";
}

void write_answer(const engine::ReviewReport& report, std::ostream& out) {
  const auto& r = report.run;
  out << "<section id=\"answer\">\n<h2>The question and the answer</h2>\n";
  out << "<p class=\"question\">What does a month of <em>" << esc(r.title) << "</em> cost with " << design_list(r)
      << ", and which is cheaper? Every number below is over " << display_quantity(static_cast<double>(r.draws))
      << " draws of the uncertain inputs, each of " << display_quantity(static_cast<double>(r.executions_per_draw))
      << " simulated executions, priced as AWS bills them.</p>\n";
  write_verdict(report, out);
  out << "<div class=\"cards\">\n";
  const std::size_t best = cheapest_design(r);
  for (std::size_t i = 0; i < r.designs.size(); ++i) {
    const auto& d = r.designs[i];
    const auto& t = d.monthly_cost_usd;
    out << "<div class=\"card" << (i == best && r.designs.size() > 1 ? " cheapest" : "") << "\"><div class=\"name\">"
        << esc(d.name) << "</div><div class=\"cost\">" << esc(display_usd(t.mean)) << "<small> /month</small></div>"
        << "<div class=\"range\">90% interval " << esc(display_usd(t.p05)) << " to " << esc(display_usd(t.p95))
        << "<br>&plusmn; " << esc(display_usd(t.std_error)) << " standard error of the mean<br>"
        << esc(display_usd_small(d.per_execution_cost_usd_mean)) << " per event</div></div>\n";
  }
  out << "</div>\n";
  if (r.comparisons.empty()) {
    out << "</section>\n";
    return;
  }
  out << "<table class=\"keep\">\n<tr><th>candidate vs baseline</th><th class=\"num\">saving / month</th>"
      << "<th class=\"num\">90% interval</th><th class=\"num\">95% CI of the mean</th>"
      << "<th class=\"num\">P(candidate cheaper)</th><th class=\"num\">p95 latency change</th></tr>\n";
  for (const auto& c : r.comparisons) {
    const auto& s = c.saving_usd;
    out << "<tr><td>" << esc(c.candidate) << " vs " << esc(c.baseline) << "</td><td class=\"num\">"
        << esc(display_usd(s.mean)) << "</td><td class=\"num\">" << esc(display_usd(s.p05)) << " to "
        << esc(display_usd(s.p95)) << "</td><td class=\"num\">" << esc(display_usd(s.ci95_low)) << " to "
        << esc(display_usd(s.ci95_high)) << "</td><td class=\"num\">" << esc(display_percent(c.p_candidate_cheaper))
        << "</td><td class=\"num\">" << (c.latency_p95_delta_ms > 0 ? "+" : "")
        << esc(display_duration(c.latency_p95_delta_ms)) << "</td></tr>\n";
  }
  out << "</table>\n<p class=\"meta\">Saving = baseline cost - candidate cost, paired on the same draws (common random "
         "numbers); positive means the candidate is cheaper.</p>\n</section>\n";
}

void write_charts(const engine::ReviewReport& report, std::ostream& out) {
  out << "<section id=\"charts\">\n<h2>Charts</h2>\n";
  for (const auto& chart : review_charts(report)) {
    out << "<figure id=\"figure-" << esc(chart.id) << "\">\n<h3>" << esc(chart.heading) << "</h3>\n<figcaption>"
        << esc(chart.caption) << "</figcaption>\n" << chart.svg << "</figure>\n";
  }
  out << "</section>\n";
}

}  // namespace

void write_review_html(const engine::ReviewReport& report, std::ostream& out) {
  write_head(report, out);
  out << "<main>\n";
  write_answer(report, out);
  write_charts(report, out);
  write_inputs_section(report, out);
  write_line_items_section(report.run, out);
  write_assumptions_section(report.run, out);
  write_unpriced_section(report.run, out);
  write_warnings_section(report.run, out);
  write_stamp_section(report, out);
  out << "</main>\n<footer>Made by flowcost " << esc(report.run.tool_version)
      << " from the files and settings in the stamp above; the same command gives the same page, byte for byte."
      << "</footer>\n</body>\n</html>\n";
}

}  // namespace flowcost::reports
