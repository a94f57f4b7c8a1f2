// Every definition in tests/data/asl/invalid/ with the exact diagnostics it must produce (whole headlines,
// sorted by position). The files are named after the rule of docs/sources.md#asl-validation they break (r01..r13)
// or the input problem they show (empty, binary, malformed UTF-8, deep nesting, duplicate keys, ...).
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "model/asl/loader.h"
#include "model/asl/validator.h"
#include "model/errors.h"

using namespace flowcost::model;

namespace {

struct Case {
  const char* dir;  // "invalid" (at least one error) or "warnings" (warnings only)
  const char* file;
  bool express;
  std::vector<std::string> expected;
};

std::string data_dir(const std::string& dir) { return std::string(FLOWCOST_TEST_DATA) + "/asl/" + dir + "/"; }

// Loads and validates tests/data/asl/DIR/NAME, naming it NAME in diagnostics.
std::vector<std::string> headlines(const std::string& dir, const std::string& name, bool express) {
  std::ifstream in(data_dir(dir) + name, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  Diagnostics diags;
  try {
    SourceFile file = make_source_file(name, bytes.str());
    auto machine = asl::load_state_machine(file, diags);
    if (machine) asl::validate(*machine, asl::ValidateOptions{express}, diags);
  } catch (const InputError& e) {
    for (const auto& d : e.diagnostics()) diags.add(d);
  }
  diags.sort();
  std::vector<std::string> out;
  for (const auto& d : diags.items()) out.push_back(diagnostic_headline(d));
  return out;
}

const std::vector<Case>& cases() {
  static const std::vector<Case> all = {
      {"invalid", "bad_placeholder.asl.json", false, {
          "bad_placeholder.asl.json:4:40: error: unterminated placeholder \"${FunctionArn\": missing \"}\"",
          "bad_placeholder.asl.json:4:81: error: empty placeholder \"${}\"",
      }},
      {"invalid", "bare_placeholder_syntax.asl.json", false, {
          "bare_placeholder_syntax.asl.json:4:71: error: invalid JSON: syntax error while parsing object key - unexpected '}'; expected string literal",
      }},
      {"invalid", "binary.asl.json", false, {
          "binary.asl.json:1:16: error: file is binary, not text (NUL byte)",
      }},
      {"invalid", "deep_nesting.asl.json", false, {
          "deep_nesting.asl.json:1:158: error: nesting is deeper than 100 levels",
      }},
      {"invalid", "duplicate_keys.asl.json", false, {
          "duplicate_keys.asl.json:6:5: error: duplicate key \"A\" (first defined at line 4)",
      }},
      {"invalid", "empty.asl.json", false, {
          "empty.asl.json:1:1: error: file is empty",
      }},
      {"invalid", "malformed_utf8.asl.json", false, {
          "malformed_utf8.asl.json:2:15: error: malformed UTF-8",
      }},
      {"invalid", "not_asl.json", false, {
          "not_asl.json:1:1: error: missing required field \"StartAt\"",
          "not_asl.json:1:1: error: missing required field \"States\"",
          "not_asl.json:1:2: error: unknown field \"name\"",
          "not_asl.json:1:21: error: unknown field \"version\"; did you mean \"Version\"?",
      }},
      {"invalid", "r01_branch_start_at.asl.json", false, {
          "r01_branch_start_at.asl.json:6:32: error: state \"Fan\", branch 1: \"StartAt\" names state \"Missing\", which does not exist",
      }},
      {"invalid", "r01_start_at_unknown.asl.json", false, {
          "r01_start_at_unknown.asl.json:2:14: error: \"StartAt\" names state \"Frist\", which does not exist; did you mean \"First\"?",
      }},
      {"invalid", "r02_jump_out_of_branch.asl.json", false, {
          "r02_jump_out_of_branch.asl.json:7:40: error: state \"Fan\", branch 1: no terminal state in this block: end a state with \"End\": true or use a Succeed or Fail state",
          "r02_jump_out_of_branch.asl.json:7:75: error: state \"Inner\": \"Next\" names state \"After\", which is in another block; a transition cannot enter or leave a Parallel branch or a Map item processor",
          "r02_jump_out_of_branch.asl.json:11:92: error: state \"After\": \"Next\" names state \"Inner\", which is in another block; a transition cannot enter or leave a Parallel branch or a Map item processor",
      }},
      {"invalid", "r02_next_unknown.asl.json", false, {
          "r02_next_unknown.asl.json:4:105: error: state \"Load\": \"Next\" names state \"Sotre\", which does not exist; did you mean \"Store\"?",
          "r02_next_unknown.asl.json:5:5: error: state \"Store\" is unreachable: no transition leads to it from \"Load\"",
      }},
      {"invalid", "r03_missing_transition.asl.json", false, {
          "r03_missing_transition.asl.json:5:5: error: state \"B\": needs \"Next\" or \"End\": true",
          "r03_missing_transition.asl.json:6:92: error: state \"C\": a Choice state cannot have \"End\"",
          "r03_missing_transition.asl.json:7:30: error: state \"D\": a Succeed state cannot have \"Next\"",
          "r03_missing_transition.asl.json:8:40: error: state \"E\": \"Next\" and \"End\" cannot both be given",
      }},
      {"invalid", "r04_no_terminal.asl.json", false, {
          "r04_no_terminal.asl.json:3:13: error: no terminal state in this block: end a state with \"End\": true or use a Succeed or Fail state",
      }},
      {"invalid", "r05_unreachable.asl.json", false, {
          "r05_unreachable.asl.json:5:5: error: state \"Orphan\" is unreachable: no transition leads to it from \"Start\"",
      }},
      {"invalid", "r06_duplicate_names.asl.json", false, {
          "r06_duplicate_names.asl.json:6:55: error: state name \"Work\" is already used at line 4; names must be unique in the whole machine",
          "r06_duplicate_names.asl.json:9:5: error: state name \"ThisStateNameIsFarTooLongForStepFunctionsBecauseItGoesOnAndOnPastEightyCharactersX\" is longer than 80 characters",
      }},
      {"invalid", "r07_retry_catch.asl.json", false, {
          "r07_retry_catch.asl.json:8:26: error: state \"Call\": \"States.ALL\" must be in the last retrier",
          "r07_retry_catch.asl.json:9:25: error: state \"Call\": \"States.ALL\" must be the only name in \"ErrorEquals\"",
          "r07_retry_catch.asl.json:9:26: error: state \"Call\": \"States.ALL\" must be in the last retrier",
          "r07_retry_catch.asl.json:9:44: warning: state \"Call\": \"States.ALL\" is already matched by retrier 1, so this one never handles it",
          "r07_retry_catch.asl.json:9:74: error: state \"Call\": \"BackoffRate\" must be at least 1, not 0.5",
          "r07_retry_catch.asl.json:9:97: error: state \"Call\": \"JitterStrategy\" must be \"FULL\" or \"NONE\", not \"RANDOM\"",
          "r07_retry_catch.asl.json:10:25: error: state \"Call\": \"ErrorEquals\" must name at least one error",
          "r07_retry_catch.asl.json:10:48: error: state \"Call\": \"IntervalSeconds\" must be a positive integer, not 0",
          "r07_retry_catch.asl.json:10:70: error: state \"Call\": \"MaxDelaySeconds\" must be at most 31622400, not 99999999",
          "r07_retry_catch.asl.json:11:26: warning: state \"Call\": unknown error name \"States.Timeot\"; did you mean \"States.Timeout\"? (names starting with \"States.\" are reserved; Step Functions accepts the name, but raises no error of that name itself)",
          "r07_retry_catch.asl.json:11:59: error: state \"Call\": \"MaxAttempts\" must be a non-negative integer, not -1",
          "r07_retry_catch.asl.json:13:17: error: state \"Call\": missing required field \"Next\"",
          "r07_retry_catch.asl.json:16:30: error: state \"Done\": a Pass state cannot have \"Retry\"",
      }},
      {"invalid", "r08_exclusive_fields.asl.json", false, {
          "r08_exclusive_fields.asl.json:8:7: error: state \"Call\": \"TimeoutSeconds\" and \"TimeoutSecondsPath\" cannot both be given",
          "r08_exclusive_fields.asl.json:15:27: error: state \"Beat\": \"HeartbeatSeconds\" (30) must be less than \"TimeoutSeconds\" (30)",
          "r08_exclusive_fields.asl.json:18:45: error: state \"Pause\": a Wait state takes exactly one of \"Seconds\", \"Timestamp\", \"SecondsPath\" and \"TimestampPath\"; \"Seconds\" is already given",
          "r08_exclusive_fields.asl.json:19:13: error: state \"Idle\": a Wait state needs one of \"Seconds\", \"Timestamp\", \"SecondsPath\" and \"TimestampPath\"",
          "r08_exclusive_fields.asl.json:23:7: error: state \"Each\": \"ItemProcessor\" and \"Iterator\" cannot both be given",
          "r08_exclusive_fields.asl.json:26:47: error: state \"Stop\": \"Error\" and \"ErrorPath\" cannot both be given",
      }},
      {"invalid", "r09_choice_rules.asl.json", false, {
          "r09_choice_rules.asl.json:7:9: error: state \"Route\": choice rule has no \"Next\"",
          "r09_choice_rules.asl.json:8:58: error: state \"Route\": a rule inside \"And\", \"Or\" or \"Not\" cannot have \"Next\"",
          "r09_choice_rules.asl.json:9:49: error: state \"Route\": choice rule has both \"NumericEquals\" and \"NumericLessThan\"; combine tests with \"And\" or \"Or\"",
          "r09_choice_rules.asl.json:10:48: error: state \"Route\": \"TimestampEquals\" must be an RFC 3339 timestamp such as \"2026-01-31T08:00:00Z\", not \"2026-13-01 10:00:00\"",
          "r09_choice_rules.asl.json:11:16: error: state \"Route\": \"Or\" must hold at least one rule",
          "r09_choice_rules.asl.json:12:9: error: state \"Route\": choice rule needs a comparison such as \"StringEquals\", or \"And\", \"Or\", \"Not\"",
          "r09_choice_rules.asl.json:12:32: error: state \"Route\": unknown field \"StringEquls\"; did you mean \"StringEquals\"?",
          "r09_choice_rules.asl.json:13:9: error: state \"Route\": choice rule with \"NumericEquals\" has no \"Variable\"",
          "r09_choice_rules.asl.json:13:27: error: state \"Route\": \"NumericEquals\" must be a number, not a string",
      }},
      {"invalid", "r10_not_a_path.asl.json", false, {
          "r10_not_a_path.asl.json:7:61: error: state \"Select\": \"Payload.$\": \"payload\" is neither a path (starting with \"$\") nor an intrinsic function such as \"States.Format(...)\"",
          "r10_not_a_path.asl.json:7:84: error: state \"Select\": \"Padded.$\": \" States.UUID()\" is neither a path (starting with \"$\") nor an intrinsic function such as \"States.Format(...)\"",
          "r10_not_a_path.asl.json:8:36: error: state \"Select\": \"rows.$\": unknown intrinsic function \"States.Xyz\"",
          "r10_not_a_path.asl.json:9:20: error: state \"Select\": \"InputPath\" is not a valid path: a path must start with \"$\"",
      }},
      {"invalid", "r10_payload_templates.asl.json", false, {
          "r10_payload_templates.asl.json:7:16: error: state \"Build\": \"a.$\": unknown intrinsic function \"States.Formatt\"; did you mean \"States.Format\"?",
          "r10_payload_templates.asl.json:8:16: error: state \"Build\": \"b.$\": \"States.Format\" template has 2 placeholders but 1 value",
          "r10_payload_templates.asl.json:9:16: error: state \"Build\": \"c.$\": \"States.UUID\" takes 0 arguments, not 1",
          "r10_payload_templates.asl.json:10:16: error: state \"Build\": \"d.$\": invalid path \"$.items[\": missing \"]\"",
          "r10_payload_templates.asl.json:11:14: warning: state \"Build\": \"e\": \"$.not.evaluated\" looks like a path, but the key does not end in \".$\", so it is passed as a literal string",
          "r10_payload_templates.asl.json:13:9: error: state \"Build\": \"f\" and \"f.$\" name the same field",
          "r10_payload_templates.asl.json:14:16: error: state \"Build\": \"g.$\": unterminated string (a quote inside a string is written \\')",
          "r10_payload_templates.asl.json:15:16: error: state \"Build\": \"h.$\" must be a string (a path or an intrinsic function), not a number",
          "r10_payload_templates.asl.json:17:21: error: state \"Build\": \"ResultPath\" is not a valid reference path: cannot write into the context object \"$$\"",
          "r10_payload_templates.asl.json:20:30: warning: state \"Done\": \"Result\" is static: keys ending in \".$\" are not evaluated there; use \"Parameters\" to build the output from the input",
      }},
      // JSON's surrogate pairs of escapes (an emoji) are characters; a later position on the line is the file's.
      {"invalid", "surrogate_pairs.asl.json", false, {
          "surrogate_pairs.asl.json:3:13: error: no terminal state in this block: end a state with \"End\": true or use a Succeed or Fail state",
          "surrogate_pairs.asl.json:4:74: error: state \"A\": \"Next\" names state \"Missing\", which does not exist",
      }},
      {"invalid", "r11_jsonata_mismatch.asl.json", false, {
          "r11_jsonata_mismatch.asl.json:8:7: error: state \"Call\": \"Parameters\" is a JSONPath field, but the state uses JSONata; use \"Arguments\"",
          "r11_jsonata_mismatch.asl.json:9:7: error: state \"Call\": \"ResultPath\" is a JSONPath field, but the state uses JSONata; use \"Output\"",
          "r11_jsonata_mismatch.asl.json:10:17: error: state \"Call\": \"$\" and \"$$\" cannot be used at the top level of a JSONata expression; use $states.input",
          "r11_jsonata_mismatch.asl.json:13:46: error: state \"Old\": a JSONata state machine cannot contain JSONPath states",
          "r11_jsonata_mismatch.asl.json:16:16: error: state \"Each\": \"Items\" must be an array, an object or a JSONata expression \"{% ... %}\", not a string",
          "r11_jsonata_mismatch.asl.json:17:25: error: state \"Each\", item processor: an item processor cannot declare \"QueryLanguage\"; set it on the states",
          "r11_jsonata_mismatch.asl.json:20:44: error: state \"Pick\": choice rule has no \"Condition\"",
          "r11_jsonata_mismatch.asl.json:20:45: error: state \"Pick\": \"Variable\" is a JSONPath field, but the state uses JSONata; use \"Condition\"",
          "r11_jsonata_mismatch.asl.json:20:64: error: state \"Pick\": \"BooleanEquals\" is a JSONPath field, but the state uses JSONata; use \"Condition\"",
          "r11_jsonata_mismatch.asl.json:20:118: error: state \"Pick\": invalid JSONata: unexpected end of expression",
      }},
      {"invalid", "r11_jsonata_syntax.asl.json", false, {
          "r11_jsonata_syntax.asl.json:9:16: error: state \"Shape\": invalid JSONata: unexpected \"2\" at character 9",
          "r11_jsonata_syntax.asl.json:10:17: error: state \"Shape\": invalid JSONata: unexpected end of expression",
          "r11_jsonata_syntax.asl.json:11:17: error: state \"Shape\": incomplete JSONata expression: write \"{% expression %}\"",
          "r11_jsonata_syntax.asl.json:12:18: error: state \"Shape\": incomplete JSONata expression: write \"{% expression %}\"",
          "r11_jsonata_syntax.asl.json:13:17: error: state \"Shape\": \"$\" and \"$$\" cannot be used at the top level of a JSONata expression; use $states.input",
          "r11_jsonata_syntax.asl.json:14:17: error: state \"Shape\": invalid JSONata: expected \")\" before the end of the expression",
          "r11_jsonata_syntax.asl.json:16:23: error: state \"Shape\": invalid JSONata: expected \":\", found \"1\" at character 7",
          "r11_jsonata_syntax.asl.json:21:33: error: state \"Pick\": invalid JSONata: unexpected end of expression",
          "r11_jsonata_syntax.asl.json:21:63: error: state \"Pick\": a choice rule cannot have \"End\"; it names its target with \"Next\"",
      }},
      {"invalid", "r11_jsonpath_state_with_jsonata_fields.asl.json", false, {
          "r11_jsonpath_state_with_jsonata_fields.asl.json:7:7: error: state \"Call\": \"Arguments\" is a JSONata field, but the state uses JSONPath; use \"Parameters\"",
          "r11_jsonpath_state_with_jsonata_fields.asl.json:8:7: error: state \"Call\": \"Output\" is a JSONata field, but the state uses JSONPath; use \"OutputPath\"",
      }},
      {"invalid", "r12_distributed_map.asl.json", false, {
          "r12_distributed_map.asl.json:7:28: error: state \"Big\", item processor: \"Mode\": \"DISTRIBUTED\" needs \"ExecutionType\" (\"STANDARD\" or \"EXPRESS\")",
          "r12_distributed_map.asl.json:15:7: warning: state \"Small\": \"ItemReader\" applies only to a Distributed Map; set \"ProcessorConfig\": {\"Mode\": \"DISTRIBUTED\"} in the item processor",
          "r12_distributed_map.asl.json:16:7: warning: state \"Small\": \"ToleratedFailurePercentage\" applies only to a Distributed Map; set \"ProcessorConfig\": {\"Mode\": \"DISTRIBUTED\"} in the item processor",
          "r12_distributed_map.asl.json:16:37: error: state \"Small\": \"ToleratedFailurePercentage\" must be at most 100, not 120",
          "r12_distributed_map.asl.json:25:61: error: state \"Callback\": the .waitForTaskToken integration pattern is not supported in the EXPRESS child workflows of Distributed Map \"Kids\" (Express workflows support request-response only)",
      }},
      {"invalid", "r12_express.asl.json", true, {
          "r12_express.asl.json:4:41: error: state \"Run\": the .sync integration pattern is not supported in an Express state machine (Express workflows support request-response only)",
          "r12_express.asl.json:5:45: error: state \"Approve\": the .waitForTaskToken integration pattern is not supported in an Express state machine (Express workflows support request-response only)",
          "r12_express.asl.json:6:42: error: state \"Work\": activities are not supported in an Express state machine",
      }},
      {"invalid", "r12_lambda_names.asl.json", false, {
          "r12_lambda_names.asl.json:4:48: error: state \"EmptyAlias\": invalid \"Resource\": \"\" is not a Lambda alias or version (letters, digits, -, _ or $LATEST)",
          "r12_lambda_names.asl.json:5:46: error: state \"BadAlias\": invalid \"Resource\": \"v*1\" is not a Lambda alias or version (letters, digits, -, _ or $LATEST)",
          "r12_lambda_names.asl.json:6:45: error: state \"BadName\": invalid \"Resource\": \"re size\" is not a Lambda function name (letters, digits, - and _)",
      }},
      {"invalid", "r12_resources.asl.json", false, {
          "r12_resources.asl.json:4:39: error: state \"A\": invalid \"Resource\": \"my-function\" is not an ARN (arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE)",
          "r12_resources.asl.json:5:39: error: state \"B\": invalid \"Resource\": a Lambda function ARN has the form \"arn:aws:lambda:REGION:ACCOUNT:function:NAME[:ALIAS]\"",
          "r12_resources.asl.json:6:39: error: state \"C\": invalid \"Resource\": unknown integration pattern \".synch\"; did you mean \".sync\"? (use .sync, .sync:2 or .waitForTaskToken)",
          "r12_resources.asl.json:7:39: error: state \"D\": invalid \"Resource\": AWS SDK integrations do not support \".sync\" (only request-response and .waitForTaskToken)",
          "r12_resources.asl.json:8:39: warning: state \"E\": \"Resource\": Step Functions runs Lambda functions, activities and \"arn:aws:states:::\" integrations, not \"sns\" resources",
          "r12_resources.asl.json:9:39: error: state \"F\": invalid \"Resource\": unknown partition \"azure\" (aws, aws-cn or aws-us-gov)",
          "r12_resources.asl.json:10:39: error: state \"G\": invalid \"Resource\": the HTTP task resource is \"arn:aws:states:::http:invoke\"",
      }},
      {"invalid", "r13_variables.asl.json", false, {
          "r13_variables.asl.json:4:53: error: state \"Init\": \"Assign\": \"states\" is reserved and cannot be assigned",
          "r13_variables.asl.json:4:66: warning: state \"Init\": \"Assign\": \"2fast\" is not a valid variable name (letters, digits and _, not starting with a digit)",
          "r13_variables.asl.json:8:76: warning: state \"Bump\": variable \"count\" is also assigned in an enclosing block; this Parallel branch or Map iteration assigns its own copy, and the enclosing block keeps its value",
          "r13_variables.asl.json:10:21: error: state \"Fan\": \"ResultPath\" is not a valid reference path: cannot write into a variable",
      }},
      {"invalid", "aws_rejects_jsonata.asl.json", false, {
          "aws_rejects_jsonata.asl.json:8:32: error: state \"Call\": \"$states.result\" does not exist in \"Arguments\": only the \"Output\" and \"Assign\" of a Task, Parallel or Map state can read it",
          "aws_rejects_jsonata.asl.json:9:17: error: state \"Call\": \"$states.errorOutput\" does not exist in \"Output\": only a catcher's \"Output\" and \"Assign\" can read it",
          "aws_rejects_jsonata.asl.json:10:59: error: state \"Call\": \"$states.result\" does not exist in a catcher's \"Output\": only the \"Output\" and \"Assign\" of a Task, Parallel or Map state can read it",
          "aws_rejects_jsonata.asl.json:13:49: error: state \"Show\": \"$states.result\" does not exist in \"Output\": only the \"Output\" and \"Assign\" of a Task, Parallel or Map state can read it",
          "aws_rejects_jsonata.asl.json:14:49: error: state \"Name\": invalid JSONata: \"??\" at character 21 is a JSONata 2.1 operator; Step Functions implements JSONata 2.0.6, which does not have it (write \"A ? A : B\" or \"$exists(A) ? A : B\")",
      }},
      {"invalid", "aws_rejects.asl.json", false, {
          "aws_rejects.asl.json:4:39: error: state \"A\": invalid \"Resource\": the DynamoDB optimized integration has no action \"query\" (it supports getItem, putItem, updateItem and deleteItem; call other actions through \"arn:aws:states:::aws-sdk:dynamodb:ACTION\")",
          "aws_rejects.asl.json:4:89: error: state \"A\": \"Credentials\" needs \"RoleArn\" (the IAM role to assume)",
          "aws_rejects.asl.json:5:39: error: state \"B\": invalid \"Resource\": the DynamoDB optimized integration does not support \".sync\" (request-response only)",
          "aws_rejects.asl.json:5:108: error: state \"B\": \"Credentials\": \"RoleArn\" must be a string (an IAM role ARN), not a number",
          "aws_rejects.asl.json:6:39: error: state \"C\": invalid \"Resource\": the Lambda optimized integration does not support \".sync\" (request-response and .waitForTaskToken only)",
          "aws_rejects.asl.json:6:105: error: state \"C\": \"Credentials\": \"RoleArn\" must not be empty",
          "aws_rejects.asl.json:7:39: error: state \"D\": invalid \"Resource\": the SQS optimized integration has no action \"sendMesage\"; did you mean \"sendMessage\"? (it supports sendMessage; call other actions through \"arn:aws:states:::aws-sdk:sqs:ACTION\")",
          "aws_rejects.asl.json:7:90: error: state \"D\": \"Credentials\": unknown field \"Role\"",
          "aws_rejects.asl.json:8:52: warning: state \"E\": \"text.$\": \"\\n\" in a string is not one of the escapes Step Functions documents for intrinsic functions (\\', \\{, \\} and \\\\); flowcost keeps the backslash and the character as written",
          "aws_rejects.asl.json:9:36: error: state \"M1\": \"Label\" cannot contain a space (Step Functions forbids whitespace, the brackets < > { } [ ], the wildcards ? *, the characters \" # % \\ ^ | ~ ` $ & , ; : and control characters)",
          "aws_rejects.asl.json:10:36: error: state \"M2\": \"Label\" cannot contain \":\" (Step Functions forbids whitespace, the brackets < > { } [ ], the wildcards ? *, the characters \" # % \\ ^ | ~ ` $ & , ; : and control characters)",
          "aws_rejects.asl.json:11:36: error: state \"M3\": \"Label\" cannot contain \"$\" (Step Functions forbids whitespace, the brackets < > { } [ ], the wildcards ? *, the characters \" # % \\ ^ | ~ ` $ & , ; : and control characters)",
          "aws_rejects.asl.json:12:36: error: state \"M4\": \"Label\" cannot contain \"?\" (Step Functions forbids whitespace, the brackets < > { } [ ], the wildcards ? *, the characters \" # % \\ ^ | ~ ` $ & , ; : and control characters)",
          "aws_rejects.asl.json:13:54: error: state \"R1\": \"ItemReader\": invalid \"Resource\": an ItemReader reads with \"arn:aws:states:::s3:listObjectsV2\" or \"arn:aws:states:::s3:getObject\", not \"arn:aws:states:::s3:putObject\"",
          "aws_rejects.asl.json:14:44: error: state \"R2\": \"ResultWriter\": \"Resource\" needs \"Parameters\" (the \"Bucket\" and \"Prefix\" to write the results to)",
          "aws_rejects.asl.json:15:44: error: state \"R3\": \"ResultWriter\": \"Parameters\" needs \"Resource\": \"arn:aws:states:::s3:putObject\"",
          "aws_rejects.asl.json:16:56: error: state \"R4\": \"ResultWriter\": invalid \"Resource\": a ResultWriter writes with \"arn:aws:states:::s3:putObject\", not \"arn:aws:states:::aws-sdk:s3:putObject\"",
      }},
      {"invalid", "query_language_value.asl.json", false, {
          "query_language_value.asl.json:4:48: error: state \"Shape\": \"QueryLanguage\" must be \"JSONPath\" or \"JSONata\", not \"jsonata\"; did you mean \"JSONata\"?",
          "query_language_value.asl.json:4:87: error: state \"Shape\": \"InputPath\" is a JSONPath field, but the state uses JSONata",
          "query_language_value.asl.json:5:48: error: state \"Count\": \"QueryLanguage\" must be a string, not a number",
      }},
      {"invalid", "structure_errors.asl.json", false, {
          "structure_errors.asl.json:2:14: error: \"Version\" must be \"1.0\", not \"2.0\"",
          "structure_errors.asl.json:5:45: error: state \"Fan\": \"Branches\" must hold at least one branch",
          "structure_errors.asl.json:6:13: error: state \"Each\": missing required field \"ItemProcessor\"",
          "structure_errors.asl.json:6:55: error: state \"Each\": \"ItemSelector\" and \"Parameters\" cannot both be given",
          "structure_errors.asl.json:9:97: error: state \"Batch\": \"ItemReader\": \"InputType\" must be one of \"CSV\", \"JSON\", \"JSONL\", \"MANIFEST\", \"PARQUET\", not \"XML\"",
          "structure_errors.asl.json:9:125: error: state \"Batch\": \"ItemReader\": \"CSVHeaderLocation\": \"GIVEN\" needs \"CSVHeaders\"",
          "structure_errors.asl.json:10:22: error: state \"Batch\": \"ItemBatcher\": needs \"MaxItemsPerBatch\" or \"MaxInputBytesPerBatch\"",
          "structure_errors.asl.json:11:24: error: state \"Batch\": \"ResultWriter\": \"Resource\" needs \"Parameters\" (the \"Bucket\" and \"Prefix\" to write the results to)",
          "structure_errors.asl.json:11:36: error: state \"Batch\": \"ResultWriter\": invalid \"Resource\": a ResultWriter writes with \"arn:aws:states:::s3:putObject\", not \"arn:aws:lambda:us-east-1:123456789012:function:w\"",
          "structure_errors.asl.json:15:75: error: state \"Empty\", branch 1: \"States\" must hold at least one state",
          "structure_errors.asl.json:16:13: error: state \"Last\": a state must be an object, not a string",
      }},
      {"invalid", "unknown_fields.asl.json", false, {
          "unknown_fields.asl.json:3:3: error: unknown field \"Comments\"; did you mean \"Comment\"?",
          "unknown_fields.asl.json:5:28: error: state \"Go\": unknown field \"Resorce\"; did you mean \"Resource\"?",
          "unknown_fields.asl.json:5:92: error: state \"Go\": unknown field \"Nxt\"; did you mean \"Next\"?",
          "unknown_fields.asl.json:6:22: error: state \"Done\": \"Type\" must be one of \"Pass\", \"Task\", \"Choice\", \"Wait\", \"Succeed\", \"Fail\", \"Parallel\", \"Map\", not \"Sucess\"",
      }},
      {"invalid", "wrong_types.asl.json", false, {
          "wrong_types.asl.json:3:21: error: \"TimeoutSeconds\" must be an integer, not a string",
          "wrong_types.asl.json:5:111: error: state \"Go\": \"TimeoutSeconds\" must be a positive integer, not 0",
          "wrong_types.asl.json:5:123: error: state \"Go\": \"Retry\" must be an array of retriers, not an object",
          "wrong_types.asl.json:6:37: error: state \"Done\": \"End\" must be a boolean, not a string",
      }},
      {"invalid", "yaml_errors.asl.yaml", false, {
          "yaml_errors.asl.yaml:7:21: error: state \"Poll\": \"TimeoutSeconds\" must be an integer, not a number",
          "yaml_errors.asl.yaml:9:22: error: state \"Poll\": \"ErrorEquals\" must be an array of error names, not a string",
          "yaml_errors.asl.yaml:14:19: error: state \"Decide\": \"Variable\" is not a valid path: a path must start with \"$\"",
          "yaml_errors.asl.yaml:15:24: error: state \"Decide\": \"BooleanEquals\" must be a boolean, not a string",
          "yaml_errors.asl.yaml:20:14: error: state \"Done\": \"Comment\" must be a string, not a number",
      }},
      {"invalid", "yaml_syntax.asl.yaml", false, {
          "yaml_syntax.asl.yaml:5:4: error: syntax error: did not find expected key (while parsing a block mapping "
          "that starts at line 3, column 3)",
      }},
      {"warnings", "bare_placeholders.asl.json", false, {
          "bare_placeholders.asl.json:8:75: warning: placeholder \"${BatchLimit}\" stands outside a string: the file is JSON only once CloudFormation substitutes it (DefinitionSubstitutions); flowcost reads it as the string \"${BatchLimit}\"",
          "bare_placeholders.asl.json:8:90: warning: placeholder \"${TraceKey}\" stands outside a string: the file is JSON only once CloudFormation substitutes it (DefinitionSubstitutions); flowcost reads it as the string \"${TraceKey}\"",
          "bare_placeholders.asl.json:9:25: warning: placeholder \"${CallTimeout}\" stands outside a string: the file is JSON only once CloudFormation substitutes it (DefinitionSubstitutions); flowcost reads it as the string \"${CallTimeout}\"",
          "bare_placeholders.asl.json:9:25: warning: state \"Call\": \"TimeoutSeconds\" is the placeholder \"${CallTimeout}\", a number only after substitution; flowcost reads the definition as if \"TimeoutSeconds\" were absent (load it from its template to substitute it)",
      }},
      {"warnings", "aws_deploys.asl.json", false, {
          "aws_deploys.asl.json:8:78: warning: state \"Count\": variable \"attempts\" is also assigned in an enclosing block; this Parallel branch or Map iteration assigns its own copy, and the enclosing block keeps its value",
          "aws_deploys.asl.json:10:34: warning: state \"Vote\": unknown error name \"States.QuorumMet\" (names starting with \"States.\" are reserved; Step Functions accepts the name, but raises no error of that name itself)",
          "aws_deploys.asl.json:17:25: warning: state \"Call\": \"TimeoutSeconds\" is the placeholder \"${CallTimeout}\", a number only after substitution; flowcost reads the definition as if \"TimeoutSeconds\" were absent (load it from its template to substitute it)",
      }},
      {"warnings", "express_long_wait.asl.json", true, {
          "express_long_wait.asl.json:3:21: warning: \"TimeoutSeconds\" is 600, but an Express state machine runs at most 300 s",
          "express_long_wait.asl.json:6:14: warning: state \"Pause\": waits 400 s, but an Express state machine runs at most 300 s, so every execution times out here",
      }},
      {"warnings", "likely_mistakes.asl.json", false, {
          "likely_mistakes.asl.json:7:7: warning: state \"Init\": \"Result\" is static: keys ending in \".$\" are not evaluated there; use \"Parameters\" to build the output from the input",
          "likely_mistakes.asl.json:8:18: warning: state \"Init\": \"Assign\": \"order-id\" is not a valid variable name (letters, digits and _, not starting with a digit)",
          "likely_mistakes.asl.json:14:63: warning: state \"Call\": a JSONata expression in a JSONPath state is a literal string; set \"QueryLanguage\": \"JSONata\" to evaluate it",
          "likely_mistakes.asl.json:14:86: warning: state \"Call\": \"how\": \"States.UUID()\" looks like an intrinsic function, but the key does not end in \".$\", so it is passed as a literal string",
          "likely_mistakes.asl.json:17:26: warning: state \"Call\": \"Lambda.TooManyRequestsException\" is already matched by retrier 1, so this one never handles it",
          "likely_mistakes.asl.json:23:7: warning: state \"Each\": \"Label\" applies only to a Distributed Map; set \"ProcessorConfig\": {\"Mode\": \"DISTRIBUTED\"} in the item processor",
          "likely_mistakes.asl.json:25:64: warning: state \"Each\", item processor: \"ExecutionType\" applies only to \"Mode\": \"DISTRIBUTED\"; it is ignored here",
          "likely_mistakes.asl.json:35:38: warning: state \"Later\": \"MessageBody.$\": keys ending in \".$\" are not evaluated in a JSONata state; write the value as \"{% expression %}\"",
      }},
      {"warnings", "no_dollar.asl.json", false, {
          "no_dollar.asl.json:6:33: warning: state \"Send\": \"Message\": \"$.text\" looks like a path, but the key does not end in \".$\", so it is passed as a literal string",
      }},
      {"warnings", "spec_resources.asl.json", false, {
          "spec_resources.asl.json:5:41: warning: state \"Add\": \"Resource\": Step Functions runs Lambda functions, activities and \"arn:aws:states:::\" integrations, not \"swf\" resources",
          "spec_resources.asl.json:6:43: warning: state \"Local\": \"Resource\": \"foo:bar\" is a URI but not an AWS ARN; Step Functions runs only Lambda functions, activities and \"arn:aws:states:::\" integrations",
      }},
      {"warnings", "unassigned_variable.asl.json", false, {
          "unassigned_variable.asl.json:8:32: warning: state \"Greet\": variable \"customerID\" is never assigned in this state machine; did you mean \"customerId\"?",
          "unassigned_variable.asl.json:13:32: warning: state \"Route\": variable \"customer_id\" is never assigned in this state machine; did you mean \"customerId\"?",
      }},
  };
  return all;
}

}  // namespace

TEST_CASE("each invalid or doubtful ASL definition reports exactly its expected diagnostics") {
  for (const auto& c : cases()) {
    DYNAMIC_SECTION(c.dir << "/" << c.file) {
      CHECK(headlines(c.dir, c.file, c.express) == c.expected);
    }
  }
}

TEST_CASE("every file of invalid/ and warnings/ has expectations; invalid ones have an error, the others none") {
  for (std::string dir : {"invalid", "warnings"}) {
    std::vector<std::string> listed;
    for (const auto& c : cases()) {
      if (c.dir != dir) continue;
      listed.emplace_back(c.file);
      bool any_error = std::any_of(c.expected.begin(), c.expected.end(),
                                   [](const std::string& h) { return h.find(": error: ") != std::string::npos; });
      INFO(c.file);
      CHECK(any_error == (dir == "invalid"));
      CHECK_FALSE(c.expected.empty());
    }
    for (const auto& entry : std::filesystem::directory_iterator(data_dir(dir))) {
      std::string name = entry.path().filename().string();
      INFO(name);
      CHECK(std::find(listed.begin(), listed.end(), name) != listed.end());
    }
  }
}

TEST_CASE("the same Express definition is valid as a Standard machine") {
  CHECK(headlines("invalid", "r12_express.asl.json", false).empty());
}
