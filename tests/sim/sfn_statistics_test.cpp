// Step Functions executions against closed forms, with fixed seeds and 4-standard-error tolerances.
#include "sfn_test_util.h"

#include "sim/sfn/compile.h"

using flowcost::sim::ExecutionRecord;
using flowcost::sim::Meter;
using flowcost::sim::Outcome;
using namespace flowcost::sfn_test;

namespace {
const std::string kDesigns = data("designs.yaml");
constexpr std::uint64_t kN = 20000;

double bernoulli_se(double p, std::uint64_t n) { return std::sqrt(p * (1 - p) / static_cast<double>(n)); }
}  // namespace

TEST_CASE("sfn stats: retries with failure probability p make (1 - p^(m+1)) / (1 - p) attempts") {
  auto l = load(kDesigns, "retry");  // p = fail_p = 0.2, MaxAttempts m = 3
  auto runs = simulate(*l, kN);
  const double p = 0.2;
  const double expected = (1 - std::pow(p, 4)) / (1 - p);  // 1.248
  auto attempts = [](const ExecutionRecord& r) { return meter(r, Meter::lambda_requests); };
  CHECK(runs.mean(attempts) == Approx(expected).margin(4 * runs.se(attempts)));
  // Transitions = the state entered + one per retry = attempts.
  CHECK(runs.mean([](const ExecutionRecord& r) { return meter(r, Meter::sfn_standard_transitions); }) ==
        Approx(runs.mean(attempts)));
  // The execution fails only when all m + 1 attempts fail: p^4.
  const double failed = runs.mean([](const ExecutionRecord& r) { return r.outcome == Outcome::failed ? 1.0 : 0.0; });
  CHECK(failed == Approx(std::pow(p, 4)).margin(4 * bernoulli_se(std::pow(p, 4), kN)));
}

TEST_CASE("sfn stats: FULL jitter draws each delay uniformly from 0 to the capped backoff") {
  auto l = load(kDesigns, "retry-jitter");  // always fails; delays U(0,1 s), U(0,2 s), U(0,3 s)
  auto runs = simulate(*l, kN);
  const double sd = std::sqrt((1e6 + 4e6 + 9e6) / 12);
  auto latency = [](const ExecutionRecord& r) { return r.latency_ms; };
  CHECK(runs.mean(latency) == Approx(3000).margin(4 * sd / std::sqrt(double(kN))));
  for (const auto& r : runs.records) {
    CHECK(r.retries == 3);
    CHECK(r.caught_errors == 1);
    CHECK(r.meters.get(Meter::sfn_standard_transitions) == 5);  // Work + 3 retries + Handled
  }
}

TEST_CASE("sfn stats: weighted choices follow their weights, rules follow the input distribution") {
  auto lw = load(kDesigns, "choice-weights");
  auto w = simulate(*lw, kN);  // A: weight_a = 0.3, default: rest
  auto picked_a = [&](const ExecutionRecord& r) { return w.error(r) == "Picked.A" ? 1.0 : 0.0; };
  CHECK(w.mean(picked_a) == Approx(0.3).margin(4 * bernoulli_se(0.3, kN)));
  auto lc = load(kDesigns, "choice-rules");
  auto c = simulate(*lc, kN);  // $.x = 1 with probability 0.25
  auto rule_a = [&](const ExecutionRecord& r) { return c.error(r) == "Picked.A" ? 1.0 : 0.0; };
  CHECK(c.mean(rule_a) == Approx(0.25).margin(4 * bernoulli_se(0.25, kN)));
}

TEST_CASE("sfn stats: each visit of a loop draws anew: visits are geometric with the exit weight") {
  // Ping -> Again, which goes to Done with weight 0.25 and back to Ping otherwise: Ping is entered N times,
  // N geometric on {1, 2, ...} with p = 0.25 (mean 1/p = 4, variance (1 - p)/p^2 = 12); each round enters
  // Ping and Again, and Done ends it: 2N + 1 transitions, mean 9, standard deviation 2 sqrt(12).
  auto l = load(kDesigns, "loop-poll");
  auto runs = simulate(*l, kN);
  auto transitions = [](const ExecutionRecord& r) { return meter(r, Meter::sfn_standard_transitions); };
  CHECK(runs.mean(transitions) == Approx(9).margin(4 * 2 * std::sqrt(12.0 / kN)));
  // A catcher that goes back: Work fails with probability 0.5 and is entered again, so it is entered N
  // times, N geometric with p = 0.5 (mean 2, variance 2), one transition each.
  auto c = simulate(*load(kDesigns, "catch-loop"), kN);
  CHECK(c.mean(transitions) == Approx(2).margin(4 * std::sqrt(2.0 / kN)));
  // The loop's scope keeps visit counts (each visit its own site); a scope without a cycle does not.
  const flowcost::sim::CompiledScenarioValues values(l->scenario);
  for (const auto& [name, acyclic] : {std::pair<std::string, bool>{"loop-poll", false}, {"catch-loop", false}, {"chain", true},
                                      {"parallel", true}, {"retry", true}}) {
    INFO(name);
    const auto& entry = *std::find_if(l->scenario.designs.begin(), l->scenario.designs.end(),
                                      [&](const auto& d) { return d.name == name; });
    const auto plan = flowcost::sim::sfn::compile_plan(std::get<flowcost::model::StepFunctionsDesign>(entry.design), values);
    CHECK(plan.scopes[0].acyclic == acyclic);
  }
}

TEST_CASE("sfn stats: Map transitions are 1 + items x states with items drawn per visit") {
  auto runs = simulate(*load(kDesigns, "map-uniform"), kN);  // items = round(U(10, 50)): mean 30
  auto transitions = [](const ExecutionRecord& r) { return meter(r, Meter::sfn_standard_transitions); };
  CHECK(runs.mean(transitions) == Approx(1 + 2 * 30).margin(4 * runs.se(transitions)));
  for (const auto& r : runs.records) CHECK(r.meters.get(Meter::lambda_requests) * 2 + 1 == r.meters.get(Meter::sfn_standard_transitions));
}

TEST_CASE("sfn stats: Parallel takes the slowest branch: E[max] of two exponentials") {
  auto runs = simulate(*load(kDesigns, "parallel-exp"), kN);  // means 300 ms and 100 ms
  const double a = 300, b = 100;
  const double mean = a + b - a * b / (a + b);  // 325
  auto latency = [](const ExecutionRecord& r) { return r.latency_ms; };
  CHECK(runs.mean(latency) == Approx(mean).margin(4 * runs.se(latency)));
}

TEST_CASE("sfn stats: a lognormal duration times out with probability P(d > TimeoutSeconds)") {
  auto runs = simulate(*load(kDesigns, "timeout-lognormal"), kN);  // median 800 ms, p95 2 s; timeout 1 s
  const double sigma = std::log(2.5) / 1.6448536269514722;
  const double p = 0.5 * std::erfc(std::log(1.25) / sigma / std::sqrt(2.0));  // 0.34437
  auto timed_out = [](const ExecutionRecord& r) { return r.latency_ms == 1000 ? 1.0 : 0.0; };
  CHECK(runs.mean(timed_out) == Approx(p).margin(4 * bernoulli_se(p, kN)));
  for (const auto& r : runs.records) CHECK(r.latency_ms <= 1000);
}

TEST_CASE("sfn stats: cold starts bill INIT with their probability") {
  auto runs = simulate(*load(kDesigns, "cold-p"), kN);  // 10 ms; cold 0.1 with INIT U(200, 600) ms
  // E[ceil(10 + INIT)] = 10 + 0.1 x E[ceil(U(200, 600))] = 10 + 0.1 x 400.5
  auto mb_ms = [](const ExecutionRecord& r) { return meter(r, Meter::lambda_gb_seconds_x86); };
  CHECK(runs.mean(mb_ms) == Approx(128 * (10 + 0.1 * 400.5)).margin(4 * runs.se(mb_ms)));
}

TEST_CASE("sfn stats: string and numeric input fields combine in an And rule") {
  auto l = load(kDesigns, "choice-labels");  // P(video) 0.6 x P(U(0, 400) > 100) 0.75 = 0.45
  REQUIRE(l->sim);
  auto runs = simulate(*l, kN);
  auto picked = [&](const ExecutionRecord& r) { return runs.error(r) == "Picked.A" ? 1.0 : 0.0; };
  CHECK(runs.mean(picked) == Approx(0.45).margin(4 * bernoulli_se(0.45, kN)));
}

TEST_CASE("sfn stats: StringMatches and timestamp rules read string input fields") {
  auto l = load(kDesigns, "choice-matches");
  REQUIRE(l->sim);
  auto runs = simulate(*l, kN);
  auto share = [&](const char* error) {
    return runs.mean([&](const ExecutionRecord& r) { return runs.error(r) == error ? 1.0 : 0.0; });
  };
  // "uploads/*.mp4" matches uploads/clip.mp4 (0.5) only; then a timestamp before July 1st (0.4); then one at
  // or after the cutoff by the Path operand, compared as instants (-02:00: 01:00Z on July 1st; 0.2); else Other.
  CHECK(share("Picked.Video") == Approx(0.5).margin(4 * bernoulli_se(0.5, kN)));
  CHECK(share("Picked.Early") == Approx(0.5 * 0.4).margin(4 * bernoulli_se(0.2, kN)));
  CHECK(share("Picked.Late") == Approx(0.5 * 0.2).margin(4 * bernoulli_se(0.1, kN)));
  CHECK(share("") == Approx(0.5 * 0.4).margin(4 * bernoulli_se(0.2, kN)));
}
