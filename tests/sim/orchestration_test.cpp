// Orchestration latency (docs/billing-rules.md "Orchestration latency"): on deterministic shapes the
// executor adds exactly the configured delays; they count in the execution's wall time and Express
// duration, never in Lambda duration or Standard transitions; the design's `orchestration:` section and
// the price table's settings each take effect; a drawn latency does not move any other draw; bad values
// are errors at their positions (tests/data/sfn/orchestration/orchestration.yaml).
#include <catch2/catch.hpp>

#include <cmath>
#include <string>
#include <vector>

#include "model/metering.h"
#include "sfn_test_util.h"

namespace {

using namespace flowcost;
using namespace flowcost::sfn_test;
using sim::Meter;

const std::string kFile = std::string(FLOWCOST_TEST_DATA) + "/sfn/orchestration/orchestration.yaml";

// One event of `design` under `rules` (by default the shipped settings: model::MeteringRules{}).
sim::ExecutionRecord one(const std::string& design, const model::MeteringRules& rules = {}) {
  auto l = load(kFile, design, rules);
  std::string problems;
  for (const auto& h : headlines(l->diags)) problems += h + "\n";
  INFO(problems);
  REQUIRE_FALSE(l->diags.has_errors());
  return simulate(*l, 1).records[0];
}

}  // namespace

TEST_CASE("orchestration: the Express defaults reproduce the measured Sequence, Parallel and Choice apps") {
  // Lambdas of 0 ms: what remains is Step Functions' own time, as measured (end-to-end minus Lambda).
  // Sequence: 7.9 + 4 x (5.125 + 14.9) = 88 ms.
  CHECK(one("chain-zero-ms").latency_ms == Approx(88.0).epsilon(1e-12));
  // Parallel of two branches of two Tasks: 7.9 + 5.125 + 4.925 + 2 x (5.125 + 14.9) = 58 ms.
  CHECK(one("parallel-zero-ms").latency_ms == Approx(58.0).epsilon(1e-12));
  // Choice, then two Tasks: 7.9 + 5.125 + 10.925 + 2 x (5.125 + 14.9) = 64 ms.
  CHECK(one("choice-zero-ms").latency_ms == Approx(64.0).epsilon(1e-12));
}

TEST_CASE("orchestration: a 4-Task Express chain of 10 ms Lambdas") {
  const sim::ExecutionRecord r = one("chain-express");
  // 7.9 + 4 x (5.125 + 14.9 + 10) = 128 ms of wall time.
  CHECK(r.latency_ms == Approx(128.0).epsilon(1e-12));
  // Express bills it: 128 ms -> 200 ms x 64 MB (50 MB + the definition, in 64 MB chunks) = 12,800 MB-ms.
  CHECK(meter(r, Meter::sfn_express_gb_seconds) == 12800);
  CHECK(meter(r, Meter::sfn_express_requests) == 1);
  // Lambda bills only its own 4 x 10 ms x 128 MB.
  CHECK(meter(r, Meter::lambda_requests) == 4);
  CHECK(meter(r, Meter::lambda_gb_seconds_x86) == 4 * 10 * 128);

  // Without the latency: 40 ms -> 100 ms x 64 MB.
  const sim::ExecutionRecord off = one("chain-express", no_orchestration());
  CHECK(off.latency_ms == 40.0);
  CHECK(meter(off, Meter::sfn_express_gb_seconds) == 6400);
  CHECK(meter(off, Meter::lambda_gb_seconds_x86) == 4 * 10 * 128);
}

TEST_CASE("orchestration: Standard gets its own setting; its transitions and Lambda are unchanged") {
  model::MeteringRules rules;
  rules.standard_latency_ms = {1, 2, 3, 4, 5, 6};
  const sim::ExecutionRecord r = one("chain-standard", rules);
  // 1 + 4 x (2 + 3 + 10) = 61 ms; the Express setting does not apply.
  CHECK(r.latency_ms == 61.0);
  const sim::ExecutionRecord off = one("chain-standard", no_orchestration());
  CHECK(off.latency_ms == 40.0);
  CHECK(r.meters.v == off.meters.v);
  CHECK(meter(r, Meter::sfn_standard_transitions) == 4);
  CHECK(meter(r, Meter::lambda_gb_seconds_x86) == 4 * 10 * 128);
  CHECK(r.transitions == off.transitions);
  // The Standard default: the Express figures (no public Standard measurement).
  CHECK(one("chain-standard").latency_ms == Approx(128.0).epsilon(1e-12));
}

TEST_CASE("orchestration: the price table's settings take effect per kind") {
  model::MeteringRules rules = no_orchestration();
  rules.express_latency_ms = {1, 2, 3, 4, 5, 6};
  // Chain: start 1 + 4 x (state 2 + dispatch 3 + 10 ms).
  CHECK(one("chain-express", rules).latency_ms == 61.0);
  // Parallel: 1 + Parallel state 2 + branch 6 + 2 x (2 + 3 + 10).
  CHECK(one("parallel-express", rules).latency_ms == 39.0);
  // Wait 1 s, then a Map of 3 one-Pass iterations (concurrent): 1 + (2 + 1000 + wait 5) + 2 + (6 + 2).
  CHECK(one("wait-map", rules).latency_ms == 1018.0);
  // Choice: 1 + (2 + choice 4) + 2 x (2 + 3 + 0).
  CHECK(one("choice-zero-ms", rules).latency_ms == 17.0);
}

TEST_CASE("orchestration: the design's orchestration: section replaces the table's settings") {
  // 100 + 4 x (0 + 500 + 10) = 2,140 ms: billed 2,200 ms x 64 MB.
  const sim::ExecutionRecord r = one("chain-override");
  CHECK(r.latency_ms == 2140.0);
  CHECK(meter(r, Meter::sfn_express_gb_seconds) == 2200 * 64);
  // It applies whatever the table says.
  CHECK(one("chain-override", no_orchestration()).latency_ms == 2140.0);
  CHECK(meter(r, Meter::lambda_gb_seconds_x86) == 4 * 10 * 128);
}

TEST_CASE("orchestration: a drawn latency moves no other draw") {
  // The same lognormal Lambda durations with a drawn dispatch latency (chain-drawn) and without any
  // latency (chain-drawn-durations): the Lambda meters agree event by event.
  auto drawn = load(kFile, "chain-drawn", no_orchestration());
  auto plain = load(kFile, "chain-drawn-durations", no_orchestration());
  const Runs a = simulate(*drawn, 400), b = simulate(*plain, 400);
  double added = 0;
  for (std::size_t i = 0; i < a.records.size(); ++i) {
    REQUIRE(a.records[i].meters.get(Meter::lambda_gb_seconds_x86) == b.records[i].meters.get(Meter::lambda_gb_seconds_x86));
    const double d = a.records[i].latency_ms - b.records[i].latency_ms;
    REQUIRE(d >= 40.0);  // four dispatches of 10 to 20 ms each
    REQUIRE(d <= 80.0);
    added += d;
  }
  // Four Uniform(10, 20) draws: mean 60 ms, standard deviation 2 x 10 / sqrt(12) per event.
  const double n = static_cast<double>(a.records.size());
  CHECK(std::fabs(added / n - 60.0) < 4 * (20.0 / std::sqrt(12.0)) / std::sqrt(n));
}

TEST_CASE("orchestration: bad values are errors at their positions") {
  CHECK(headlines(load(kFile, "negative")->diags) ==
        std::vector<std::string>{kFile + ":80:32: error: a duration must not be negative (got -5)"});
  CHECK(headlines(load(kFile, "wrong-dimension")->diags) ==
        std::vector<std::string>{kFile + ":86:30: error: expected a duration, got a size (\"5KB\")"});
  CHECK(headlines(load(kFile, "unknown-key")->diags) ==
        std::vector<std::string>{kFile + ":92:21: error: unknown orchestration field \"state_entry_ms\"; did you mean "
                                         "\"state_entered_ms\"?"});
}

TEST_CASE("orchestration: a Distributed Map's Express children take the Express settings, in their own duration") {
  model::MeteringRules rules;
  rules.standard_latency_ms = {1, 2, 3, 4, 5, 6};
  rules.express_latency_ms = {10, 20, 30, 40, 50, 60};
  const sim::ExecutionRecord r = one("distributed-express-children", rules);
  // The Standard parent: start 1 + the Map state 2; each child (an execution, no branch start): start 10 +
  // its Task state 20 + dispatch 30 + 10 ms = 70 ms, billed 100 ms x 64 MB.
  CHECK(r.latency_ms == 73.0);
  CHECK(meter(r, Meter::sfn_express_requests) == 2);
  CHECK(meter(r, Meter::sfn_express_gb_seconds) == 2 * 100 * 64);
  CHECK(meter(r, Meter::sfn_standard_transitions) == 1 + 2);
  CHECK(meter(r, Meter::lambda_gb_seconds_x86) == 2 * 10 * 128);
}
