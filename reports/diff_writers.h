#pragma once
// Writers of `flowcost diff` (engine/run_diff.h, docs/cli.md "diff"): an aligned table for the terminal,
// GitHub-flavoured Markdown fit for a pull-request comment, and JSON:
//   {base, head, same_random_numbers, interval_note,
//    designs[]{name, presence ("both"|"added"|"removed"), monthly_cost_usd{base, head, delta, ci95_low, ci95_high,
//              significant}, lines[]{meter, line, presence, cost_usd{...as monthly_cost_usd}}},
//    inputs[], settings[], overrides[], prices[]: {name, base, head} (null where a run lacks it)}
// base and head are the file names as given on the command line.
#include <iosfwd>
#include <string>

#include "engine/run_diff.h"

namespace flowcost::reports {

struct DiffFiles {
  std::string base;  // as given
  std::string head;
};

void write_diff_table(const engine::RunDiff& diff, const DiffFiles& files, std::ostream& out);
void write_diff_markdown(const engine::RunDiff& diff, const DiffFiles& files, std::ostream& out);
void write_diff_json(const engine::RunDiff& diff, const DiffFiles& files, std::ostream& out);

}  // namespace flowcost::reports
