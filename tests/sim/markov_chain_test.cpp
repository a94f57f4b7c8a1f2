// The sparse chain solver of the analytic engine (sim/markov/chain_solve.h) against a dense inverse of
// I - Q: on every scope of every shipped Step Functions design, and on generated chains with loops.
#include <catch2/catch.hpp>

#include <Eigen/Dense>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <string>
#include <vector>

#include "model/diagnostics.h"
#include "model/metering.h"
#include "model/scenario/scenario.h"
#include "sim/markov/analyzer.h"
#include "sim/markov/base_values.h"
#include "sim/markov/chain_solve.h"
#include "sim/random.h"
#include "sim/scenario_values.h"
#include "sim/sfn/compile.h"

namespace flowcost {
namespace {

using sim::markov::detail::ChainSolution;
using sim::markov::detail::ScopeChain;

constexpr double kRelative = 1e-12;

// N = (I - Q)^-1 by a dense full-pivot LU: the reference.
Eigen::MatrixXd dense_inverse(const ScopeChain& chain) {
  const auto n = static_cast<Eigen::Index>(chain.states);
  Eigen::MatrixXd a = Eigen::MatrixXd::Identity(n, n);
  for (const auto& e : chain.entries) a(e.from, e.to) -= e.probability;
  Eigen::FullPivLU<Eigen::MatrixXd> lu(a);
  REQUIRE(lu.isInvertible());
  return lu.inverse();
}

void check_close(double sparse, double dense) {
  INFO("sparse " << sparse << " dense " << dense);
  CHECK(std::abs(sparse - dense) <= kRelative * std::abs(dense) + 1e-300);
}

// Compares every visit count and every N(i,i); returns how many numbers were compared.
std::size_t check_against_dense(const ScopeChain& chain) {
  const ChainSolution s = sim::markov::detail::solve_chain(chain);
  REQUIRE_FALSE(s.never_left);
  const Eigen::MatrixXd n = dense_inverse(chain);
  REQUIRE(s.visits_from_start.size() == chain.states);
  REQUIRE(s.self_visits.size() == chain.states);
  for (std::uint32_t i = 0; i < chain.states; ++i) {
    check_close(s.visits_from_start[i], n(chain.start, i));
    check_close(s.self_visits[i], n(i, i));
  }
  return 2 * chain.states;
}

TEST_CASE("markov chain: the sparse solve equals the dense inverse on every scope of every shipped design",
          "[markov][sparse]") {
  std::vector<std::filesystem::path> files;
  for (const auto& f : std::filesystem::directory_iterator(std::string(FLOWCOST_SOURCE_DIR) + "/scenarios"))
    if (f.path().extension() == ".yaml") files.push_back(f.path());
  std::sort(files.begin(), files.end());
  REQUIRE(files.size() >= 4);
  std::size_t designs = 0, compared = 0;
  for (const auto& file : files) {
    model::Diagnostics diags;
    const model::Scenario scenario = model::load_scenario(file.string(), {}, diags);
    REQUIRE_FALSE(diags.has_errors());
    const sim::CompiledScenarioValues scenario_values(scenario);
    for (const auto& entry : scenario.designs) {
      const auto* design = std::get_if<model::StepFunctionsDesign>(&entry.design);
      if (!design) continue;
      INFO(file.filename().string() << " design " << entry.name);
      const sim::sfn::Plan plan = sim::sfn::compile_plan(*design, scenario_values);
      const std::vector<double> values =
          sim::markov::base_values(plan, scenario_values, sim::markov::base_inputs(scenario));
      const model::MeteringRules rules;  // the Analyzer keeps a reference: it must outlive the analyzer
      sim::markov::detail::Analyzer analyzer(plan, values, rules, nullptr);
      for (std::uint32_t scope = 0; scope < plan.scopes.size(); ++scope) analyzer.solve_scope(scope);
      for (std::uint32_t scope = 0; scope < plan.scopes.size(); ++scope)
        compared += check_against_dense(analyzer.chain_of(scope));
      ++designs;
    }
  }
  CHECK(designs >= 4);
  CHECK(compared > 50);
}

// A generated chain: `n` states, each going forward to one or two later states, some back to an earlier
// one (loops, some long enough to span many states), some with a self-loop, and exits along the way.
ScopeChain generated_chain(std::uint32_t n, std::uint64_t seed) {
  sim::Stream stream(seed, 0, 0, 0);
  ScopeChain c;
  c.states = n;
  c.start = 0;
  c.exits.assign(n, false);
  for (std::uint32_t i = 0; i < n; ++i) {
    const double u = stream.uniform01();
    if (i + 1 == n || u < 0.05) {
      c.exits[i] = true;  // ends the scope (or fails) with the rest of the probability
      if (i + 1 < n) c.entries.push_back({i, i + 1, 0.5});
      continue;
    }
    if (u < 0.25 && i > 0) {  // back to an earlier state
      const auto back = static_cast<std::uint32_t>(stream.uniform01() * std::min<double>(i, 40));
      c.entries.push_back({i, i - back, 0.3});
      c.entries.push_back({i, i + 1, 0.7});
    } else if (u < 0.35) {
      c.entries.push_back({i, i, 0.2});
      c.entries.push_back({i, i + 1, 0.8});
    } else if (u < 0.6 && i + 2 < n) {
      c.entries.push_back({i, i + 1, 0.4});
      c.entries.push_back({i, i + 2, 0.6});
    } else {
      c.entries.push_back({i, i + 1, 1.0});
    }
  }
  return c;
}

TEST_CASE("markov chain: the sparse solve equals the dense inverse on generated chains with loops",
          "[markov][sparse]") {
  for (const std::uint32_t n : {2u, 17u, 300u, 800u}) {
    INFO("states " << n);
    check_against_dense(generated_chain(n, 7 + n));
  }
  // One component spanning the chain: the last state returns to the first.
  ScopeChain ring = generated_chain(400, 5);
  ring.entries.push_back({399, 0, 0.5});
  check_against_dense(ring);
}

TEST_CASE("markov chain: a state that cannot reach an exit has no solution", "[markov][sparse]") {
  ScopeChain c;
  c.states = 4;
  c.start = 0;
  c.exits = {false, false, false, true};
  c.entries = {{0, 1, 1.0}, {1, 2, 1.0}, {2, 1, 1.0}, {3, 3, 0.5}};  // 1 <-> 2 is never left
  const ChainSolution s = sim::markov::detail::solve_chain(c);
  REQUIRE(s.never_left);
  CHECK(*s.never_left == 0);  // 0 only leads into the loop
  c.entries[0] = {0, 3, 1.0};
  CHECK(*sim::markov::detail::solve_chain(c).never_left == 1);
}

TEST_CASE("markov chain: closed forms (a self-loop, a two-state loop)", "[markov][sparse]") {
  ScopeChain c;
  c.states = 3;
  c.start = 0;
  c.exits = {false, false, true};
  // 0 -> 1; 1 -> 1 (0.25) or 0 (0.25) or 2 (0.5); 2 exits.
  c.entries = {{0, 1, 1.0}, {1, 1, 0.25}, {1, 0, 0.25}, {1, 2, 0.5}};
  const ChainSolution s = sim::markov::detail::solve_chain(c);
  REQUIRE_FALSE(s.never_left);
  // From 0 the chain returns to 0 with probability 1/3 (1 goes to 0 before 2 with 0.25 / 0.75), so N(0,0) = 1.5;
  // each entry into 1 gives 1 / (1 - 0.25) visits to 1.
  CHECK(s.self_visits[0] == Approx(1.5).epsilon(1e-14));
  CHECK(s.visits_from_start[0] == Approx(1.5).epsilon(1e-14));
  CHECK(s.visits_from_start[1] == Approx(2.0).epsilon(1e-14));  // 1.5 entries x 4/3 visits per entry
  CHECK(s.self_visits[1] == Approx(2.0).epsilon(1e-14));        // returns: 1->1 (1/4) or 1->0->1 (1/4)
  CHECK(s.visits_from_start[2] == Approx(1.0).epsilon(1e-14));
  CHECK(s.self_visits[2] == 1.0);
}

}  // namespace
}  // namespace flowcost
