// IoT rules simulator: exact metering on deterministic payloads, match fractions, SQL over fields, Basic
// Ingest and connection minutes (docs/billing-rules.md "How the simulator meters IoT Core").
#include "iot_test_util.h"

using namespace iot_test;
using flowcost::sim::Meter;

TEST_CASE("iot: 5 KB units and every downstream meter are exact on a deterministic payload") {
  auto s = load("closed_form.yaml");
  auto design = make(s, "units");
  const std::uint64_t n = 100;
  Totals t = run(s, *design, n);
  auto per = [&](Meter m) { return t.sum.get(m); };
  // payload 10000 B + topic 300 B = 10300 B = 3 units of 5120 B; the republish is 10000 + 24 B = 2 units.
  CHECK(per(Meter::iot_messages) == 5 * 100);
  CHECK(per(Meter::iot_rules_triggered) == 3 * 100);
  CHECK(per(Meter::iot_actions_executed) == 10 * 100);
  CHECK(per(Meter::dynamodb_write_request_units) == (10 + 10) * 100);  // ceil(10000 / 1024) twice
  CHECK(per(Meter::sns_publishes) == 1 * 100);
  CHECK(per(Meter::sqs_requests) == 2 * 100);           // 70000 B = 2 chunks of 64 KB
  CHECK(per(Meter::firehose_gb) == 2 * 5120 * 100);     // 10000 B rounded up to 10240 B
  CHECK(per(Meter::kinesis_put_payload_units) == 2 * 100);  // 30 KB = 2 units of 25 KB
  CHECK(per(Meter::cloudwatch_logs_gb) == 1024 * 100);
  CHECK(per(Meter::cloudwatch_metrics) == 1 * 100);
  CHECK(per(Meter::s3_put_requests) == 1 * 100);
  CHECK(per(Meter::lambda_requests) == 0);
  CHECK(t.succeeded == n);
  CHECK(t.latency_sum_ms == 0.0);
}

TEST_CASE("iot: connection minutes are a monthly quantity, rounded up to whole minutes per device") {
  auto s = load("closed_form.yaml");
  auto design = make(s, "units");
  flowcost::sim::CompiledScenarioValues values(s);
  auto fixed = design->monthly_fixed(values.draw_inputs(s.run.seed, 0));
  REQUIRE(fixed.size() == 1);
  CHECK(fixed.at("iot.connection_minutes") == 1000.0 * 43200.0);
  CHECK(make(s, "match-fraction")->monthly_fixed(values.draw_inputs(s.run.seed, 0)).empty());
  // minutes_per_device written as a duration: 30 days are 43,200 minutes (it was read as 2.592e9 ms).
  auto month = make(s, "connection-duration")->monthly_fixed(values.draw_inputs(s.run.seed, 0));
  CHECK(month.at("iot.connection_minutes") == 3 * 43200.0);
}

TEST_CASE("iot: the message unit follows the metering rules") {
  auto s = load("closed_form.yaml");
  flowcost::model::MeteringRules rules;
  rules.iot_message_unit_bytes = 1024;
  auto design = make(s, "units", rules);
  Totals t = run(s, *design, 10);
  CHECK(t.sum.get(Meter::iot_messages) == (11 + 10) * 10);  // ceil(10300 / 1024) + ceil(10024 / 1024)
  CHECK(t.sum.get(Meter::iot_rules_triggered) == 11 * 10);
}

TEST_CASE("iot: Basic Ingest charges no messages but still meters rules and actions") {
  auto s = load("closed_form.yaml");
  auto design = make(s, "basic-ingest");
  Totals t = run(s, *design, 50);
  CHECK(t.sum.get(Meter::iot_messages) == 0);
  CHECK(t.sum.get(Meter::iot_rules_triggered) == 2 * 2 * 50);  // two rules x ceil(10024 / 5120)
  CHECK(t.sum.get(Meter::iot_actions_executed) == 2 * 50);     // a rule without actions still meters one
  CHECK(t.sum.get(Meter::dynamodb_write_request_units) == 10 * 50);
  REQUIRE(design->warnings().size() == 1);
  CHECK(design->warnings()[0] ==
        "design \"basic-ingest\" uses Basic Ingest with 2 rules: a Basic Ingest publish reaches one rule "
        "($aws/rules/<rule>/...), so the simulation assumes the device addresses every rule; Basic Ingest messages "
        "are free either way");
}

TEST_CASE("iot: topic_share: a message off a rule's topic does not trigger it; on it, match decides the actions") {
  // telemetry: 80% of messages are on its topic, every one runs its S3 action; commands: 20% are on its
  // topic and half of those match: triggered (with its minimum action) on 20%, publishing on 10%.
  auto s = load("closed_form.yaml");
  auto design = make(s, "topic-share");
  const std::uint64_t n = 20000;
  Totals t = run(s, *design, n);
  const auto puts = static_cast<std::uint64_t>(t.sum.get(Meter::s3_put_requests));
  const auto publishes = static_cast<std::uint64_t>(t.sum.get(Meter::sns_publishes));
  check_fraction(puts, n, 0.8);
  check_fraction(publishes, n, 0.1);
  const auto commands = t.sum.get(Meter::iot_rules_triggered) - static_cast<std::int64_t>(puts);
  check_fraction(static_cast<std::uint64_t>(commands), n, 0.2);
  CHECK(t.sum.get(Meter::iot_actions_executed) == t.sum.get(Meter::iot_rules_triggered));  // one action each
  CHECK(t.sum.get(Meter::iot_messages) == static_cast<std::int64_t>(n));
}

TEST_CASE("iot: a rule's match fraction is met within 4 standard errors") {
  auto s = load("closed_form.yaml");
  auto design = make(s, "match-fraction");
  const std::uint64_t n = 20000;
  Totals t = run(s, *design, n);
  CHECK(t.sum.get(Meter::iot_messages) == static_cast<std::int64_t>(n));
  CHECK(t.sum.get(Meter::s3_put_requests) == static_cast<std::int64_t>(n));
  auto matched = static_cast<std::uint64_t>(t.sum.get(Meter::sns_publishes));
  // Both rules are triggered by every message (a rule that does not match is still triggered, with its
  // minimum of one action: metering.iot.where_false_triggers); the SNS action runs on a match only.
  CHECK(t.sum.get(Meter::iot_rules_triggered) == static_cast<std::int64_t>(2 * n));
  CHECK(t.sum.get(Meter::iot_actions_executed) == static_cast<std::int64_t>(2 * n));
  check_fraction(matched, n, 0.3);
}

TEST_CASE("iot: SQL WHERE over sampled fields matches the closed-form fractions") {
  auto s = load("closed_form.yaml");
  auto design = make(s, "sql-fields");
  const std::uint64_t n = 20000;
  Totals t = run(s, *design, n);
  // temperature ~ U(0, 100), status = alarm with 0.25, payload_bytes ~ U(100, 4000), all independent.
  check_fraction(static_cast<std::uint64_t>(t.sum.get(Meter::s3_put_requests)), n, 0.2);
  check_fraction(static_cast<std::uint64_t>(t.sum.get(Meter::sns_publishes)), n, 0.25 * 0.5);
  check_fraction(static_cast<std::uint64_t>(t.sum.get(Meter::sqs_requests)), n, 0.75 + 0.25 * 0.1);
  check_fraction(static_cast<std::uint64_t>(t.sum.get(Meter::cloudwatch_metrics)), n,
                 (1000.0 / 3900.0) * (1 - 0.5 * 0.75));
}

TEST_CASE("iot: real rule SQL: nested SELECT, nested fields by path, double quotes, no FROM with Basic Ingest") {
  auto s = load("closed_form.yaml");
  const std::uint64_t n = 20000;
  // state.reported.temperature ~ U(0, 100), state.reported.color = red with 0.4.
  Totals t = run(s, *make(s, "sql-real"), n);
  check_fraction(static_cast<std::uint64_t>(t.sum.get(Meter::s3_put_requests)), n, 0.25);
  check_fraction(static_cast<std::uint64_t>(t.sum.get(Meter::sns_publishes)), n, 0.4);
  Totals b = run(s, *make(s, "basic-ingest-no-from"), n);
  check_fraction(static_cast<std::uint64_t>(b.sum.get(Meter::sqs_requests)), n, 0.1);
  CHECK(b.sum.get(Meter::iot_messages) == 0);
}

TEST_CASE("iot: the same message gives the same variates at any call order") {
  auto s = load("closed_form.yaml");
  auto design = make(s, "sql-fields");
  flowcost::sim::CompiledScenarioValues values(s);
  auto inputs = values.draw_inputs(s.run.seed, 0);
  auto a = design->prepare(inputs);
  auto b = design->prepare(inputs);
  flowcost::sim::ExecutionRecord ra, rb;
  for (std::uint64_t i = 0; i < 200; ++i) {
    ra.clear();
    a->simulate(i, ra);
    rb.clear();
    b->simulate(199 - i, rb);
    rb.clear();
    b->simulate(i, rb);
    CHECK(ra.meters.v == rb.meters.v);
  }
}

TEST_CASE("iot: an expression over a per-message field is evaluated per message") {
  auto s = load("closed_form.yaml");
  auto design = make(s, "message-expression");
  const std::uint64_t n = 20000;
  Totals t = run(s, *design, n);
  // k = 1 -> 40000 B = 1 chunk of 64 KB; k = 3 -> 120000 B = 2 chunks; each with probability 1/2.
  check_mean(t.mean(Meter::sns_publishes), 1.5, 0.5, n);
  CHECK(t.sum.get(Meter::sns_publishes) >= static_cast<std::int64_t>(n));
  CHECK(t.sum.get(Meter::sns_publishes) <= static_cast<std::int64_t>(2 * n));
}

TEST_CASE("iot: the open billing points follow their settings (docs/billing-rules.md section 6)") {
  auto s = load("closed_form.yaml");
  flowcost::model::MeteringRules rules;
  SECTION("rules in message units, or 1 per triggered rule") {
    rules.iot_rules_in_message_units = false;
    Totals t = run(s, *make(s, "units", rules), 10);
    CHECK(t.sum.get(Meter::iot_rules_triggered) == 1 * 10);  // 3 units of 5 KB each with the default
    CHECK(t.sum.get(Meter::iot_messages) == 5 * 10);         // messages keep their units
  }
  SECTION("the error action counted as an action executed, or not") {
    Totals billed = run(s, *make(s, "always-fails", rules), 100);
    // S3 once, HTTP three tries, and the error action.
    CHECK(billed.sum.get(Meter::iot_actions_executed) == (1 + 3 + 1) * 100);
    rules.iot_error_action_billed = false;
    Totals free = run(s, *make(s, "always-fails", rules), 100);
    CHECK(free.sum.get(Meter::iot_actions_executed) == (1 + 3) * 100);
    CHECK(free.sum.get(Meter::sns_publishes) == 0);  // the error action failed: nothing downstream
    CHECK(free.lost == 100);
  }
  SECTION("a rule whose match is false triggered anyway, with its minimum of one action, or not at all") {
    Totals t = run(s, *make(s, "match-fraction", rules), 1000);  // the default: triggered
    const double matched = t.sum.get(Meter::sns_publishes);  // messages for which "some" matched
    CHECK(t.sum.get(Meter::iot_rules_triggered) == 2 * 1000);  // both rules, 1 unit each (1000 + 24 B)
    CHECK(t.sum.get(Meter::iot_actions_executed) == 2 * 1000);  // one action each, run or not
    CHECK(t.sum.get(Meter::s3_put_requests) == 1000);
    rules.iot_where_false_triggers = false;
    Totals only = run(s, *make(s, "match-fraction", rules), 1000);
    CHECK(only.sum.get(Meter::iot_rules_triggered) == 1000 + matched);
    CHECK(only.sum.get(Meter::iot_actions_executed) == 1000 + matched);
    CHECK(only.sum.get(Meter::sns_publishes) == matched);  // the SNS action runs on a match either way
  }
}
