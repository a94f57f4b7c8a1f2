#pragma once
// The sections of the design-review page after its charts (reports/review_html_writer.h), each an HTML
// fragment written to `out`: tables of the inputs, the line items and outcomes, the assumptions, the calls
// not priced, the warnings, and the reproducibility stamp.
#include <iosfwd>

#include "engine/review_report.h"

namespace flowcost::reports {

void write_inputs_section(const engine::ReviewReport& report, std::ostream& out);
void write_line_items_section(const engine::RunReport& run, std::ostream& out);
void write_assumptions_section(const engine::RunReport& run, std::ostream& out);
void write_unpriced_section(const engine::RunReport& run, std::ostream& out);
void write_warnings_section(const engine::RunReport& run, std::ostream& out);
void write_stamp_section(const engine::ReviewReport& report, std::ostream& out);

}  // namespace flowcost::reports
