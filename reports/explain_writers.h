#pragma once
// Writers of `flowcost explain` results (engine/explain_report.h, docs/cli.md "explain"): an aligned
// table, CSV (one row per state) or JSON.
#include <iosfwd>

#include "engine/explain_report.h"

namespace flowcost::reports {

void write_explain_table(const engine::ExplainReport& report, std::ostream& out);
// The table's content as GitHub-flavoured Markdown (a heading and a state table per design).
void write_explain_markdown(const engine::ExplainReport& report, std::ostream& out);
void write_explain_csv(const engine::ExplainReport& report, std::ostream& out);
void write_explain_json(const engine::ExplainReport& report, std::ostream& out);

}  // namespace flowcost::reports
