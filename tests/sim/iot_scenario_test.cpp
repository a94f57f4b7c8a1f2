// End to end: scenarios/iot-telemetry.yaml through both design factories and the replication loop.
// The designs share random numbers (same payload and temperature per message), so per-message quantities
// that do not depend on failures must agree exactly between the workflow designs and the rules design.
#include <catch2/catch.hpp>

#include <cmath>

#include "model/scenario/scenario.h"
#include "sim/iot/factory.h"
#include "sim/replication.h"
#include "sim/sfn/factory.h"

using namespace flowcost;

namespace {

std::string messages(const model::Diagnostics& diags) {
  std::string out;
  for (const auto& d : diags.items()) out += model::diagnostic_headline(d) + "\n";
  return out;
}

double total(const sim::DesignResult& d, const std::string& meter) {
  double sum = 0;
  for (const auto& draw : d.draws) sum += d.monthly(draw, meter);
  return sum;
}

}  // namespace

TEST_CASE("iot scenario: the article's case simulates through both factories with common random numbers") {
  model::Diagnostics diags;
  model::Scenario s =
      model::load_scenario(std::string(FLOWCOST_SOURCE_DIR) + "/scenarios/iot-telemetry.yaml", {}, diags);
  INFO(messages(diags));
  REQUIRE_FALSE(diags.has_errors());
  REQUIRE(s.designs.size() == 3);
  model::MeteringRules metering;
  std::vector<std::unique_ptr<sim::DesignSimulator>> owned;
  for (const auto& d : s.designs) {
    if (d.kind == "iot_rules") owned.push_back(sim::iot::make_simulator(s, d, metering, diags));
    else owned.push_back(sim::sfn::make_simulator(s, d, metering, diags));
  }
  INFO(messages(diags));
  REQUIRE_FALSE(diags.has_errors());
  std::vector<const sim::DesignSimulator*> designs;
  for (const auto& d : owned) designs.push_back(d.get());

  sim::Replicator replicator(s, designs, {s.run.seed, 4000, 1});
  sim::RunResult result;
  replicator.run_draws(0, 5, result);
  REQUIRE(result.designs.size() == 3);
  const auto& express = result.designs[0];
  const auto& standard = result.designs[1];
  const auto& rules = result.designs[2];
  REQUIRE(rules.draws.size() == 5);

  double events = 0;
  for (const auto& draw : rules.draws) events += draw.events_per_month;
  // Same messages in every design: the workflow trigger's IoT messages (5 KB units of payload + topic) equal
  // the rules design's, and in the rules design both store and alarm are on the message's topic, so each
  // message triggers both (the one whose WHERE is false too): rules triggered (also in 5 KB units,
  // docs/billing-rules.md) are twice its messages.
  CHECK(total(express, "iot.messages") == Approx(total(rules, "iot.messages")).epsilon(1e-12));
  CHECK(total(standard, "iot.messages") == Approx(total(rules, "iot.messages")).epsilon(1e-12));
  CHECK(total(rules, "iot.rules_triggered") == Approx(2 * total(rules, "iot.messages")).epsilon(1e-12));
  CHECK(total(rules, "iot.actions_executed") >= events);
  // About 1% of payloads (lognormal, median 900 B, p95 3 KB) plus topic exceed 5 KB and count twice.
  CHECK(total(rules, "iot.messages") / events == Approx(1.0104).margin(0.004));
  // The same temperatures give the same alarms: SNS publishes agree exactly (no SNS failures modelled).
  CHECK(total(express, "sns.publishes") == Approx(total(rules, "sns.publishes")).epsilon(1e-12));
  CHECK(total(standard, "sns.publishes") == Approx(total(rules, "sns.publishes")).epsilon(1e-12));
  // ~2.3% of messages alarm (temperature ~ N(40, 5) above 50).
  CHECK(total(rules, "sns.publishes") / events == Approx(0.02275).margin(4 * std::sqrt(0.02275 * 0.97725 / 20000)));
  // The rules design runs no Lambda and no workflow; each workflow execution is one Express request and at
  // least one Validate invocation.
  CHECK(total(rules, "lambda.requests") == 0);
  CHECK(total(rules, "sfn.express.requests") == 0);
  CHECK(total(express, "sfn.express.requests") == Approx(events).epsilon(1e-12));
  CHECK(total(express, "lambda.requests") >= events);
  // Standard: three states entered per execution, plus the Retry attempts of throttled invocations.
  const double transitions_per_message = total(standard, "sfn.standard.transitions") / events;
  CHECK(transitions_per_message >= 3.0);
  CHECK(transitions_per_message < 3.01);
  // DynamoDB writes: every stored message, in 1 KB units of the same payloads (failures are rare).
  CHECK(total(rules, "dynamodb.write_request_units") ==
        Approx(total(express, "dynamodb.write_request_units")).epsilon(1e-3));
  CHECK(rules.outcomes.lost == 0);  // every failed write is caught by the rule's error action
}
