#pragma once
// `flowcost diff BASE.json HEAD.json`: what changed between two `run --format json` reports (docs/cli.md
// "diff"). Per design and line item, the change in mean monthly cost with a 95% interval from the two
// reports' standard errors, as for independent runs:
//   delta = head mean - base mean,  interval = delta -+ 1.96 x sqrt(stderr_base^2 + stderr_head^2).
// When both runs have the same seed and the same scenario file (SHA-256), they share their random numbers,
// their difference has a smaller variance than that, and the interval is conservative (too wide).
// Designs or line items present on one side only are listed as added or removed (their missing side counts
// 0 with standard error 0). Inputs, settings, overrides and prices are compared as text.
#include <optional>
#include <string>
#include <vector>

#include "engine/run_report.h"

namespace flowcost::engine {

enum class Presence { both, added, removed };  // added: in HEAD only; removed: in BASE only

// A mean monthly cost in both runs and its change.
struct MeanChange {
  double base_usd = 0;
  double head_usd = 0;
  double delta_usd = 0;  // head - base
  double ci95_low_usd = 0;
  double ci95_high_usd = 0;
  // The interval excludes 0: the change is larger than the simulation noise of the two runs.
  bool significant = false;
};

struct LineChange {
  std::string meter;
  std::string line;
  Presence presence = Presence::both;
  MeanChange cost;
};

struct DesignChange {
  std::string name;
  Presence presence = Presence::both;
  MeanChange monthly_cost;
  std::vector<LineChange> lines;  // BASE's order, then HEAD's new lines
};

// A named value that differs between the runs (absent on one side: std::nullopt).
struct TextChange {
  std::string name;
  std::optional<std::string> base;
  std::optional<std::string> head;
};

struct RunDiff {
  std::string base_scenario;
  std::string head_scenario;
  bool same_random_numbers = false;  // same seed and scenario SHA-256: the intervals are conservative
  std::vector<DesignChange> designs;  // BASE's order, then HEAD's new designs
  std::vector<TextChange> inputs;     // input files whose SHA-256 differs (or that one run lacks)
  std::vector<TextChange> settings;   // seed, draws, executions, stop rule, free tier, tool version, assumptions
  std::vector<TextChange> overrides;  // `--set` NAME (the last value of each)
  std::vector<TextChange> prices;     // name, effective date, region, SHA-256
};

// The mean change with its interval (see the formula above).
MeanChange mean_change(double base_mean, double base_std_error, double head_mean, double head_std_error);

// Compares two reports as read by read_run_report_json.
RunDiff diff_runs(const RunReport& base, const RunReport& head);

}  // namespace flowcost::engine
