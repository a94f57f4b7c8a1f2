// IoT rules simulator: Lambda asynchronous retries and cold starts, HTTP tries, error actions and lost
// messages, against closed forms (4 standard errors, fixed seeds).
#include "iot_test_util.h"

using namespace iot_test;
using flowcost::sim::Meter;

TEST_CASE("iot: Lambda async retries give 1 + p + p^2 invocations and p^3 lost messages") {
  auto s = load("closed_form.yaml");
  auto design = make(s, "lambda-retries");
  const std::uint64_t n = 20000;
  const double p = 0.3;
  Totals t = run(s, *design, n);
  const double mean = 1 + p + p * p;
  const double second_moment = (1 - p) * 1 + p * (1 - p) * 4 + p * p * 9;
  check_mean(t.mean(Meter::lambda_requests), mean, std::sqrt(second_moment - mean * mean), n);
  // Every invocation is billed 40 ms x 128 MB on Arm; the rules engine ran one action per message.
  CHECK(t.sum.get(Meter::lambda_gb_seconds_arm64) == 128 * 40 * t.sum.get(Meter::lambda_requests));
  CHECK(t.sum.get(Meter::lambda_gb_seconds_x86) == 0);
  CHECK(t.sum.get(Meter::iot_actions_executed) == static_cast<std::int64_t>(n));
  CHECK(static_cast<std::int64_t>(t.retries) == t.sum.get(Meter::lambda_requests) - static_cast<std::int64_t>(n));
  // A function error is Lambda's, not the rules engine's: the error action does not run; the event is lost.
  check_fraction(t.lost, n, p * p * p);
  CHECK(t.caught == 0);
  CHECK(t.sum.get(Meter::cloudwatch_logs_gb) == 0);
  CHECK(t.succeeded + t.lost == n);
  // Three attempts: 3 x 40 ms plus the 1 min and 2 min waits.
  CHECK(t.max_latency_ms == 180120.0);
  auto lost_id = [&] {
    flowcost::sim::CompiledScenarioValues values(s);
    auto d = design->prepare(values.draw_inputs(s.run.seed, 0));
    flowcost::sim::ExecutionRecord rec;
    for (std::uint64_t i = 0;; ++i) {
      rec.clear();
      d->simulate(i, rec);
      if (rec.outcome == flowcost::sim::Outcome::lost) return rec.error_id;
    }
  }();
  CHECK(design->error_names().at(lost_id) == "compute/lambda");
}

TEST_CASE("iot: Lambda cold starts bill INIT when the metering rules say so") {
  auto s = load("closed_form.yaml");
  const std::uint64_t n = 20000;
  Totals billed = run(s, *make(s, "lambda-cold"), n);
  // 256 MB x (40 ms + 300 ms with probability 0.1)
  check_mean(billed.mean(Meter::lambda_gb_seconds_x86), 256 * (40 + 0.1 * 300), 256 * 300 * std::sqrt(0.1 * 0.9), n);
  check_mean(billed.latency_sum_ms / n, 40 + 0.1 * 300, 300 * std::sqrt(0.1 * 0.9), n);
  CHECK(billed.sum.get(Meter::lambda_requests) == static_cast<std::int64_t>(n));

  flowcost::model::MeteringRules unbilled_init;
  unbilled_init.lambda_init_billed = false;
  Totals unbilled = run(s, *make(s, "lambda-cold", unbilled_init), n);
  CHECK(unbilled.sum.get(Meter::lambda_gb_seconds_x86) == static_cast<std::int64_t>(256 * 40 * n));
  CHECK(unbilled.latency_sum_ms == billed.latency_sum_ms);  // INIT takes the same time either way
}

TEST_CASE("iot: HTTP actions try up to three times; each try is an action executed") {
  auto s = load("closed_form.yaml");
  auto design = make(s, "http-tries");
  const std::uint64_t n = 20000;
  Totals t = run(s, *design, n);
  // Rule lossy: up to 3 tries at p = 0.5, no error action. Rule caught: up to 2 tries, then the error action.
  const double lossy_mean = 1 + 0.5 + 0.25, lossy_var = (0.5 * 1 + 0.25 * 4 + 0.25 * 9) - lossy_mean * lossy_mean;
  const double caught_mean = 1.5, caught_var = 0.25;
  check_mean(t.mean(Meter::http_requests), lossy_mean + caught_mean, std::sqrt(lossy_var + caught_var), n);
  check_fraction(t.lost, n, 0.125);
  check_fraction(t.caught, n, 0.25);
  // The error action (an SQS message of 2 KB) ran once per caught message and is an action executed too.
  CHECK(t.sum.get(Meter::sqs_requests) == static_cast<std::int64_t>(t.caught));
  CHECK(t.sum.get(Meter::iot_actions_executed) ==
        t.sum.get(Meter::http_requests) + static_cast<std::int64_t>(t.caught));
  CHECK(t.max_latency_ms == 60.0);  // three 20 ms tries
}

TEST_CASE("iot: one error action per rule and message catches failed actions") {
  auto s = load("closed_form.yaml");
  auto design = make(s, "error-action");
  const std::uint64_t n = 20000;
  Totals t = run(s, *design, n);
  check_fraction(t.caught, n, 1 - 0.8 * 0.9);
  CHECK(t.lost == 0);
  CHECK(t.succeeded == n);
  CHECK(t.sum.get(Meter::cloudwatch_logs_gb) == 1024 * static_cast<std::int64_t>(t.caught));
  CHECK(t.sum.get(Meter::iot_actions_executed) == static_cast<std::int64_t>(3 * n + t.caught));
  // The second S3 action never fails: its own stream, so exactly n more puts.
  check_fraction(static_cast<std::uint64_t>(t.sum.get(Meter::s3_put_requests)) - n, n, 0.8);
  // Write units of ceil(ceil(x) / 1 KB) for x ~ U(100, 4000) B, when the write succeeded (0.9).
  const double w[4] = {924.0 / 3900, 1024.0 / 3900, 1024.0 / 3900, 928.0 / 3900};
  double m1 = 0, m2 = 0;
  for (int k = 0; k < 4; ++k) {
    m1 += 0.9 * w[k] * (k + 1);
    m2 += 0.9 * w[k] * (k + 1) * (k + 1);
  }
  check_mean(t.mean(Meter::dynamodb_write_request_units), m1, std::sqrt(m2 - m1 * m1), n);
}

TEST_CASE("iot: a message is lost when its error action fails too; tries and latency are exact") {
  auto s = load("closed_form.yaml");
  auto design = make(s, "always-fails");
  Totals t = run(s, *design, 100);
  CHECK(t.lost == 100);
  CHECK(t.caught == 0);
  // S3 once, HTTP three times, the error action once: 5 actions executed; nothing downstream but HTTP.
  CHECK(t.sum.get(Meter::iot_actions_executed) == 5 * 100);
  CHECK(t.sum.get(Meter::http_requests) == 3 * 100);
  CHECK(t.sum.get(Meter::s3_put_requests) == 0);
  CHECK(t.sum.get(Meter::sns_publishes) == 0);
  CHECK(t.retries == 2 * 100);
  CHECK(t.max_latency_ms == 3 * 5.0 + 7.0);  // the error action starts after the slowest action
  flowcost::sim::CompiledScenarioValues values(s);
  auto d = design->prepare(values.draw_inputs(s.run.seed, 0));
  flowcost::sim::ExecutionRecord rec;
  d->simulate(0, rec);
  CHECK(design->error_names().at(rec.error_id) == "doomed/s3");
}

TEST_CASE("iot: the rules latency settings add rule evaluation and action dispatch time, and no meter") {
  auto s = load("closed_form.yaml");
  flowcost::model::MeteringRules rules;
  rules.iot_rule_evaluation_ms = 7;
  rules.iot_action_dispatch_ms = 3;
  Totals off = run(s, *make(s, "always-fails"), 100);
  Totals on = run(s, *make(s, "always-fails", rules), 100);
  // Evaluation 7, then the slowest action (HTTP, three 5 ms tries) after its 3 ms dispatch, then the error
  // action (7 ms) after its own dispatch: 7 + (3 + 15) + (3 + 7) = 35 ms.
  CHECK(on.max_latency_ms == 35.0);
  CHECK(off.max_latency_ms == 22.0);
  CHECK(on.sum.v == off.sum.v);
  CHECK(on.lost == off.lost);
}
