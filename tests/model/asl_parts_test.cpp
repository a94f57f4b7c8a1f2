// Unit tests of the ASL checker's parts: JSONPath, intrinsic functions, JSONata, resources, placeholders,
// timestamps and variable names.
#include <catch2/catch.hpp>

#include "model/asl/intrinsics.h"
#include "model/asl/jsonata.h"
#include "model/asl/jsonpath.h"
#include "model/asl/load_context.h"
#include "model/asl/placeholders.h"
#include "model/asl/resource.h"
#include "model/asl/string_matches.h"
#include "model/scenario/step_functions_design.h"

using namespace flowcost::model;
using namespace flowcost::model::asl;

TEST_CASE("JSONPath paths and reference paths") {
  for (const char* ok : {"$", "$.a", "$.a.b[0]", "$['a b']", "$.a[*].b", "$..sku", "$.items[?(@.price > 10)]",
                         "$.a[1:3]", "$.a[0,2]", "$$.Execution.Id", "$var", "$var.field[2]", "$.detail-type",
                         "$.items.length()"})
    CHECK_FALSE(check_path(ok, PathKind::path));
  CHECK(check_path("a.b", PathKind::path) == "a path must start with \"$\"");
  CHECK(check_path("$.a.", PathKind::path) == "expected a name after \".\"");
  CHECK(check_path("$.a[", PathKind::path) == "missing \"]\"");
  CHECK(check_path("$.a[]", PathKind::path) == "empty \"[]\"");
  CHECK(check_path("$.a b", PathKind::path) == "unexpected \" \" at offset 3");
  CHECK_FALSE(check_path("$.a[0]['b']", PathKind::reference));
  CHECK(check_path("$.a[*]", PathKind::reference) == "a reference path cannot use \"[*]\"");
  CHECK(check_path("$..a", PathKind::reference) == "a reference path cannot use \"..\"");
  CHECK(check_path("$.*", PathKind::reference) == "a reference path cannot use \"*\"");
  CHECK(check_path("$$.Execution", PathKind::result) == "cannot write into the context object \"$$\"");
  CHECK(check_path("$x.y", PathKind::result) == "cannot write into a variable");
  CHECK_FALSE(check_path("$.x.y", PathKind::result));
  CHECK(path_variable("$count.x") == "count");
  CHECK_FALSE(path_variable("$.count"));
  CHECK_FALSE(path_variable("$$.Map"));
  CHECK(looks_like_path("$.x"));
  CHECK(looks_like_path("$"));
  CHECK_FALSE(looks_like_path("$100"));
  CHECK_FALSE(looks_like_path("price in $"));
}

TEST_CASE("intrinsic functions: names, arity, literals, escapes") {
  CHECK_FALSE(check_intrinsic("States.Format('{} + {}', $.a, States.MathAdd($.b, 1))"));
  CHECK_FALSE(check_intrinsic("States.Format('a \\{\\} b \\' c \\\\ {}', $.x)"));
  CHECK_FALSE(check_intrinsic("States.Array()"));
  CHECK_FALSE(check_intrinsic("  States.UUID()  "));
  CHECK_FALSE(check_intrinsic("States.MathRandom($.lo, $.hi, 7)"));
  CHECK(check_intrinsic("States.Fromat($.a)") ==
        "unknown intrinsic function \"States.Fromat\"; did you mean \"States.Format\"?");
  CHECK(check_intrinsic("States.Nope($.a)") == "unknown intrinsic function \"States.Nope\"");
  CHECK(check_intrinsic("States.UUID") == "expected \"(\" after \"States.UUID\"");
  CHECK(check_intrinsic("States.Hash($.a)") == "\"States.Hash\" takes 2 arguments, not 1");
  CHECK(check_intrinsic("States.MathRandom(1)") == "\"States.MathRandom\" takes 2 or 3 arguments, not 1");
  CHECK(check_intrinsic("States.Format()") == "\"States.Format\" takes at least 1 argument, not 0");
  CHECK(check_intrinsic("States.StringToJson($.a, $.b)") == "\"States.StringToJson\" takes 1 argument, not 2");
  CHECK(check_intrinsic("States.Format('{}')") == "\"States.Format\" template has 1 placeholder but 0 values");
  CHECK(check_intrinsic("States.MathAdd('1', 2)") == "\"States.MathAdd\" argument 1 must be an integer");
  CHECK(check_intrinsic("States.ArrayRange(1, 9, 0)") == "\"States.ArrayRange\" step must not be 0");
  CHECK(check_intrinsic("States.ArrayPartition($.a, 0)") == "\"States.ArrayPartition\" chunk size must be positive");
  CHECK(check_intrinsic("States.Hash($.a, 'SHA-2')") ==
        "\"States.Hash\" algorithm must be one of MD5, SHA-1, SHA-256, SHA-384, SHA-512, not \"SHA-2\"");
  CHECK(check_intrinsic("States.JsonMerge($.a, $.b, true)") ==
        "\"States.JsonMerge\" supports only shallow merging: the third argument must be false");
  CHECK(check_intrinsic("States.Format('x', $.a") == "missing \")\" after the arguments of \"States.Format\"");
  CHECK(check_intrinsic("States.UUID() x") == "unexpected text after the closing \")\"");
  std::string deep;
  for (int i = 0; i < 5000; ++i) deep += "States.Array(";
  deep += "1" + std::string(5000, ')');
  CHECK(check_intrinsic(deep) == "intrinsic calls nest deeper than 100 levels");
  CHECK(check_intrinsic("States.Array($.a[) ") == "argument \"$.a[)\": missing \"]\"");
  CHECK_FALSE(check_intrinsic("States.Array($.a['x)'])"));
}

TEST_CASE("JSONata expressions: the JSONata 2.0 grammar and top-level $") {
  for (const char* ok :
       {" $states.input.items[price > 10].name ", " $sum($states.input.a) & 'x)' ", " $states.input.a[$ > 1] ",
        " function($x){ $x + 1 }(2) /* ( */ ", " $exists($states.input.m) ? $states.input.m : {} ",
        " ($e := $states.input.e; $states.input.items[kind = 'a']{'who': $e, 'sum': $sum(v)}) ",
        " $states.input.items^(>price, name) ", " $map([1..5], function($v, $i){$v*$i}) ",
        " $replace($states.input.s, /ab+c/i, \"x\") ", " $states.input ~> $uppercase ",
        " $states.input.orders@$o#$i.items ", " $states.input.x ? 5 ", " $states.input.x ? 5 : 6 ",
        " -$states.input.n * 2 ", " $states.input.`weird name` ", " function($a)<n:n>{ $a }(1) ",
        " $states.input ~> | a | {'b': 1}, ['c'] | ", " $states.input.a.(b + c) ", "\n10\n"})
    CHECK_FALSE(check_jsonata(ok));
  CHECK(check_jsonata(" $states.input.x ?? 5 ") ==
        "invalid JSONata: \"??\" at character 18 is a JSONata 2.1 operator; Step Functions implements JSONata "
        "2.0.6, which does not have it (write \"A ? A : B\" or \"$exists(A) ? A : B\")");
  CHECK(check_jsonata(" $states.input.x ?: 5 ") ==
        "invalid JSONata: \"?:\" at character 18 is a JSONata 2.1 operator; Step Functions implements JSONata "
        "2.0.6, which does not have it (write \"A ? A : B\" or \"$exists(A) ? A : B\")");
  CHECK(check_jsonata("  ") == "empty JSONata expression");
  CHECK(check_jsonata(" (1 + 2 ") == "invalid JSONata: expected \")\" before the end of the expression");
  CHECK(check_jsonata(" [1, 2) ") == "invalid JSONata: expected \"]\", found \")\" at character 7");
  CHECK(check_jsonata(" 10 + * 2 ") == "invalid JSONata: unexpected \"2\" at character 9");
  CHECK(check_jsonata(" 420. ") == "invalid JSONata: unexpected end of expression");
  CHECK(check_jsonata(" {'a' 1} ") == "invalid JSONata: expected \":\", found \"1\" at character 7");
  CHECK(check_jsonata(" function(x){ x } ") == "invalid JSONata: function parameters must be variables such as $x");
  CHECK(check_jsonata(" 'abc ") == "unterminated string in JSONata expression");
  CHECK(check_jsonata(" 1 /* x ") == "unterminated comment in JSONata expression");
  CHECK(check_jsonata(std::string(100000, '(') + "1" + std::string(100000, ')')) ==
        "invalid JSONata: the expression nests deeper than 200 levels");
  CHECK_FALSE(check_jsonata(std::string(150, '[') + "1" + std::string(150, ']')));
  CHECK(check_jsonata(" $.a ") ==
        "\"$\" and \"$$\" cannot be used at the top level of a JSONata expression; use $states.input");
  CHECK(check_jsonata(" $$.a ") ==
        "\"$\" and \"$$\" cannot be used at the top level of a JSONata expression; use $states.input");
}

TEST_CASE("Task resources") {
  std::optional<std::string> doubt;
  auto parse = [&doubt](const std::string& arn, std::optional<std::string>& why) {
    return parse_resource({arn, {}}, why, doubt);
  };
  std::optional<std::string> why;
  Resource r = parse("arn:aws:lambda:eu-west-1:123456789012:function:resize:prod", why);
  CHECK_FALSE(why);
  CHECK(r.kind == ResourceKind::lambda_function);
  CHECK(r.function_name == "resize");
  r = parse("arn:aws:states:::states:startExecution.sync:2", why);
  CHECK(r.kind == ResourceKind::optimized_integration);
  CHECK(r.action == "startExecution");
  CHECK(r.pattern == IntegrationPattern::sync2);
  r = parse("arn:aws:states:::aws-sdk:dynamodb:getItem.waitForTaskToken", why);
  CHECK(r.kind == ResourceKind::aws_sdk);
  CHECK(r.service == "dynamodb");
  CHECK(r.pattern == IntegrationPattern::wait_for_task_token);
  r = parse("arn:${AWS::Partition}:states:${AWS::Region}:${AWS::AccountId}:activity:${Name}", why);
  CHECK_FALSE(why);
  CHECK(r.kind == ResourceKind::activity);
  CHECK(r.has_placeholder);
  r = parse("${Fn.Arn}", why);
  CHECK_FALSE(why);
  CHECK(r.kind == ResourceKind::unknown);
  parse("arn:aws:states:::", why);
  CHECK(why == "an integration ARN has the form \"arn:aws:states:::SERVICE:ACTION\"");
  parse("arn:aws:states:::sqs:.sync", why);
  CHECK(why == "the integration has no action after the service name");
  parse("arn:aws:states:us-east-1:123456789012:activity:", why);
  CHECK(why == "an activity ARN ends with \"activity:NAME\"");
  r = parse("arn:aws:lambda:::function:publish", why);
  CHECK_FALSE(why);
  CHECK(r.function_name == "publish");
  CHECK(doubt == "a Lambda function ARN usually names its region and account");
  parse("arn:aws:lambda:us-east-1:123456789012:function:f:", why);
  CHECK(why == "\"\" is not a Lambda alias or version (letters, digits, -, _ or $LATEST)");
  parse("arn:aws:lambda:us-east-1:123456789012:function:f:$*#1", why);
  CHECK(why == "\"$*#1\" is not a Lambda alias or version (letters, digits, -, _ or $LATEST)");
  parse("arn:aws:lambda:us-east-1:123456789012:function:f:$LATEST", why);
  CHECK_FALSE(why);
  parse("my function", why);
  CHECK(why == "\"my function\" is not an ARN (arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE)");
  r = parse("arn:aws:swf:us-east-1:123456789012:task:X", why);
  CHECK_FALSE(why);
  CHECK(r.kind == ResourceKind::unknown);
  CHECK(doubt == "Step Functions runs Lambda functions, activities and \"arn:aws:states:::\" integrations, not "
                 "\"swf\" resources");
  parse("urn:example:task", why);
  CHECK_FALSE(why);
  CHECK(doubt == "\"urn:example:task\" is a URI but not an AWS ARN; Step Functions runs only Lambda functions, "
                 "activities and \"arn:aws:states:::\" integrations");
  CHECK(std::string(to_string(IntegrationPattern::sync)) == ".sync");
}

TEST_CASE("placeholders") {
  CHECK(has_placeholder("arn:${AWS::Partition}:x"));
  CHECK_FALSE(has_placeholder("${ not closed"));
  CHECK(is_whole_placeholder("${MyFunction.Arn}"));
  CHECK_FALSE(is_whole_placeholder("${A}-${B}"));
  CHECK(replace_placeholders("a${X}b${Y}", "_") == "a_b_");
  Diagnostics d;
  auto root = parse_document(make_source_file("p.yaml", "a: \"${ok} ${bad name}\"\nb: ${}\n"), d);
  REQUIRE(root);
  CHECK(scan_placeholders(*root, d));
  REQUIRE(d.items().size() == 2);
  CHECK(diagnostic_headline(d.items()[0]) ==
        "p.yaml:1:11: error: malformed placeholder \"${bad name}\": a name has only letters, digits and _ . : - !");
  CHECK(diagnostic_headline(d.items()[1]) == "p.yaml:2:4: error: empty placeholder \"${}\"");
}

TEST_CASE("timestamps and variable names") {
  CHECK(is_rfc3339("2026-01-31T08:00:00Z"));
  CHECK(is_rfc3339("2026-01-31T08:00:00.5-05:30"));
  CHECK_FALSE(is_rfc3339("2026-01-31t08:00:00z"));
  CHECK_FALSE(is_rfc3339("2026-01-31 08:00:00Z"));
  CHECK_FALSE(is_rfc3339("2026-02-29T08:00:00Z"));
  CHECK(is_rfc3339("2028-02-29T08:00:00Z"));
  CHECK_FALSE(is_rfc3339("2026-13-01T08:00:00Z"));
  // The instant of a timestamp: the same rule of what one is (a date that does not exist has none).
  CHECK(parse_rfc3339_epoch_s("1970-01-01T00:00:00Z") == 0.0);
  CHECK(parse_rfc3339_epoch_s("2026-07-01T00:00:00Z") == 1782864000.0);
  CHECK(parse_rfc3339_epoch_s("2026-06-30T23:00:00-02:00") == 1782864000.0 + 3600);
  CHECK(parse_rfc3339_epoch_s("2026-07-01T00:00:00.25Z") == 1782864000.25);
  CHECK_FALSE(parse_rfc3339_epoch_s("2026-02-29T08:00:00Z"));
  CHECK_FALSE(parse_rfc3339_epoch_s("2026-02-30T08:00:00Z"));
  CHECK_FALSE(parse_rfc3339_epoch_s("2026-01-31t08:00:00z"));
  CHECK_FALSE(variable_name_problem("total_2"));
  CHECK_FALSE(variable_name_problem("größe"));
  CHECK(variable_name_problem("states") == "\"states\" is reserved and cannot be assigned");
  CHECK(variable_name_problem("a-b") ==
        "\"a-b\" is not a valid variable name (letters, digits and _, not starting with a digit)");
  CHECK(variable_name_problem(std::string(81, 'x')) ==
        "variable name \"" + std::string(81, 'x') + "\" is longer than 80 characters");
}

TEST_CASE("StringMatches: * matches any run, \\* and \\\\ are literal, nothing else is special") {
  CHECK(string_matches("uploads/*.mp4", "uploads/clip.mp4"));
  CHECK(string_matches("uploads/*.mp4", "uploads/.mp4"));
  CHECK(string_matches("uploads/*.mp4", "uploads/a/b.mp4.mp4"));
  CHECK_FALSE(string_matches("uploads/*.mp4", "uploads/clip.mp4x"));
  CHECK_FALSE(string_matches("uploads/*.mp4", "archive/clip.mp4"));
  CHECK(string_matches("*", ""));
  CHECK(string_matches("", ""));
  CHECK_FALSE(string_matches("", "a"));
  CHECK(string_matches("a*b*c", "aXbYbZc"));
  CHECK_FALSE(string_matches("a*b*c", "aXbYbZ"));
  CHECK(string_matches("**a", "xa"));
  // Escapes (the pattern's own characters, after JSON): \* is a star, \\ one backslash.
  CHECK(string_matches("log\\*", "log*"));
  CHECK_FALSE(string_matches("log\\*", "logs"));
  CHECK(string_matches("C:\\\\*", "C:\\temp"));
  CHECK_FALSE(string_matches("C:\\\\*", "C:temp"));
  // ? and [ ] are ordinary characters (unlike fnmatch).
  CHECK(string_matches("a?[b]", "a?[b]"));
  CHECK_FALSE(string_matches("a?", "ab"));
  CHECK_FALSE(string_matches("[ab]", "a"));
  // Code units, no case folding.
  CHECK_FALSE(string_matches("*.MP4", "clip.mp4"));
  CHECK(string_matches("*ü", "grü"));
}
