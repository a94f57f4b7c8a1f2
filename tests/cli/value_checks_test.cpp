// Values reached through names and expressions are checked in every draw like literals
// (docs/scenario-format.md "Values in design fields"): the run stops at the first draw that breaks a check,
// with an error at the value that names the draw, exit 1 and nothing written, at any thread count.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include "model/diagnostics.h"
#include "model/scenario/scenario.h"
#include "run_cli_helpers.h"
#include "sim/scenario_values.h"

using namespace flowcost;
using namespace flowcost::testing;
namespace fs = std::filesystem;

namespace {

// The first draw (seed 5) whose input `name` is above `limit` (or below it, with `below`), and its value.
std::pair<std::uint64_t, double> first_draw(const std::string& file, const std::string& name, double limit,
                                            bool below) {
  model::Diagnostics diags;
  model::Scenario s = model::load_scenario(file, {}, diags);
  REQUIRE_FALSE(diags.has_errors());
  sim::CompiledScenarioValues values(s);
  for (std::uint64_t d = 0; d < 40; ++d) {
    const double x = values.draw_inputs(5, d).values.at(name);
    if (below ? x < limit : x > limit) return {d, x};
  }
  FAIL("no draw breaks the limit");
  return {0, 0};
}

}  // namespace

TEST_CASE("run: an error probability that leaves [0, 1] in a draw stops the run at its position, draw number given") {
  const std::string scenario = run_data("draw_probability.yaml");
  const auto [draw, p] = first_draw(scenario, "unknown_p", 1, false);
  CHECK(draw == 6);
  CHECK(p == Approx(1.10264).epsilon(1e-5));
  fs::path dir = scratch_folder("value_checks_p");
  for (const char* threads : {"1", "2"}) {
    INFO("threads " << threads);
    CliResult r =
        run_flowcost({"run", scenario, "--format", "csv", "--threads", threads, "-o", (dir / "out.csv").string()});
    CHECK(r.code == 1);
    CHECK(r.out == "");
    CHECK(r.err == scenario +
                       ":18:34: error: probability of Lambda.Unknown is 1.10264 in draw 6 (must be in [0, 1])\n"
                       "        errors: {Lambda.Unknown: unknown_p}\n"
                       "                                 ^\n");
    CHECK_FALSE(fs::exists(dir / "out.csv"));
  }
  fs::remove_all(dir);
}

TEST_CASE("run: a duration expression that is negative in a draw stops the run at its position, draw number given") {
  const std::string scenario = run_data("draw_duration.yaml");
  const auto [draw, offset] = first_draw(scenario, "offset", 0, true);
  CHECK(draw == 2);
  CHECK(offset == Approx(-7.70792).epsilon(1e-5));
  CliResult r = run_flowcost({"run", scenario, "--format", "csv", "--threads", "2"});
  CHECK(r.code == 1);
  CHECK(r.out == "");
  CHECK(r.err == scenario +
                     ":18:25: error: duration of Task Store is -7.70792 in draw 2 (must not be negative)\n"
                     "      Store: {duration: offset * 1ms}\n"
                     "                        ^\n");
}
