// A run's progress is reported as each window of draws is merged (sim/replication.h), inside one call of
// the replicator: the same numbers as a run without progress, whatever the thread count.
#include <catch2/catch.hpp>

#include <string>
#include <utility>
#include <vector>

#include "engine/run_pipeline.h"
#include "engine/shard.h"
#include "sim/replication.h"

using namespace flowcost;

namespace {

const std::string kScenario = std::string(FLOWCOST_SOURCE_DIR) + "/scenarios/promotion-approval.yaml";

engine::RunSettings settings(std::uint64_t draws, unsigned threads) {
  engine::RunSettings s;
  s.seed = 5;
  s.draws = draws;
  s.executions = 300;
  s.threads = threads;
  return s;
}

using Calls = std::vector<std::pair<std::uint64_t, std::uint64_t>>;

engine::ProgressFn recorder(Calls& calls) {
  return [&calls](std::uint64_t done, std::uint64_t total) { calls.emplace_back(done, total); };
}

// After each window of a call from draw `first` to `total` (sim::window_draws): the draws done, of `total`.
Calls window_calls(std::uint64_t first, std::uint64_t total) {
  Calls out;
  for (std::uint64_t done = first; done < total;) {
    done += sim::window_draws(done - first, total - first);
    out.emplace_back(done, total);
  }
  return out;
}

}  // namespace

TEST_CASE("progress: one call per window of draws, the report the same as without progress") {
  for (unsigned threads : {1u, 2u}) {
    INFO(threads << " threads");
    Calls calls;
    const engine::RunReport with = engine::run_scenario(kScenario, settings(21, threads), recorder(calls)).report;
    const engine::RunReport without = engine::run_scenario(kScenario, settings(21, threads), {}).report;
    CHECK(calls == window_calls(0, 21));  // (2, 21), (10, 21), (18, 21), (19, 21), (21, 21)
    REQUIRE(with.designs.size() == without.designs.size());
    for (std::size_t d = 0; d < with.designs.size(); ++d) {
      CHECK(with.designs[d].draw_cost_usd == without.designs[d].draw_cost_usd);
      CHECK(with.designs[d].monthly_cost_usd.mean == without.designs[d].monthly_cost_usd.mean);
      CHECK(with.designs[d].monthly_cost_usd.std_error == without.designs[d].monthly_cost_usd.std_error);
      CHECK(with.designs[d].executions == without.designs[d].executions);
    }
  }
}

TEST_CASE("progress: a stop rule's rounds count on from the draws done, to the draws planned so far") {
  engine::RunSettings s = settings(10, 2);
  s.rel_error = 1e-9;  // never met: 10, then 20, then 40 draws (--max-draws)
  s.max_draws = 40;
  Calls calls;
  const engine::RunReport r = engine::run_scenario(kScenario, s, recorder(calls)).report;
  Calls expected = window_calls(0, 10);  // (2, 10), (8, 10), (10, 10)
  for (const auto& c : window_calls(10, 20)) expected.push_back(c);  // (12, 20), (18, 20), (20, 20)
  for (const auto& c : window_calls(20, 40)) expected.push_back(c);  // (22, 40), ..., (38, 40), (40, 40)
  CHECK(calls == expected);
  CHECK(r.draws == 40);
}

TEST_CASE("progress: a shard counts its own slice of the draws") {
  const engine::RunSettings s = settings(30, 2);
  engine::ScenarioSession session(kScenario, s);
  session.fix_inputs({});
  Calls calls;
  const engine::PartialRun part = session.run_shard(kScenario, s, {1, 3}, recorder(calls));  // draws 10 to 19
  CHECK(calls == window_calls(0, 10));  // (2, 10), (8, 10), (10, 10)
  CHECK(part.first_draw == 10);
}
