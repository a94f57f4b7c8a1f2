#pragma once
// `flowcost run --format json`: the contract of docs/cli.md ("run", JSON). Keys, in
// this order:
//   scenario, title, scenario_file, input_files{PATH: SHA256}, seed, tool_version, overrides[]{name, value},
//   reproduce_command,
//   prices{name, effective_date, region, sha256}, free_tier, draws, executions_per_draw,
//   rel_error_target (null without a stop rule), converged, relative_error,
//   designs[]{name, monthly_cost_usd{mean, stderr, p05, p50, p95, draw_stderr}, per_execution_cost_usd{mean, p05, p50, p95},
//             per_million_events_cost_usd{mean, p05, p50, p95},
//             events_per_month{mean}, meters{METER: {mean, per_execution}},
//             lines[]{meter, line, unit, quantity_mean, cost_usd_mean, cost_usd_stderr, cost_usd_p05, cost_usd_p50, cost_usd_p95,
//                     per_execution_cost_usd_mean},
//             unpriced[], assumptions[], latency_ms{mean, p50, p90, p95, p99}, outcomes{succeeded, failed, lost, caught, failed_by_error{NAME: n}},
//             executions, warnings[]},
//   comparisons[]{baseline, candidate, saving_usd{mean, p05, p95, ci95_low, ci95_high}, saving_fraction_mean,
//                 p_candidate_cheaper, ratio_mean, latency_p95_delta_ms, failed_fraction_delta,
//                 lost_fraction_delta},
//   warnings[], budgets[]{design, limit_usd, mean_usd, passed, source}, performance{simulated_executions, simulated_transitions, wall_seconds} (wall_seconds: time
//   spent in the replication loop, i.e. simulating, measured).
// scenario_file and the input_files keys are relative to the scenario's folder (engine/report_paths.h).
// Two spaces of indentation, a final newline. Everything but performance.wall_seconds is identical for
// the same inputs and seed at any thread count. Non-finite numbers are written as null.
#include <iosfwd>

#include "engine/run_report.h"

namespace flowcost::reports {

void write_run_json(const engine::RunReport& report, std::ostream& out);

}  // namespace flowcost::reports
