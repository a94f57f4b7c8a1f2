#pragma once
// Phrases shared by the terminal and Markdown run reports.
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "engine/run_report.h"

namespace flowcost::reports {

// "lambda.requests (requests)": the meter and its rate-line label.
std::string line_item_label(const engine::LineReport& line);

// "aws-us-east-1 (us-east-1, effective 2025-06-01), free tier off"
std::string prices_text(const engine::RunReport& report);

// "seed 1, 200 draws x 100,000 executions, tool 0.1.0" plus the stop rule's outcome when one was asked:
// ", converged (relative error 0.41% <= 1%)" or ", NOT converged (relative error 2.1% > 1%)".
std::string run_settings_text(const engine::RunReport& report);

// "a=1, b=lognormal(...)" (every --set in order), or "none".
std::string overrides_text(const engine::RunReport& report);

// "$0.0000250 (90% interval $0.0000230 to $0.0000270); $25.00 per 1 M events (90% interval $23.00 to
// $27.00), 100,000,000 events per month"
std::string per_event_cost_text(const engine::DesignReport& design);

// "step-functions: mean $2,500.50 <= budget $3,000.00, passed (--fail-above)" or "... > budget ..., FAILED".
std::string budget_text(const engine::BudgetReport& budget);

// "p50 46.3 ms, p95 144 ms, p99 1.20 s"
std::string latency_text(const engine::LatencyReport& latency);

// "of 10,000 simulated executions, 9,800 succeeded, 200 failed (States.Timeout 150, Lambda.Unknown 50), 0 lost, 12 caught"
std::string outcomes_text(const engine::OutcomeReport& outcomes, std::uint64_t executions);

// The design's assumptions grouped by where they are set, in order of first appearance: one
// (source, "name=value, name=value") pair per source.
std::vector<std::pair<std::string, std::string>> assumptions_by_source(const std::vector<engine::Assumption>& list);

}  // namespace flowcost::reports
