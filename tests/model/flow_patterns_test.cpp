// The article's three patterns found in the shipped scenarios (model/scenario/flow_patterns.h), with the
// exact states and reasons, and whether IoT rule SQL can express each flow.
#include <catch2/catch.hpp>

#include <variant>

#include "model/scenario/flow_patterns.h"
#include "model/scenario/scenario.h"

using namespace flowcost::model;

namespace {

Scenario shipped(const std::string& name) {
  Diagnostics d;
  Scenario s = load_scenario(std::string(FLOWCOST_SOURCE_DIR) + "/scenarios/" + name + ".yaml", {}, d);
  REQUIRE_FALSE(d.has_errors());
  return s;
}

StepFunctionsDesign design_named(const Scenario& s, const std::string& name) {
  for (const auto& d : s.designs) {
    if (d.name != name) continue;
    REQUIRE_FALSE(has_errors(d));
    return std::get<StepFunctionsDesign>(d.design);
  }
  FAIL("no design " << name);
  throw;
}

using Strings = std::vector<std::string>;

std::vector<std::pair<std::string, std::string>> evidence(const PatternFinding& f) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& e : f.evidence) out.emplace_back(e.state, e.why);
  return out;
}

}  // namespace

TEST_CASE("iot-telemetry: one pattern (a decision); retries alone are not failure handling") {
  const Scenario s = shipped("iot-telemetry");
  for (const char* name : {"step-functions-express", "step-functions-standard"}) {
    const FlowPatterns p = find_flow_patterns(design_named(s, name));
    CHECK(evidence(p.decisions) == std::vector<std::pair<std::string, std::string>>{{"IsAlarm", "Choice between 2 next states"}});
    CHECK_FALSE(p.failure_handling.found());
    CHECK_FALSE(p.long_running.found());
    CHECK(p.count() == 1);
    const RuleSqlFit fit = rule_sql_fit(design_named(s, name));
    CHECK(fit.expressible);
    CHECK(fit.reason == "WHERE clauses for IsAlarm; rule actions Validate (lambda), RaiseAlarm (sns), Store (dynamoDBv2)");
  }
}

TEST_CASE("article-choice: one pattern (the Choice)") {
  const FlowPatterns p = find_flow_patterns(design_named(shipped("article-choice"), "article-choice"));
  CHECK(p.decisions.states() == Strings{"ChoiceState"});
  CHECK(p.decisions.evidence[0].why == "Choice between 3 next states");
  CHECK_FALSE(p.failure_handling.found());
  CHECK_FALSE(p.long_running.found());
  CHECK(p.count() == 1);
}

TEST_CASE("media-transcode: three patterns, with the Lambda-to-Batch fallback on timeout") {
  const StepFunctionsDesign& d = design_named(shipped("media-transcode"), "media-transcode");
  const FlowPatterns p = find_flow_patterns(d);
  CHECK(evidence(p.decisions) ==
        std::vector<std::pair<std::string, std::string>>{{"Analyze", "Parallel of 2 branches calling services"}});
  CHECK(evidence(p.failure_handling) ==
        std::vector<std::pair<std::string, std::string>>{
            {"Transcode", "Catch States.Timeout -> TranscodeOnBatch (a batch .sync job); TimeoutSeconds 840 s"}});
  CHECK(evidence(p.long_running) ==
        std::vector<std::pair<std::string, std::string>>{
            {"Transcode", "an attempt may run 840 s, past Express's 5 minutes"},
            {"TranscodeOnBatch", "runs a batch job to its end (.sync)"}});
  CHECK(p.count() == 3);
  const RuleSqlFit fit = rule_sql_fit(d);
  CHECK_FALSE(fit.expressible);
  CHECK(fit.reason == "state \"DetectLabels\" calls arn:aws:states:::aws-sdk:rekognition:detectLabels, which no rule "
                      "action does");
}

TEST_CASE("promotion-approval: three patterns, the human approval is a callback") {
  const StepFunctionsDesign& d = design_named(shipped("promotion-approval"), "promotion-approval");
  const FlowPatterns p = find_flow_patterns(d);
  CHECK(evidence(p.decisions) == std::vector<std::pair<std::string, std::string>>{
                                     {"AutomatedChecks", "Parallel of 2 branches calling services"},
                                     {"ApprovalDecision", "Choice between 2 next states"}});
  CHECK(evidence(p.failure_handling) ==
        std::vector<std::pair<std::string, std::string>>{
            {"RequestManagerApproval", "Catch States.Timeout -> EscalateToHR; TimeoutSeconds 604800 s"}});
  CHECK(evidence(p.long_running) ==
        std::vector<std::pair<std::string, std::string>>{
            {"RequestManagerApproval",
             "waits for a task token (.waitForTaskToken, callback wait from the scenario); an attempt may run "
             "604800 s, past Express's 5 minutes"}});
  CHECK(p.count() == 3);
  const RuleSqlFit fit = rule_sql_fit(d);
  CHECK_FALSE(fit.expressible);
  CHECK(fit.reason == "state \"CheckCompensationBand\" calls arn:aws:states:::dynamodb:getItem, which no rule action does");
}
