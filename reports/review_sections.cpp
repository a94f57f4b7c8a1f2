#include "reports/review_sections.h"

#include <ostream>

#include "model/unpriced_call.h"
#include "pricing/borrowed_prices.h"
#include "reports/display_format.h"
#include "reports/run_report_text.h"
#include "reports/svg_writer.h"

namespace flowcost::reports {

namespace {

std::string esc(const std::string& text) { return xml_escape(text); }

std::string count(std::uint64_t n) { return display_quantity(static_cast<double>(n)); }

const engine::TornadoInput* tornado_input(const engine::TornadoReport& t, const std::string& name) {
  for (const auto& in : t.inputs)
    if (in.name == name) return &in;
  return nullptr;
}

}  // namespace

void write_inputs_section(const engine::ReviewReport& report, std::ostream& out) {
  out << "<section id=\"inputs\">\n<h2>Inputs</h2>\n<p>Every input and workload item as the scenario file writes it, "
         "with the comment that sources it. Uncertain inputs are drawn once per draw; their 5th, 50th and 95th "
         "percentiles (in base units: ms, bytes, USD, or plain) are the tornado's low, base and high values.</p>\n";
  out << "<table>\n<tr><th>name</th><th>value as written</th><th class=\"num\">p05 / p50 / p95</th>"
         "<th>source (the file's comment)</th><th>where</th></tr>\n";
  for (const auto& in : report.inputs) {
    out << "<tr><td><code>" << esc(in.name) << "</code><br><span class=\"meta\">" << esc(in.section) << ", "
        << esc(in.kind) << "</span></td><td><code>" << esc(in.written) << "</code>";
    if (in.set_on_command_line) out << " <span class=\"tag\">--set</span>";
    out << "</td><td class=\"num\">";
    if (const auto* t = tornado_input(report.tornado, in.name))
      out << esc(display_quantity(t->p05)) << " / " << esc(display_quantity(t->p50)) << " / "
          << esc(display_quantity(t->p95));
    out << "</td><td class=\"comment\">"
        << (in.comment.empty() ? std::string("<em>no comment in the file</em>") : esc(in.comment)) << "</td><td>"
        << (in.set_on_command_line ? std::string("command line") : "<span class=\"mono\">" + esc(in.location) + "</span>")
        << "</td></tr>\n";
  }
  out << "</table>\n</section>\n";
}

void write_line_items_section(const engine::RunReport& run, std::ostream& out) {
  out << "<section id=\"line-items\">\n<h2>Line items and outcomes</h2>\n";
  for (const auto& d : run.designs) {
    out << "<h3>" << esc(d.name) << "</h3>\n<table class=\"keep\">\n<tr><th>line item</th>"
           "<th class=\"num\">quantity / month</th><th>unit</th><th class=\"num\">mean</th><th class=\"num\">p05</th>"
           "<th class=\"num\">p95</th></tr>\n";
    for (const auto& l : d.lines)
      out << "<tr><td>" << esc(line_item_label(l)) << "</td><td class=\"num\">" << esc(display_quantity(l.quantity_mean))
          << "</td><td>" << esc(l.unit) << "</td><td class=\"num\">" << esc(display_usd_cents(l.cost_usd_mean))
          << "</td><td class=\"num\">" << esc(display_usd_cents(l.cost_usd_p05)) << "</td><td class=\"num\">"
          << esc(display_usd_cents(l.cost_usd_p95)) << "</td></tr>\n";
    const auto& t = d.monthly_cost_usd;
    out << "<tr><th>total</th><th></th><th>USD</th><th class=\"num\">" << esc(display_usd_cents(t.mean))
        << "</th><th class=\"num\">" << esc(display_usd_cents(t.p05)) << "</th><th class=\"num\">"
        << esc(display_usd_cents(t.p95)) << "</th></tr>\n</table>\n";
    out << "<p class=\"meta\">Events per month " << esc(display_quantity(d.events_per_month_mean)) << "; latency "
        << esc(latency_text(d.latency)) << "; outcomes " << esc(outcomes_text(d.outcomes, d.executions)) << ".</p>\n";
  }
  out << "</section>\n";
}

void write_assumptions_section(const engine::RunReport& run, std::ostream& out) {
  bool borrowed = false;  // a price the table borrows from another (docs/price-tables.md "Borrowed prices")
  for (const auto& d : run.designs)
    for (const auto& a : d.assumptions) borrowed = borrowed || a.name.rfind(pricing::kBorrowedPricePrefix, 0) == 0;
  out << "<section id=\"assumptions\">\n<h2>Metering assumptions and settings</h2>\n<p>The settings that decided "
         "these numbers: how the price table meters each event, "
      << (borrowed ? "the prices it borrows from another table, " : "") << "the free tier, and where each is set.";
  if (borrowed)
    out << " A <code>" << pricing::kBorrowedPricePrefix
        << "METER</code> row is a price this table does not give itself: it borrows the figure of the table named "
           "(its <code>assumed:</code>, for the reason shown); <code>--strict-prices</code> refuses it.";
  out << "</p>\n";
  out << "<table>\n<tr><th>design</th><th>setting</th><th>value</th><th>set in</th></tr>\n";
  for (const auto& d : run.designs)
    for (const auto& a : d.assumptions)
      out << "<tr><td>" << esc(d.name) << "</td><td><code>" << esc(a.name) << "</code></td><td><code>" << esc(a.value)
          << "</code></td><td>" << esc(a.source) << "</td></tr>\n";
  out << "</table>\n</section>\n";
}

void write_unpriced_section(const engine::RunReport& run, std::ostream& out) {
  out << "<section id=\"not-priced\">\n<h2>Not priced</h2>\n";
  bool any = false;
  for (const auto& d : run.designs) any = any || !d.unpriced.empty();
  if (!any) {
    out << "<p>Every call of every design is metered and priced: no cost is left out of the totals.</p>\n</section>\n";
    return;
  }
  out << "<p class=\"warning\">These calls are made but flowcost does not price them: their cost is in "
         "<strong>no</strong> total above.</p>\n<table>\n<tr><th>design</th><th>call, and why it is not priced</th></tr>\n";
  for (const auto& d : run.designs)
    for (const auto& u : d.unpriced)
      out << "<tr><td>" << esc(d.name) << "</td><td>" << esc(model::describe(u)) << "</td></tr>\n";
  out << "</table>\n</section>\n";
}

void write_warnings_section(const engine::RunReport& run, std::ostream& out) {
  out << "<section id=\"warnings\">\n<h2>Warnings</h2>\n";
  std::size_t n = run.warnings.size();
  for (const auto& d : run.designs) n += d.warnings.size();
  if (n == 0) {
    out << "<p>None.</p>\n</section>\n";
    return;
  }
  out << "<ul>\n";
  for (const auto& w : run.warnings) out << "<li class=\"warning\">" << esc(w) << "</li>\n";
  for (const auto& d : run.designs)
    for (const auto& w : d.warnings) out << "<li class=\"warning\">" << esc(d.name) << ": " << esc(w) << "</li>\n";
  out << "</ul>\n</section>\n";
}

void write_stamp_section(const engine::ReviewReport& report, std::ostream& out) {
  const auto& r = report.run;
  const auto& p = r.prices;
  out << "<section id=\"stamp\">\n<h2>Reproducibility stamp</h2>\n<table class=\"keep\">\n";
  out << "<tr><th>tool</th><td>flowcost " << esc(r.tool_version) << "</td></tr>\n";
  out << "<tr><th>seed</th><td>" << r.seed << "</td></tr>\n";
  out << "<tr><th>run</th><td>" << esc(count(r.draws)) << " draws x " << esc(count(r.executions_per_draw))
      << " executions per draw</td></tr>\n";
  out << "<tr><th>tornado</th><td>" << esc(count(report.tornado.draws)) << " draws x "
      << esc(count(report.tornado.executions_per_draw)) << " executions per run, "
      << esc(count(1 + 2 * report.tornado.inputs.size())) << " runs</td></tr>\n";
  if (report.sweep)
    out << "<tr><th>sweep</th><td>" << esc(report.sweep->input) << ", " << report.sweep->points.size() << " points ("
        << esc(report.sweep->scale) << "), " << esc(count(report.sweep->draws)) << " draws x "
        << esc(count(report.sweep->executions_per_draw)) << " executions per run</td></tr>\n";
  out << "<tr><th>price table</th><td>" << esc(p.name) << ", " << esc(p.region) << ", effective "
      << esc(p.effective_date) << "; free tier " << (r.free_tier ? "on" : "off") << "</td></tr>\n";
  out << "<tr><th>--set overrides</th><td>";
  if (r.overrides.empty()) out << "none";
  for (std::size_t i = 0; i < r.overrides.size(); ++i)
    out << (i ? ", " : "") << "<code>" << esc(r.overrides[i].first + "=" + r.overrides[i].second) << "</code>";
  out << "</td></tr>\n</table>\n";
  out << "<h3>Input files (SHA-256)</h3>\n<table>\n<tr><th>file</th><th>SHA-256</th></tr>\n";
  for (const auto& [path, sha] : r.input_files)
    out << "<tr><td class=\"mono\">" << esc(path) << "</td><td class=\"hash\">" << esc(sha) << "</td></tr>\n";
  out << "</table>\n<h3>Reproduce this page</h3>\n<pre class=\"command\">" << esc(report.command) << " -o review.html</pre>\n";
  out << "<h3>Reproduce the run alone</h3>\n<pre class=\"command\">" << esc(r.reproduce_command) << "</pre>\n</section>\n";
}

}  // namespace flowcost::reports
