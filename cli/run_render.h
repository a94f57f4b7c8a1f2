#pragma once
// The run report in one of `run`'s formats (table, csv, json, md): shared by `run` and `merge`, which print
// the same report.
#include <string>

#include "engine/run_report.h"

namespace flowcost::cli {

std::string render_run_report(const engine::RunReport& report, const std::string& format);

}  // namespace flowcost::cli
