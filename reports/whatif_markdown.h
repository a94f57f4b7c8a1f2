#pragma once
// `flowcost sweep --format md` and `flowcost tornado --format md`: the terminal table's content
// (reports/whatif_rows.h) as GitHub-flavoured Markdown, for a design review or a pull request.
#include <iosfwd>

#include "engine/whatif_report.h"

namespace flowcost::reports {

void write_sweep_markdown(const engine::SweepReport& report, std::ostream& out);
void write_tornado_markdown(const engine::TornadoReport& report, std::ostream& out);

}  // namespace flowcost::reports
