// Designs whose `definition:` is a SAM, CloudFormation or CDK template: substitutions decide the service
// each Task is metered as, the workflow type comes from the template unless the design overrides it,
// and a Task whose Resource stays a placeholder is listed as not priced (docs/scenario-format.md
// "Definitions in CloudFormation, SAM and CDK templates").
#include <catch2/catch.hpp>

#include <string>

#include "sfn_test_util.h"

using namespace flowcost;

namespace {

std::string templates_data(const std::string& name) { return std::string(FLOWCOST_TEST_DATA) + "/templates/" + name; }

const model::StepFunctionsDesign& design_of(const model::Scenario& s, const std::string& name) {
  for (const auto& d : s.designs)
    if (d.name == name) return std::get<model::StepFunctionsDesign>(d.design);
  FAIL("no design " << name);
  throw;
}

std::vector<std::string> unpriced_states(const sim::DesignSimulator& sim) {
  std::vector<std::string> out;
  for (const auto& u : sim.unpriced()) out.push_back(u.state + ": " + u.reason);
  return out;
}

}  // namespace

TEST_CASE("template designs: workflow from the template, or the design's workflow") {
  model::Diagnostics diags;
  model::Scenario s = model::load_scenario(templates_data("scenario.yaml"), {}, diags);
  REQUIRE_FALSE(diags.has_errors());
  CHECK(design_of(s, "sam").workflow == model::SfnWorkflow::express);
  CHECK(design_of(s, "sam-standard").workflow == model::SfnWorkflow::standard);
  CHECK(design_of(s, "cfn").workflow == model::SfnWorkflow::standard);
  CHECK(design_of(s, "cdk").workflow == model::SfnWorkflow::express);
  // The template and the definition file it names are both inputs.
  CHECK(design_of(s, "sam").files.count(templates_data("sam_uri.yaml")) == 1);
  CHECK(design_of(s, "sam").files.count(templates_data("statemachine/order.asl.json")) == 1);
}

TEST_CASE("template designs: substituted Resources are metered as the services they name") {
  auto sam = sfn_test::load(templates_data("scenario.yaml"), "sam");
  REQUIRE(sam->sim);
  // Load (${DDBGetItem} = dynamodb:getItem) and Process (!GetAtt ProcessFunction.Arn) are metered; only
  // Notify, whose ${NotifyArn} has no substitution, is not.
  CHECK(unpriced_states(*sam->sim) ==
        std::vector<std::string>{"Notify: the Resource \"${NotifyArn}\" names no service flowcost meters and the "
                                 "Task's behaviour gives no billed call (lambda:, dynamodb:, sqs:, sns:, s3:, "
                                 "rekognition:, firehose:, kinesis:, eventbridge:, fargate: or execution:)"});
  auto cdk = sfn_test::load(templates_data("scenario.yaml"), "cdk");
  REQUIRE(cdk->sim);
  CHECK(cdk->sim->unpriced().empty());  // lambda:invoke and dynamodb:putItem built by Fn::Join
  auto cfn = sfn_test::load(templates_data("scenario.yaml"), "cfn");
  REQUIRE(cfn->sim);
  CHECK(cfn->sim->unpriced().empty());  // a Lambda function, sqs:sendMessage, sns:publish
}
