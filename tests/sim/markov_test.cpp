// The analytic engine of `explain` (sim/markov/analyze.h): closed forms on small designs
// (tests/data/explain/designs.yaml) and cross-checks against the Monte Carlo executor.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <memory>
#include <string>

#include "model/diagnostics.h"
#include "model/metering.h"
#include "model/scenario/scenario.h"
#include "sim/execution.h"
#include "sim/markov/analyze.h"
#include "sim/scenario_values.h"
#include "sim/sfn/factory.h"

namespace flowcost {
namespace {

using sim::markov::AnalyticResult;

const std::string kDesigns = std::string(FLOWCOST_TEST_DATA) + "/explain/designs.yaml";

const model::DesignEntry& entry_of(const model::Scenario& s, const std::string& name) {
  for (const auto& d : s.designs)
    if (d.name == name) return d;
  FAIL("no design " << name);
  throw;
}

AnalyticResult analyze(const std::string& path, const std::string& design) {
  model::Diagnostics diags;
  const model::Scenario scenario = model::load_scenario(path, {}, diags);
  REQUIRE_FALSE(diags.has_errors());
  AnalyticResult r = sim::markov::analyze_design(scenario, entry_of(scenario, design), model::MeteringRules{}, diags);
  REQUIRE_FALSE(diags.has_errors());
  return r;
}

const sim::markov::StateExpectation& state(const AnalyticResult& r, const std::string& name) {
  for (const auto& s : r.states)
    if (s.name == name) return s;
  FAIL("no state " << name);
  throw;
}

struct Simulated {
  double mean = 0, se = 0, p_success = 0;
};

// `n` executions of draw 0 through the Monte Carlo executor: mean and standard error of transitions.
Simulated simulate(const std::string& path, const std::string& design, std::uint64_t n) {
  model::Diagnostics diags;
  const model::Scenario scenario = model::load_scenario(path, {}, diags);
  auto simulator = sim::sfn::make_simulator(scenario, entry_of(scenario, design), model::MeteringRules{}, diags);
  REQUIRE(simulator);
  sim::CompiledScenarioValues values(scenario);
  auto draw = simulator->prepare(values.draw_inputs(11, 0));
  double sum = 0, sum_sq = 0, ok = 0;
  sim::ExecutionRecord record;
  for (std::uint64_t i = 0; i < n; ++i) {
    record.clear();
    draw->simulate(i, record);
    const auto t = static_cast<double>(record.transitions);
    sum += t;
    sum_sq += t * t;
    if (record.outcome == sim::Outcome::succeeded) ok += 1;
  }
  const double nd = static_cast<double>(n);
  Simulated out;
  out.mean = sum / nd;
  out.se = std::sqrt((sum_sq / nd - out.mean * out.mean) / (nd - 1));
  out.p_success = ok / nd;
  return out;
}

TEST_CASE("markov: a linear chain enters each state once", "[markov]") {
  const AnalyticResult r = analyze(kDesigns, "chain");
  CHECK(r.transitions == 3.0);
  CHECK(r.p_success == 1.0);
  CHECK(state(r, "Work").visits == 1.0);
  CHECK(state(r, "Done").p_reach == 1.0);
  CHECK(r.meters.at("lambda.requests") == 1.0);
  CHECK(r.meters.at("lambda.gb_seconds.x86") == Approx(128.0 * 100 / 1024 / 1000).epsilon(1e-12));
  CHECK(r.meters.at("sfn.standard.transitions") == 3.0);
}

TEST_CASE("markov: one retrier in closed form", "[markov]") {
  const AnalyticResult r = analyze(kDesigns, "retry");
  const double p = 0.2, m = 3;
  const double attempts = (1 - std::pow(p, m + 1)) / (1 - p);
  CHECK(std::fabs(state(r, "Work").attempts_per_visit - attempts) < 1e-12);
  CHECK(std::fabs(r.transitions - attempts) < 1e-12);
  CHECK(std::fabs(r.failures.at("Custom.Error") - std::pow(p, m + 1)) < 1e-12);
  CHECK(std::fabs(r.p_success - (1 - std::pow(p, m + 1))) < 1e-12);
  CHECK(std::fabs(r.meters.at("lambda.requests") - attempts) < 1e-12);
}

TEST_CASE("markov: Retry then Catch routes the exhausted error to the catcher", "[markov]") {
  const AnalyticResult r = analyze(kDesigns, "catch");
  // Flaky p = 0.5 (2 retries), Fatal u = 0.1 unretried: E[attempts] = (1 - 0.5^3) / 0.5 = 1.75.
  CHECK(std::fabs(state(r, "Work").attempts_per_visit - 1.75) < 1e-12);
  CHECK(std::fabs(state(r, "Fallback").visits - 0.125) < 1e-12);
  CHECK(std::fabs(r.failures.at("Fatal") - 0.175) < 1e-12);
  CHECK(std::fabs(r.p_success - 0.825) < 1e-12);
  CHECK(std::fabs(r.transitions - (1.75 + 0.125 + 0.825)) < 1e-12);
}

TEST_CASE("markov: two retriers by the counter chain", "[markov]") {
  const AnalyticResult r = analyze(kDesigns, "retry-two");
  const Simulated mc = simulate(kDesigns, "retry-two", 200'000);
  CHECK(std::fabs(r.transitions - mc.mean) < 4 * mc.se);
  // P(success) sums over attempt paths: each attempt succeeds with 0.3; an E1 (0.3) or E2 (0.4) retries
  // while its own counter is below 2.
  double p_success = 0;
  for (int a = 0; a <= 2; ++a)
    for (int b = 0; b <= 2; ++b) {
      const double paths = std::tgamma(a + b + 1) / std::tgamma(a + 1) / std::tgamma(b + 1);
      p_success += paths * std::pow(0.3, a) * std::pow(0.4, b) * 0.3;
    }
  CHECK(std::fabs(r.p_success - p_success) < 1e-12);
}

TEST_CASE("markov: Choice weights and discrete rules", "[markov]") {
  const AnalyticResult w = analyze(kDesigns, "choice-weights");
  CHECK(std::fabs(w.p_success - 0.7) < 1e-12);
  CHECK(std::fabs(w.failures.at("Picked.A") - 0.3) < 1e-12);
  CHECK(std::fabs(w.transitions - 2.0) < 1e-12);
  const AnalyticResult r = analyze(kDesigns, "choice-rules");
  CHECK(std::fabs(r.p_success - 0.75) < 1e-12);
  CHECK(std::fabs(state(r, "A").p_reach - 0.25) < 1e-12);
  const AnalyticResult u = analyze(kDesigns, "choice-uniform");  // P(x == 1) = 0 for a continuous x
  CHECK(u.p_success == 1.0);
}

TEST_CASE("markov: a loop left with probability q is entered 1/q times", "[markov]") {
  const AnalyticResult r = analyze(kDesigns, "loop");  // q = mean of uniform [0.2, 0.3] = 0.25
  CHECK(std::fabs(state(r, "Ping").visits - 4.0) < 1e-12);
  CHECK(std::fabs(state(r, "Again").visits - 4.0) < 1e-12);
  CHECK(std::fabs(r.transitions - 9.0) < 1e-12);
  CHECK(std::fabs(r.p_success - 1.0) < 1e-12);
}

TEST_CASE("markov: Parallel sums its branches, Map multiplies by items", "[markov]") {
  const AnalyticResult p = analyze(kDesigns, "parallel");
  CHECK(std::fabs(p.transitions - 5.0) < 1e-12);
  CHECK(state(p, "After").depth == 1);
  CHECK(std::fabs(p.meters.at("lambda.requests") - 2.0) < 1e-12);
  const AnalyticResult m = analyze(kDesigns, "map");
  CHECK(std::fabs(m.transitions - 11.0) < 1e-12);
  CHECK(std::fabs(state(m, "Step1").visits - 5.0) < 1e-12);
  // The mean of the rounded item counts: 0.7 x 3 + 0.3 x 10 = 5.1 (the rounded mean would be 5);
  // round(U(0, 1.5)) is 0 on [0, 0.5), 1 on [0.5, 1.5): mean 2/3 (the rounded mean 0.75 would be 1).
  CHECK(std::fabs(state(analyze(kDesigns, "map-discrete-items"), "Step1").visits - 5.1) < 1e-12);
  const AnalyticResult u = analyze(kDesigns, "map-uniform-items");
  CHECK(std::fabs(state(u, "Step1").visits - 2.0 / 3.0) < 1e-12);
  CHECK(std::fabs(u.transitions - (1 + 2 * 2.0 / 3.0)) < 1e-12);  // the Map, then Step1 and Step2 per item
  // The executor agrees (4 standard errors).
  const Simulated s = simulate(kDesigns, "map-uniform-items", 20000);
  CHECK(std::fabs(s.mean - (1 + 2 * 2.0 / 3.0)) < 4 * s.se);
}

TEST_CASE("markov: agrees with the Monte Carlo executor within 4 standard errors", "[markov]") {
  const std::string article = std::string(FLOWCOST_SOURCE_DIR) + "/scenarios/article-choice.yaml";
  const AnalyticResult a = analyze(article, "article-choice");
  CHECK(std::fabs(a.transitions - 3.8) < 1e-12);
  const Simulated sa = simulate(article, "article-choice", 200'000);
  CHECK(std::fabs(a.transitions - sa.mean) < 4 * sa.se);

  const std::string media = std::string(FLOWCOST_SOURCE_DIR) + "/scenarios/media-transcode.yaml";
  const AnalyticResult b = analyze(media, "media-transcode");
  const Simulated sb = simulate(media, "media-transcode", 200'000);
  INFO("analytic " << b.transitions << " simulated " << sb.mean << " +- " << sb.se);
  CHECK(std::fabs(b.transitions - sb.mean) < 4 * sb.se);

  const AnalyticResult c = analyze(kDesigns, "catch");
  const Simulated sc = simulate(kDesigns, "catch", 200'000);
  CHECK(std::fabs(c.transitions - sc.mean) < 4 * sc.se);
}

}  // namespace
}  // namespace flowcost

namespace flowcost {
namespace {

TEST_CASE("markov: agrees with the executor on the executor's own test designs", "[markov]") {
  const std::string designs = std::string(FLOWCOST_TEST_DATA) + "/sfn/designs.yaml";
  for (const char* name : {"distributed", "timeout-lognormal", "choice-labels", "choice-matches", "nested-map", "retry", "cold-p"}) {
    const AnalyticResult a = analyze(designs, name);
    const Simulated s = simulate(designs, name, 100'000);
    INFO(name << ": analytic " << a.transitions << ", simulated " << s.mean << " +- " << s.se);
    CHECK(std::fabs(a.transitions - s.mean) <= 4 * s.se + 1e-12);
    CHECK(std::fabs(a.p_success - s.p_success) <= 4 * std::sqrt(s.p_success * (1 - s.p_success) / 1e5) + 1e-12);
  }
}

}  // namespace
}  // namespace flowcost

namespace flowcost {
namespace {

TEST_CASE("markov: what the chain does not analyze is a note, not a silent number", "[markov]") {
  const std::string sfn = std::string(FLOWCOST_TEST_DATA) + "/sfn/designs.yaml";
  auto has = [](const AnalyticResult& r, const std::string& note) {
    return std::find(r.notes.begin(), r.notes.end(), note) != r.notes.end();
  };
  // A Standard machine whose Distributed Map runs EXPRESS children.
  CHECK(has(analyze(sfn, "distributed"), "Distributed Map children of the other workflow type (EXPRESS): their "
                                         "transitions are counted as the top machine's; use run"));
  // An execution TimeoutSeconds.
  CHECK(has(analyze(sfn, "timeout-in-retry-wait"), "an execution TimeoutSeconds is not analyzed (nor the 25,000-event "
                                                   "history and 1-year limits); use run"));
  CHECK_FALSE(has(analyze(sfn, "chain"), "an execution TimeoutSeconds is not analyzed (nor the 25,000-event "
                                         "history and 1-year limits); use run"));
}

TEST_CASE("markov: a Fargate job is billed per second with a 1-minute minimum", "[markov]") {
  const AnalyticResult r = analyze(std::string(FLOWCOST_TEST_DATA) + "/sfn/designs.yaml", "ecs-short");
  // 0.5 vCPU and 1 GB for 10 s, billed as 60 s.
  CHECK(std::fabs(r.meters.at("fargate.vcpu_seconds") - 30.0) < 1e-9);
  CHECK(std::fabs(r.meters.at("fargate.gb_seconds") - 60.0) < 1e-9);
}

}  // namespace

TEST_CASE("markov: a bernoulli whose p names an input is taken at the input's base value", "[markov]") {
  // P(x == 1) = E[one_rate] = 0.25 at the base inputs: A (a Fail state) is reached with that probability.
  const std::string path = std::string(FLOWCOST_TEST_DATA) + "/explain/params.yaml";
  const AnalyticResult r = analyze(path, "choice-rate");
  CHECK(std::fabs(state(r, "A").p_reach - 0.25) < 1e-12);
  CHECK(std::fabs(r.p_success - 0.75) < 1e-12);
  // --set of the input moves it as theory says.
  model::Diagnostics diags;
  const model::Scenario set = model::load_scenario(path, {{"one_rate", "0.6"}}, diags);
  REQUIRE_FALSE(diags.has_errors());
  const AnalyticResult s = sim::markov::analyze_design(set, entry_of(set, "choice-rate"), model::MeteringRules{}, diags);
  REQUIRE_FALSE(diags.has_errors());
  CHECK(std::fabs(state(s, "A").p_reach - 0.6) < 1e-12);
}

}  // namespace flowcost
