// CloudFormation, SAM and CDK templates as definitions (model/template/): each form, substitutions
// before validation, the workflow type, picking a state machine, and diagnostics at the right place.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "model/asl/state_machine.h"
#include "model/errors.h"
#include "model/template/definition_loader.h"

using namespace flowcost::model;

namespace {

std::string data(const std::string& name) { return std::string(FLOWCOST_TEST_DATA) + "/templates/" + name; }

std::vector<std::string> headlines(const Diagnostics& d) {
  std::vector<std::string> out;
  for (const auto& item : d.items()) out.push_back(diagnostic_headline(item));
  return out;
}

std::vector<std::string> error_headlines(const std::string& path, templates::StateMachinePick pick) {
  try {
    templates::load_definition(read_source_file(path), pick, std::nullopt);
  } catch (const InputError& e) {
    std::vector<std::string> out;
    for (const auto& item : e.diagnostics()) out.push_back(diagnostic_headline(item));
    return out;
  }
  return {"(no error)"};
}

const asl::State& state(const asl::StateMachine& m, const std::string& name) {
  for (const auto& s : m.top.states)
    if (s.name.value == name) return s;
  FAIL("no state " << name);
  throw;
}

const asl::Resource& resource(const asl::StateMachine& m, const std::string& name) {
  return std::get<asl::TaskState>(state(m, name).body).resource;
}

using Lines = std::vector<std::string>;

}  // namespace

TEST_CASE("a SAM template with DefinitionUri: substitutions decide the service each Task meters") {
  Diagnostics warnings;
  std::string path = data("sam_uri.yaml");
  auto loaded = templates::load_definition(read_source_file(path), {}, std::nullopt, &warnings);
  CHECK(loaded.express);  // Type: EXPRESS
  CHECK(loaded.files.size() == 2);
  CHECK(loaded.files.count(data("statemachine/order.asl.json")) == 1);
  const auto& load = resource(loaded.machine, "Load");
  CHECK(load.kind == asl::ResourceKind::optimized_integration);
  CHECK(load.service == "dynamodb");
  CHECK(load.action == "getItem");
  const auto& process = resource(loaded.machine, "Process");
  CHECK(process.kind == asl::ResourceKind::lambda_function);
  CHECK(process.function_name == "ProcessFunction");
  CHECK(process.arn.value == "arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:ProcessFunction");
  // "MaxAttempts": "${RetryLimit}" with RetryLimit: 3 reads as the integer 3.
  REQUIRE(state(loaded.machine, "Process").retry.size() == 1);
  CHECK(state(loaded.machine, "Process").retry[0].max_attempts == 3);
  CHECK(resource(loaded.machine, "Notify").kind == asl::ResourceKind::unknown);
  // The warning is in the definition file, at the string that holds the placeholder.
  CHECK(headlines(warnings) ==
        Lines{data("statemachine/order.asl.json") +
              ":19:19: warning: placeholder \"${NotifyArn}\" is left as it is (DefinitionSubstitutions has no "
              "\"NotifyArn\"); flowcost reads the definition with the placeholder in place"});
}

TEST_CASE("a DefinitionUri JSON file with placeholders outside strings is substituted as text, as CloudFormation does") {
  const std::string head = "Resources:\n  Flow:\n    Type: AWS::Serverless::StateMachine\n    Properties:\n"
                           "      DefinitionUri: statemachine/pause_then_call.asl.json\n"
                           "      DefinitionSubstitutions:\n        WorkerArn: arn:aws:lambda:eu-west-1:123456789012:function:w\n";
  auto load = [&](const std::string& subs) {
    return templates::load_definition(make_source_file(data("bare.yaml"), head + subs), {}, std::nullopt);
  };
  auto loaded = load("        PauseSeconds: 30\n        CallTimeout: 60\n");
  CHECK(std::get<asl::WaitState>(state(loaded.machine, "Pause").body).seconds == 30.0);
  CHECK(std::get<asl::TaskState>(state(loaded.machine, "Call").body).timeout_seconds.literal == 60.0);
  auto errors_of = [&](const std::string& subs) {
    try {
      load(subs);
    } catch (const InputError& e) {
      Lines out;
      for (const auto& item : e.diagnostics()) out.push_back(diagnostic_headline(item));
      return out;
    }
    return Lines{"(no error)"};
  };
  // A substituted value is checked at the placeholder's position in the definition file.
  CHECK(errors_of("        PauseSeconds: 30\n        CallTimeout: 0\n") ==
        Lines{data("statemachine/pause_then_call.asl.json") +
              ":9:25: error: state \"Call\": \"TimeoutSeconds\" must be a positive integer, not 0"});
  // Without a value the file is not JSON: CloudFormation rejects the template.
  CHECK(errors_of("        PauseSeconds: 30\n") ==
        Lines{data("statemachine/pause_then_call.asl.json") +
              ":9:25: error: placeholder \"${CallTimeout}\" stands outside a string, and DefinitionSubstitutions "
              "gives no \"CallTimeout\": the definition is not JSON without it (CloudFormation rejects the "
              "template)"});
}

TEST_CASE("the design's workflow overrides the template's type") {
  auto loaded = templates::load_definition(read_source_file(data("sam_uri.yaml")), {}, false);
  CHECK_FALSE(loaded.express);
}

TEST_CASE("CloudFormation DefinitionString with Fn::Sub: parameters, resources, pseudo parameters") {
  Diagnostics warnings;
  std::string path = data("cfn_sub.json");
  auto loaded = templates::load_definition(read_source_file(path), {std::string("Pipeline"), {}}, std::nullopt,
                                           &warnings);
  CHECK_FALSE(loaded.express);  // StateMachineType: STANDARD
  CHECK(resource(loaded.machine, "Work").kind == asl::ResourceKind::lambda_function);
  CHECK(resource(loaded.machine, "Work").function_name == "worker");  // its FunctionName
  CHECK(resource(loaded.machine, "Queue").service == "sqs");
  CHECK(resource(loaded.machine, "Queue").action == "sendMessage");
  const auto& queue = std::get<asl::TaskState>(state(loaded.machine, "Queue").body);
  REQUIRE(queue.parameters);
  CHECK(queue.parameters->find("QueueUrl")->text ==
        "https://sqs.${AWS::Region}.amazonaws.com/${AWS::AccountId}/Jobs");
  CHECK(queue.parameters->find("MessageBody")->text == "prod");  // the parameter's Default
  // A parameter without Default stays a placeholder, with a warning at the character that wrote it.
  CHECK(headlines(warnings) ==
        Lines{path + ":14:470: warning: placeholder \"${TopicArn}\" is left as it is (parameter \"TopicArn\" has no "
                     "Default, so its value is known only at deployment); flowcost reads the definition with the "
                     "placeholder in place"});
}

TEST_CASE("an error in a one-line DefinitionString is reported at its character in the template") {
  // Fn::Sub [string, map]: ${Fn} comes from the map; "Nxt" is at line 20, column 134 of the template.
  CHECK(error_headlines(data("cfn_sub.json"), {std::string("Audit"), {}}) ==
        Lines{data("cfn_sub.json") + ":20:134: error: state \"Log\": unknown field \"Nxt\"; did you mean \"Next\"?"});
}

TEST_CASE("a one-line DefinitionString with \\u escapes: the error's column is still the template's") {
  // "\u00e9" and the surrogate pair "\ud83d\ude80" decode to 2 and 4 bytes; "Nxt" is at column 205.
  const std::string path = data("definition_string_escapes.json");
  CHECK(error_headlines(path, {std::nullopt, {}}) ==
        Lines{path + ":1:205: error: state \"A\": unknown field \"Nxt\"; did you mean \"Next\"?"});
}

TEST_CASE("several state machines: state_machine picks one; none or an unknown one is an error") {
  std::string path = data("cfn_sub.json");
  SourceLocation at{"scenario.yaml", 7, 20};
  CHECK(error_headlines(path, {std::nullopt, at}) ==
        Lines{"scenario.yaml:7:20: error: " + path +
              " has 2 state machines (Pipeline, Audit): name one with state_machine: LOGICAL_ID"});
  CHECK(error_headlines(path, {std::string("Pipline"), at}) ==
        Lines{"scenario.yaml:7:20: error: state_machine \"Pipline\" is not a state machine of " + path +
              "; did you mean \"Pipeline\"? (its state machines: Pipeline, Audit)"});
  CHECK(error_headlines(data("statemachine/order.asl.json"), {std::string("Pipeline"), at}) ==
        Lines{"scenario.yaml:7:20: error: state_machine applies to a CloudFormation or SAM template, and " +
              data("statemachine/order.asl.json") + " is an ASL definition"});
}

TEST_CASE("a CDK synthesized template: DefinitionString as Fn::Join of strings, Refs and GetAtts") {
  Diagnostics warnings;
  auto loaded = templates::load_definition(read_source_file(data("cdk.out/OrdersStack.template.json")), {},
                                           std::nullopt, &warnings);
  CHECK(warnings.empty());
  CHECK(loaded.express);
  const auto& validate = resource(loaded.machine, "Validate");
  CHECK(validate.service == "lambda");
  CHECK(validate.action == "invoke");
  const auto& validate_task = std::get<asl::TaskState>(state(loaded.machine, "Validate").body);
  CHECK(validate_task.parameters->find("FunctionName")->text ==
        "arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:ValidateFn1B0A7C2D");
  const auto& store = resource(loaded.machine, "Store");
  CHECK(store.service == "dynamodb");
  CHECK(store.action == "putItem");
  CHECK(std::get<asl::TaskState>(state(loaded.machine, "Store").body).parameters->find("TableName")->text ==
        "OrdersTableC3B5E2F9");
  CHECK(loaded.machine.timeout_seconds == 300);
}

TEST_CASE("SAM inline Definition with short-form tags and substitutions") {
  Diagnostics warnings;
  auto loaded = templates::load_definition(read_source_file(data("sam_inline.yaml")), {std::string("Thumbnails"), {}},
                                           std::nullopt, &warnings);
  CHECK(warnings.empty());
  CHECK_FALSE(loaded.express);  // no Type: STANDARD
  CHECK(resource(loaded.machine, "Resize").kind == asl::ResourceKind::lambda_function);
  CHECK(resource(loaded.machine, "Record").service == "dynamodb");
  CHECK(resource(loaded.machine, "Record").action == "putItem");
  CHECK(resource(loaded.machine, "Record").arn.loc.line == 21);
}

TEST_CASE("a DefinitionString written as a YAML block: errors at their line and column in the template") {
  CHECK(error_headlines(data("sam_inline.yaml"), {std::string("Report"), {}}) ==
        Lines{data("sam_inline.yaml") + ":41:33: error: state \"Tell\": \"TimeoutSeconds\" must be an integer, not "
                                        "a string"});
}

TEST_CASE("template errors: no or two definitions, an S3 location, a bad type, an unknown reference") {
  auto errors_of = [](const std::string& text) {
    try {
      templates::load_definition(make_source_file("t.yaml", text), {}, std::nullopt);
    } catch (const InputError& e) {
      std::vector<std::string> out;
      for (const auto& item : e.diagnostics()) out.push_back(diagnostic_headline(item));
      return out;
    }
    return std::vector<std::string>{"(no error)"};
  };
  const std::string head = "Resources:\n  Flow:\n    Type: AWS::Serverless::StateMachine\n    Properties:\n";
  CHECK(errors_of("Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n") ==
        Lines{"t.yaml:1:1: error: t.yaml has no AWS::StepFunctions::StateMachine or AWS::Serverless::StateMachine "
              "resource"});
  CHECK(errors_of(head + "      Type: STANDARD\n") ==
        Lines{"t.yaml:5:7: error: state machine \"Flow\" has no definition (Definition or DefinitionUri)"});
  CHECK(errors_of(head + "      DefinitionUri: a.json\n      Definition: {StartAt: A, States: {A: {Type: Succeed}}}\n") ==
        Lines{"t.yaml:5:7: error: state machine \"Flow\" has both \"Definition\" and \"DefinitionUri\"; give one "
              "definition"});
  CHECK(errors_of(head + "      DefinitionUri: {Bucket: b, Key: k}\n") ==
        Lines{"t.yaml:5:22: error: DefinitionUri names an S3 location, which flowcost cannot read; give the local "
              "path of the definition file (as in the template before `sam package` / `aws cloudformation "
              "package`)"});
  CHECK(errors_of(head + "      DefinitionUri: statemachine/none.asl.json\n") ==
        Lines{"t.yaml:5:22: error: cannot read \"statemachine/none.asl.json\": no such file"});
  CHECK(errors_of(head + "      Type: FAST\n      Definition: {StartAt: A, States: {A: {Type: Succeed}}}\n") ==
        Lines{"t.yaml:5:13: error: Type must be STANDARD or EXPRESS, not \"FAST\""});
  CHECK(errors_of(head + "      DefinitionSubstitutions:\n        Fn: !Sub ${Handler.Arn}\n"
                         "      Definition: {StartAt: A, States: {A: {Type: Task, Resource: '${Fn}', End: true}}}\n") ==
        Lines{"t.yaml:6:18: error: Fn::Sub variable \"${Handler.Arn}\" names \"Handler\", which is not a parameter "
              "or resource of this template (CloudFormation rejects the template)",
              "t.yaml:7:67: warning: placeholder \"${Fn}\" is left as it is (its DefinitionSubstitutions value is in "
              "error); flowcost reads the definition with the placeholder in place"});
}
