// Deterministic Step Functions executions checked exactly: chain, retries and backoff, catch, timeouts,
// Parallel, Map, limits, callbacks, waits, nested executions, triggers and downstream meters.
#include "sfn_test_util.h"

#include "model/scenario/step_functions_design.h"
#include "sim/sfn/compile.h"

using flowcost::sim::Meter;
using flowcost::sim::Outcome;
using namespace flowcost::sfn_test;

namespace {
const std::string kDesigns = data("designs.yaml");
}

TEST_CASE("sfn: a linear chain bills one transition per state and one Lambda invocation") {
  auto l = load(kDesigns, "chain");
  REQUIRE(l->sim);
  auto runs = simulate(*l, 10);
  for (const auto& r : runs.records) {
    CHECK(r.meters.get(Meter::sfn_standard_transitions) == 3);
    CHECK(r.meters.get(Meter::lambda_requests) == 1);
    CHECK(r.meters.get(Meter::lambda_gb_seconds_arm64) == 128 * 100);  // MB x ms
    CHECK(r.meters.get(Meter::lambda_gb_seconds_x86) == 0);
    CHECK(r.latency_ms == 100);
    CHECK(r.outcome == Outcome::succeeded);
    CHECK(r.transitions == 3);
  }
}

TEST_CASE("sfn: the standard per-execution overhead is a metering setting") {
  flowcost::model::MeteringRules rules;
  rules.standard_transitions_per_execution = 1;
  auto l = load(kDesigns, "chain", rules);
  auto runs = simulate(*l, 3);
  CHECK(runs.records[0].meters.get(Meter::sfn_standard_transitions) == 4);
}

TEST_CASE("sfn: a cold start bills INIT plus the duration rounded up to 1 ms") {
  auto l = load(kDesigns, "chain-cold");
  auto runs = simulate(*l, 5);
  CHECK(runs.records[0].meters.get(Meter::lambda_gb_seconds_x86) == 256 * 311);  // ceil(300 + 10.4)
  CHECK(runs.records[0].latency_ms == Approx(310.4));
  flowcost::model::MeteringRules unbilled;
  unbilled.lambda_init_billed = false;
  auto l2 = load(kDesigns, "chain-cold", unbilled);
  CHECK(simulate(*l2, 1).records[0].meters.get(Meter::lambda_gb_seconds_x86) == 256 * 11);
}

TEST_CASE("sfn: retries back off exactly and MaxDelaySeconds caps the delay") {
  auto l = load(kDesigns, "retry-always");
  auto runs = simulate(*l, 5);
  for (const auto& r : runs.records) {
    // Attempts at 0, 50+1000, 1100+2000, 3150+3000 (4 s capped at 3 s); the last fails at 6200 ms.
    CHECK(r.latency_ms == Approx(6200));
    CHECK(r.meters.get(Meter::sfn_standard_transitions) == 4);  // the state + 3 retries
    CHECK(r.meters.get(Meter::lambda_requests) == 4);
    CHECK(r.meters.get(Meter::lambda_gb_seconds_x86) == 4 * 128 * 50);
    CHECK(r.retries == 3);
    CHECK(r.outcome == Outcome::failed);
    CHECK(runs.error(r) == "Custom.Error");
  }
}

TEST_CASE("sfn: MaxAttempts 0 in the first matching retrier means no retry, then Catch") {
  auto l = load(kDesigns, "retry-zero");
  auto runs = simulate(*l, 3);
  for (const auto& r : runs.records) {
    CHECK(r.retries == 0);
    CHECK(r.caught_errors == 1);
    CHECK(r.meters.get(Meter::sfn_standard_transitions) == 2);  // Work, Handled
    CHECK(r.latency_ms == 0);
    CHECK(r.outcome == Outcome::succeeded);
  }
}

TEST_CASE("sfn: mocked results from a Step Functions Local MockConfigFile drive the attempts") {
  auto l = load(kDesigns, "mocked");
  REQUIRE(l->sim);
  auto runs = simulate(*l, 3);
  for (const auto& r : runs.records) {
    CHECK(r.meters.get(Meter::lambda_requests) == 3);  // invocations 0-1 throw, 2 returns
    CHECK(r.retries == 2);
    CHECK(r.latency_ms == Approx(20 + 1000 + 20 + 2000 + 20));
    CHECK(r.outcome == Outcome::succeeded);
  }
}

TEST_CASE("sfn: TimeoutSeconds raises States.Timeout, which States.TaskFailed does not catch") {
  auto l = load(kDesigns, "timeout");
  auto r = simulate(*l, 1).records[0];
  CHECK(r.latency_ms == 1000);
  CHECK(r.caught_errors == 1);
  CHECK(r.meters.get(Meter::sfn_standard_transitions) == 2);  // Long, TimeoutHandler
  CHECK(r.meters.get(Meter::lambda_gb_seconds_x86) == 1024 * 2000);  // the function runs on
  CHECK(r.outcome == Outcome::succeeded);
}

TEST_CASE("sfn: a duration beyond the function timeout fails with Lambda.Unknown, billed to the timeout") {
  auto l = load(kDesigns, "function-timeout");
  auto r = simulate(*l, 1).records[0];
  CHECK(r.latency_ms == 500);
  CHECK(r.meters.get(Meter::lambda_gb_seconds_x86) == 1024 * 500);
  CHECK(r.caught_errors == 1);  // by States.TaskFailed, then TaskFailedHandler
  CHECK(r.outcome == Outcome::succeeded);
}

TEST_CASE("sfn: Parallel takes the slowest branch; a failing branch fails the state") {
  auto ok = simulate(*load(kDesigns, "parallel"), 1).records[0];
  CHECK(ok.latency_ms == 300);
  CHECK(ok.meters.get(Meter::sfn_standard_transitions) == 5);  // Both, Slow, Fast, After, Done
  auto l = load(kDesigns, "parallel-fail");
  auto runs = simulate(*l, 1);
  auto bad = runs.records[0];
  CHECK(bad.latency_ms == 100);
  CHECK(bad.outcome == Outcome::failed);
  CHECK(runs.error(bad) == "Fast.Broken");
  CHECK(bad.meters.get(Meter::sfn_standard_transitions) == 3);  // Both, Slow, Fast
}

TEST_CASE("sfn: a branch stopped while it waits to retry does not retry; nor does a timed-out execution") {
  // A fails at 0.1 s and would retry at 5.1 s; B fails at 1 s, which stops A in its wait: P, A, B entered,
  // two invocations (0.1 s + 1 s at 1 GB), the Parallel fails with B's error at 1 s.
  auto l = load(kDesigns, "parallel-retry-stopped");
  auto runs = simulate(*l, 1);
  const auto& p = runs.records[0];
  CHECK(p.meters.get(Meter::sfn_standard_transitions) == 3);
  CHECK(p.meters.get(Meter::lambda_requests) == 2);
  CHECK(p.meters.get(Meter::lambda_gb_seconds_x86) == 1024 * 1100);
  CHECK(p.retries == 0);
  CHECK(runs.error(p) == "B.Fatal");
  CHECK(p.latency_ms == 1000);
  // Work fails at 5 s and would retry at 25 s; the execution times out at 10 s in the wait: one transition.
  auto lw = load(kDesigns, "timeout-in-retry-wait");  // kept: Runs reads the simulator's error names
  auto w = simulate(*lw, 1);
  CHECK(w.records[0].meters.get(Meter::sfn_standard_transitions) == 1);
  CHECK(w.records[0].retries == 0);
  CHECK(w.error(w.records[0]) == "States.Timeout");
  CHECK(w.records[0].latency_ms == 10000);
  // Work fails at 15 s, after the execution's 10 s: the execution timed out; the catcher never runs.
  auto lc = load(kDesigns, "timeout-then-caught");
  auto c = simulate(*lc, 1);
  CHECK(c.records[0].caught_errors == 0);
  CHECK(c.records[0].meters.get(Meter::sfn_standard_transitions) == 1);
  CHECK(c.error(c.records[0]) == "States.Timeout");
}

TEST_CASE("sfn: States.ALL does not catch the terminal States.DataLimitExceeded") {
  auto ld = load(kDesigns, "data-limit");
  auto d = simulate(*ld, 1);
  CHECK(d.records[0].caught_errors == 0);
  CHECK(d.records[0].meters.get(Meter::sfn_standard_transitions) == 1);  // Handled is not entered
  CHECK(d.error(d.records[0]) == "States.DataLimitExceeded");
  CHECK(flowcost::sim::sfn::error_matches("States.DataLimitExceeded", "States.DataLimitExceeded"));
  CHECK_FALSE(flowcost::sim::sfn::error_matches("States.ALL", "States.DataLimitExceeded"));
}

TEST_CASE("sfn: inline Map bills 1 + items x states and respects MaxConcurrency") {
  auto r = simulate(*load(kDesigns, "map"), 1).records[0];
  CHECK(r.meters.get(Meter::sfn_standard_transitions) == 1 + 5 * 2);
  CHECK(r.meters.get(Meter::lambda_requests) == 5);
  CHECK(r.latency_ms == 300);  // 5 items of 100 ms, 2 at a time
}

TEST_CASE("sfn: Distributed Map bills a transition per child and Express children by request and GB-s") {
  auto l = load(kDesigns, "distributed");
  auto runs = simulate(*l, 200);
  for (const auto& r : runs.records) {
    CHECK(r.meters.get(Meter::sfn_standard_transitions) == 101);
    CHECK(r.meters.get(Meter::sfn_express_requests) == 100);
    CHECK(r.meters.get(Meter::sfn_express_gb_seconds) == 100 * 64 * 200);  // 150 ms -> 200 ms, 64 MB
    CHECK(r.latency_ms == 150);
  }
  // Failed children beyond 10 % fail the Map Run: P(Binomial(100, 0.05) > 10) = 0.01147.
  double exceeded = runs.mean([&](const auto& r) { return runs.error(r) == "States.ExceedToleratedFailureThreshold"; });
  CHECK(exceeded == Approx(0.01147).margin(4 * std::sqrt(0.01147 * (1 - 0.01147) / 200)));
}

TEST_CASE("sfn: a Distributed Map's tolerated failures count failed items, a failed batch failing all of its items") {
  // 100 items in batches of 10, ToleratedFailureCount 5: the first child fails, 10 items > 5.
  auto lc = load(kDesigns, "batched-count");
  auto c = simulate(*lc, 1);
  CHECK(c.error(c.records[0]) == "States.ExceedToleratedFailureThreshold");
  // Batches of 40 (40, 40, 20), ToleratedFailurePercentage 20: the last child fails, 20 of 100 items is not
  // above 20%, so the Map Run succeeds (one of three children would have been 33%).
  auto lp = load(kDesigns, "batched-percentage");
  auto p = simulate(*lp, 1);
  CHECK(p.records[0].outcome == Outcome::succeeded);
  CHECK(p.records[0].meters.get(Meter::sfn_standard_transitions) == 1 + 3 + 3);  // D, 3 children, W in each
}

TEST_CASE("sfn: a definition that loops forever ends at the history limit and fails") {
  auto l = load(kDesigns, "loop");
  auto runs = simulate(*l, 1);
  auto r = runs.records[0];
  CHECK(r.outcome == Outcome::failed);
  CHECK(runs.error(r) == "flowcost.HistoryLimitExceeded");
  CHECK(r.meters.get(Meter::sfn_standard_transitions) == 12500);  // 2 + 2 x 12,500 > 25,000 events
  auto le = load(kDesigns, "loop-express");
  auto re = simulate(*le, 1).records[0];
  CHECK(re.outcome == Outcome::failed);
  CHECK(re.meters.get(Meter::sfn_standard_transitions) == 0);
  CHECK(re.meters.get(Meter::sfn_express_requests) == 1);
  CHECK(re.meters.get(Meter::sfn_express_gb_seconds) == 64 * 100);  // at least one 100 ms unit
}

TEST_CASE("sfn: Express bills duration rounded up to 100 ms and memory in 64 MB chunks") {
  auto r = simulate(*load(kDesigns, "express-chain"), 1).records[0];
  CHECK(r.meters.get(Meter::sfn_standard_transitions) == 0);
  CHECK(r.meters.get(Meter::sfn_express_requests) == 1);
  CHECK(r.meters.get(Meter::sfn_express_gb_seconds) == 64 * 300);  // no Map/Parallel: payload not counted
  CHECK(r.meters.get(Meter::lambda_gb_seconds_x86) == 128 * 250);
}

TEST_CASE("sfn: a heartbeat timeout is caught by a States.Timeout catcher") {
  auto l = load(kDesigns, "callback");
  auto runs = simulate(*l, 1);
  auto r = runs.records[0];
  CHECK(r.latency_ms == 3600.0 * 1000);
  CHECK(r.caught_errors == 1);
  CHECK(runs.error(r) == "Approval.Expired");
  CHECK(r.meters.get(Meter::sqs_requests) == 1);  // the message with the token was sent before the wait
  auto ok = simulate(*load(kDesigns, "callback-heartbeats"), 1).records[0];
  CHECK(ok.latency_ms == 2.0 * 3600 * 1000);
  CHECK(ok.outcome == Outcome::succeeded);
  CHECK(ok.meters.get(Meter::sqs_requests) == 1);
  CHECK(ok.meters.get(Meter::sfn_standard_transitions) == 2);  // waiting costs nothing on Standard
}

TEST_CASE("sfn: Wait Seconds and Wait Timestamp advance the virtual clock") {
  auto r = simulate(*load(kDesigns, "wait"), 1).records[0];
  CHECK(r.latency_ms == 3600.0 * 1000);  // 30 s, then until 01:00 from a 00:00 start
  CHECK(r.meters.get(Meter::sfn_standard_transitions) == 3);
}

TEST_CASE("sfn: a .sync startExecution runs the child machine and waits for it") {
  auto r = simulate(*load(kDesigns, "nested"), 1).records[0];
  CHECK(r.meters.get(Meter::sfn_standard_transitions) == 1);
  CHECK(r.meters.get(Meter::sfn_express_requests) == 1);
  CHECK(r.meters.get(Meter::sfn_express_gb_seconds) == 64 * 1000);
  CHECK(r.meters.get(Meter::lambda_gb_seconds_x86) == 128 * 1000);
  CHECK(r.latency_ms == 1000);
}

TEST_CASE("sfn: an IoT rule trigger meters the message and the rule in 5 KB units of payload + topic") {
  auto l = load(kDesigns, "store-large");
  REQUIRE(l->sim);
  auto r = simulate(*l, 1).records[0];
  // 6 KB payload + 24 B topic = 6,168 B: two 5 KB units for the message and for the rule; one action.
  CHECK(r.meters.get(Meter::iot_messages) == 2);
  CHECK(r.meters.get(Meter::iot_rules_triggered) == 2);
  CHECK(r.meters.get(Meter::iot_actions_executed) == 1);
}

TEST_CASE("sfn: the trigger and downstream services are metered per event") {
  auto l = load(kDesigns, "store");
  REQUIRE(l->sim);
  auto runs = simulate(*l, 50);
  for (const auto& r : runs.records) {
    CHECK(r.meters.get(Meter::iot_messages) == 1);  // 1000..3000 + 24 bytes < 5 KB
    CHECK(r.meters.get(Meter::iot_rules_triggered) == 1);
    CHECK(r.meters.get(Meter::iot_actions_executed) == 1);
    CHECK(r.meters.get(Meter::s3_put_requests) == 1);
    CHECK(r.meters.get(Meter::lambda_requests) == 1);
    CHECK(r.meters.get(Meter::lambda_gb_seconds_arm64) == 256 * 20);
    CHECK(r.meters.get(Meter::dynamodb_write_request_units) == 3);  // 2.5 KB
    CHECK(r.meters.get(Meter::sns_publishes) == 1);
    CHECK(r.meters.get(Meter::sfn_standard_transitions) == 2);
    CHECK(r.latency_ms == 20);
  }
}

TEST_CASE("sfn: simulate adds to the record and depends only on (seed, draw, sample)") {
  auto l = load(kDesigns, "retry");
  flowcost::sim::CompiledScenarioValues values(l->scenario);
  auto a = l->sim->prepare(values.draw_inputs(7, 0));
  auto b = l->sim->prepare(values.draw_inputs(7, 0));
  flowcost::sim::ExecutionRecord ra, rb;
  for (std::uint64_t s = 0; s < 50; ++s) {
    rb.clear();
    b->simulate(49 - s, rb);  // another object, another order
  }
  for (std::uint64_t s = 0; s < 50; ++s) {
    ra.clear();
    rb.clear();
    a->simulate(s, ra);
    b->simulate(s, rb);
    CHECK(ra.meters.v == rb.meters.v);
    CHECK(ra.latency_ms == rb.latency_ms);
  }
  flowcost::sim::ExecutionRecord once, twice;
  a->simulate(3, once);
  a->simulate(3, twice);
  a->simulate(3, twice);
  CHECK(twice.meters.get(Meter::lambda_requests) == 2 * once.meters.get(Meter::lambda_requests));
  CHECK(twice.transitions == 2 * once.transitions);
}

TEST_CASE("sfn: an Express execution fails with States.Timeout at 5 minutes, billed for them") {
  auto l = load(kDesigns, "express-timeout");
  auto runs = simulate(*l, 1);
  auto r = runs.records[0];
  CHECK(r.outcome == Outcome::failed);
  CHECK(runs.error(r) == "States.Timeout");
  CHECK(r.latency_ms == 300000);
  CHECK(r.meters.get(Meter::sfn_express_gb_seconds) == 64 * 300000);
}

TEST_CASE("sfn: Distributed Map STANDARD children: one transition each plus their own, batched, 4 at a time") {
  auto r = simulate(*load(kDesigns, "distributed-standard"), 1).records[0];
  // 95 items in batches of 10 = 10 children; Batches + 10 child starts + 10 x (Process, Record).
  CHECK(r.meters.get(Meter::sfn_standard_transitions) == 1 + 10 + 10 * 2);
  CHECK(r.meters.get(Meter::lambda_requests) == 10);
  CHECK(r.meters.get(Meter::sfn_express_requests) == 0);
  CHECK(r.latency_ms == 300);  // 10 children of 100 ms, 4 at a time: 3 rounds
}

TEST_CASE("sfn: a request-response startExecution does not wait for the child, whose meters still count") {
  auto r = simulate(*load(kDesigns, "nested-async"), 1).records[0];
  CHECK(r.latency_ms == 30);
  CHECK(r.meters.get(Meter::sfn_standard_transitions) == 1 + 3);
  CHECK(r.meters.get(Meter::lambda_gb_seconds_x86) == 128 * 1000);
}

TEST_CASE("sfn: nested inline Maps multiply their items; MaxConcurrency 1 runs items in sequence") {
  auto r = simulate(*load(kDesigns, "nested-map"), 1).records[0];
  CHECK(r.meters.get(Meter::sfn_standard_transitions) == 1 + 3 * (1 + 4));
  CHECK(r.meters.get(Meter::lambda_requests) == 12);
  CHECK(r.latency_ms == Approx(40));  // outer items in parallel, each 4 x 10 ms in sequence
}

TEST_CASE("sfn: each retrier keeps its own counter and backoff") {
  auto l = load(kDesigns, "per-retrier-counters");  // mocked: E1, E2, E1, E2, then success
  REQUIRE(l->sim);
  auto r = simulate(*l, 1).records[0];
  CHECK(r.retries == 4);
  CHECK(r.outcome == flowcost::sim::Outcome::succeeded);
  // E1 waits 1 s then 2 s (rate 2); E2 waits 1 s then 3 s (rate 3); five attempts of 10 ms.
  CHECK(r.latency_ms == Approx(1000 + 1000 + 2000 + 3000 + 5 * 10));
  CHECK(r.meters.get(Meter::sfn_standard_transitions) == 5);
}

TEST_CASE("sfn: States.TaskFailed matching is a design setting") {
  using flowcost::model::TaskFailedMatching;
  using flowcost::sim::sfn::error_matches;
  CHECK(error_matches("States.TaskFailed", "Lambda.Unknown"));
  CHECK(error_matches("States.TaskFailed", "States.Permissions"));
  CHECK_FALSE(error_matches("States.TaskFailed", "States.Timeout"));
  CHECK_FALSE(error_matches("States.TaskFailed", "States.HeartbeatTimeout"));
  CHECK_FALSE(error_matches("States.TaskFailed", "States.Permissions", TaskFailedMatching::non_states_errors));
  CHECK(error_matches("States.Timeout", "States.HeartbeatTimeout"));
  CHECK(error_matches("States.ALL", "States.Timeout"));
  CHECK_FALSE(error_matches("States.ALL", "States.Runtime"));
  // Lambda.Unknown is not a States.* name, so both readings catch it with States.TaskFailed.
  auto r = simulate(*load(kDesigns, "task-failed-localstack"), 1).records[0];
  CHECK(r.caught_errors == 1);
  CHECK(r.latency_ms == 500);
}

TEST_CASE("sfn: a Standard execution fails with States.Timeout after one year") {
  auto l = load(kDesigns, "year-limit");
  auto runs = simulate(*l, 1);
  auto r = runs.records[0];
  CHECK(r.outcome == Outcome::failed);
  CHECK(runs.error(r) == "States.Timeout");
  CHECK(r.latency_ms == 365.0 * 24 * 3600 * 1000);
  CHECK(r.meters.get(Meter::sfn_standard_transitions) == 1);  // Pause; the limit ends the wait
}

TEST_CASE("sfn: an ECS .sync job on Fargate is billed per second with a one-minute minimum") {
  auto r = simulate(*load(kDesigns, "ecs-long"), 1).records[0];
  CHECK(r.meters.get(Meter::fargate_vcpu_seconds) == 500 * 91000);  // milli-vCPU x ms
  CHECK(r.meters.get(Meter::fargate_gb_seconds) == 1024 * 91000);   // MB x ms
  CHECK(r.latency_ms == Approx(90200));
  auto s = simulate(*load(kDesigns, "ecs-short"), 1).records[0];
  CHECK(s.meters.get(Meter::fargate_vcpu_seconds) == 500 * 60000);
  CHECK(s.meters.get(Meter::fargate_gb_seconds) == 1024 * 60000);
}

TEST_CASE("sfn: a payload drawn from a distribution is one number per execution, read by every meter") {
  // Store (DynamoDB) and Notify (SNS) are sized by the payload by default, the IoT trigger meters it too:
  // 1 KB gives 1 WRU, 1 SNS chunk, 1 IoT unit; 70 KB gives 70 WRU, 2 chunks, 14 units. Draws made apart
  // would mix the two (about half of the executions).
  auto l = load(data("designs.yaml"), "store-drawn-payload");
  REQUIRE(l->sim);
  auto runs = simulate(*l, 400);
  int small = 0, large = 0;
  for (const auto& r : runs.records) {
    const auto wru = r.meters.get(Meter::dynamodb_write_request_units);
    const auto sns = r.meters.get(Meter::sns_publishes);
    const auto iot = r.meters.get(Meter::iot_messages);
    if (wru == 1 && sns == 1 && iot == 1) ++small;
    else if (wru == 70 && sns == 2 && iot == 14) ++large;
    else FAIL("inconsistent payload meters: WRU " << wru << ", SNS " << sns << ", IoT " << iot);
  }
  CHECK(small + large == 400);
  // Each half with probability 0.5: 200 +- 4 sd (sd = 10).
  CHECK(std::abs(small - 200) <= 40);
}

TEST_CASE("sfn: a failing Parallel branch stops the other branches at its time") {
  // A1 0-100 ms, A2 100-200 ms, A3 would start at 200 ms; B fails at 150 ms. A3 is never entered; A2
  // was running and its invocation is billed in full (a Lambda invocation is not cut short).
  auto l = load(kDesigns, "parallel-stop");
  REQUIRE(l->sim);
  auto runs = simulate(*l, 1);
  const auto& r = runs.records[0];
  CHECK(r.latency_ms == 150);
  CHECK(runs.error(r) == "B.Broken");
  CHECK(r.meters.get(Meter::sfn_standard_transitions) == 4);  // Both, A1, A2, B
  CHECK(r.meters.get(Meter::lambda_requests) == 3);
  CHECK(r.meters.get(Meter::lambda_gb_seconds_x86) == 128 * (100 + 100 + 150));
  CHECK(r.transitions == 4);
}

TEST_CASE("sfn: a failing inline Map iteration stops the running ones at its time") {
  // Two iterations at once (MaxConcurrency 2). Work2's mocked responses are Return, then Throw, in
  // invocation order: the second iteration fails at 200 ms, when the first would enter Work3; the undone
  // first pass also restores the mock counter, so the rerun sees the same responses.
  auto l = load(kDesigns, "map-stop");
  REQUIRE(l->sim);
  auto runs = simulate(*l, 3);
  for (const auto& r : runs.records) {
    CHECK(r.latency_ms == 200);
    CHECK(runs.error(r) == "Work.Broken");
    CHECK(r.meters.get(Meter::sfn_standard_transitions) == 1 + 2 + 2);  // Each, Work1 and Work2 twice
    CHECK(r.meters.get(Meter::lambda_requests) == 4);
  }
}
