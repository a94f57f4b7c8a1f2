#include "cli/run_options.h"

#include <charconv>
#include <cmath>
#include <string>

#include "model/errors.h"
#include "model/number_format.h"
#include "model/scenario/scenario.h"
#include "sim/work_crew.h"

namespace flowcost::cli {

namespace {

// CLI::Range lets "nan" through (every comparison with NaN is false), so a number option is checked to be
// finite first.
CLI::Validator finite_number() {
  return CLI::Validator(
      [](std::string& text) -> std::string {
        double v = 0;
        if (!CLI::detail::lexical_cast(text, v) || !std::isfinite(v)) return "Value " + text + " is not a finite number";
        return {};
      },
      "FINITE");
}

// A whole number from `min` to `max`, written as digits or with an exponent (`1e9`, as the scenario's run:
// accepts it); the text is rewritten as digits for CLI11's integer conversion.
CLI::Validator whole_number(std::uint64_t min, std::uint64_t max) {
  return CLI::Validator(
      [min, max](std::string& text) -> std::string {
        const std::string problem = "must be a whole number from " + model::format_grouped(static_cast<double>(min), 0) +
                                    " to " + model::format_grouped(static_cast<double>(max), 0) + ", not " + text;
        std::uint64_t n = 0;
        if (!text.empty() && text.find_first_not_of("0123456789") == std::string::npos) {
          // Digits are read exactly (a double would round 2^53 + 1 to 2^53).
          const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
          if (ec != std::errc() || end != text.data() + text.size()) return problem;
        } else {
          double v = 0;
          if (!CLI::detail::lexical_cast(text, v) || !std::isfinite(v) || v != std::floor(v) || v < 0 ||
              v > 9007199254740992.0)
            return problem;
          n = static_cast<std::uint64_t>(v);
        }
        if (n < min || n > max) return problem;
        text = std::to_string(n);
        return {};
      },
      "INT");
}

// A number in (low, high) with a message that says so (CLI::Range prints its bounds with %f).
CLI::Validator open_range(double low, double high, const std::string& what) {
  return CLI::Validator(
      [low, high, what](std::string& text) -> std::string {
        double v = 0;
        if (!CLI::detail::lexical_cast(text, v) || !std::isfinite(v) || !(v > low && v < high))
          return "must be " + what + ", not " + text;
        return {};
      },
      "NUMBER");
}

}  // namespace

void add_run_options(CLI::App& cmd, RunOptions& options) {
  engine::RunSettings& o = options.settings;
  // The ranges of the scenario's `run:` settings (model/scenario/scenario.h), checked on the text: CLI11
  // would otherwise read "-1" as the largest unsigned number.
  cmd.add_option("--seed", o.seed, "random seed (default: the scenario's run.seed)")
      ->transform(whole_number(0, model::kMaxSeed));
  cmd.add_option("--executions", o.executions, "simulated executions per draw (default: run.executions)")
      ->transform(whole_number(1, model::kMaxExecutions));
  cmd.add_option("--draws", o.draws, "outer draws of the uncertain inputs (default: run.draws)")
      ->transform(whole_number(1, model::kMaxDraws));
  cmd.add_option("--threads", o.threads, "worker threads (default: all cores); results do not depend on it")
      ->check(CLI::Range(0u, sim::kMaxThreads));
  // One value per --set, so that `--set a=1 SCENARIO` leaves SCENARIO to the positional argument.
  cmd.add_option("--set", options.set, "override a scenario input: NAME=VALUE (repeatable)")
      ->expected(1)
      ->take_all()
      ->allow_extra_args(false);
  cmd.add_option("--rel-error", o.rel_error,
                 "add draws until every design's mean monthly cost has a 95% half-width <= X x mean")
      ->check(open_range(0, 1, "more than 0 and less than 1 (0.05: a 95% half-width of 5% of the mean)"));
  cmd.add_option("--max-draws", o.max_draws, "cap on draws for --rel-error (default: run.max_draws)")
      ->transform(whole_number(1, model::kMaxDraws));
  cmd.add_option("--prices", o.prices, "price table: a shipped name (aws-us-east-1) or a YAML file");
  cmd.add_flag("--free-tier", o.free_tier, "apply the account-wide free tiers");
  cmd.add_flag("--strict-prices", o.strict_prices,
               "price with the table's own figures only: a meter it borrows from another table (assumed:) is unpriced");
  cmd.add_flag("--strict", o.strict, "fail (exit 1, nothing written) when a design makes a call flowcost does not price");
  cmd.add_option("--max-states", o.max_states,
                 "refuse a run estimated to enter more states than this (default 1e11: about an hour on one core)")
      ->check(finite_number())
      ->check(CLI::Range(1.0, 1e18));
}

std::vector<std::pair<std::string, std::string>> parse_set_options(const std::vector<std::string>& items) {
  std::vector<std::pair<std::string, std::string>> out;
  std::vector<model::Diagnostic> problems;
  for (const auto& item : items) {
    auto eq = item.find('=');
    if (eq == std::string::npos || eq == 0) {
      problems.push_back({model::Severity::error, {"--set", 0, 0},
                          "expected NAME=VALUE, got \"" + item + "\""});
      continue;
    }
    out.emplace_back(item.substr(0, eq), item.substr(eq + 1));
  }
  if (!problems.empty()) throw model::InputError(problems);
  return out;
}

engine::RunSettings run_settings(const RunOptions& options) {
  engine::RunSettings out = options.settings;
  out.set = parse_set_options(options.set);
  return out;
}

}  // namespace flowcost::cli
