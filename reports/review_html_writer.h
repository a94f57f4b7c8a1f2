#pragma once
// `flowcost report`'s page (docs/cli.md "report"): one self-contained HTML file, inline CSS and SVG, no
// script, no font or image from anywhere else, printable on A4. The question and the answer first (each
// design's monthly cost with its interval, the paired savings, P(cheaper), the verdict), then the charts
// (reports/review_charts.h), the inputs with their source comments, the line items, the metering
// assumptions and settings, the calls not priced, the warnings, and the reproducibility stamp. The same
// report gives the same bytes.
#include <iosfwd>

#include "engine/review_report.h"

namespace flowcost::reports {

void write_review_html(const engine::ReviewReport& report, std::ostream& out);

}  // namespace flowcost::reports
