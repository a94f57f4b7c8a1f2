#pragma once
// `flowcost advise` output (docs/cli.md "advise"): a terminal table, Markdown and JSON of an
// engine::AdviceReport. Writers only: no simulation, no parsing.
#include <iosfwd>

#include "engine/advise.h"

namespace flowcost::reports {

void write_advice_table(const engine::AdviceReport& report, std::ostream& out);
void write_advice_markdown(const engine::AdviceReport& report, std::ostream& out);
// Keys: scenario, title, seed, tool_version, prices{name, effective_date}, free_tier, draws,
// executions_per_draw, designs[]{name, monthly_cost_usd{mean, p05, p50, p95}, patterns{decisions,
// failure_handling, long_running: {found, states[], evidence[]{state, why}}}, alternatives[]{name, kind,
// allowed, reason, monthly_cost_usd{mean, p05, p95} | null, saving_usd{mean, p05, p95} | null,
// p_cheaper | null}, verdict}, warnings[].
void write_advice_json(const engine::AdviceReport& report, std::ostream& out);

}  // namespace flowcost::reports
