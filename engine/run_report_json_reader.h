#pragma once
// Reading back a `flowcost run --format json` report (reports/run_json_writer.h) for `flowcost diff`: the
// fields diff compares (scenario, scenario_file, input_files, seed, tool_version, overrides, prices,
// free_tier, draws, executions_per_draw, rel_error_target, each design's name, monthly cost mean and
// stderr, lines with cost_usd_mean and cost_usd_stderr, assumptions). The text must be strict JSON
// (model/strict_json.h). Every problem is a model::InputError at its file:line:col: a syntax error, a
// file that is not a run report ("not a `flowcost run --format json` report: ..."), a field of the wrong
// type. A null number (the writer's non-finite) reads as NaN.
#include <string>

#include "engine/run_report.h"

namespace flowcost::engine {

RunReport read_run_report_json(const std::string& path);

}  // namespace flowcost::engine
