// Reading production data for `flowcost fit` (model/production/): Lambda REPORT lines of a CloudWatch Logs
// export and of a Logs Insights CSV, and Step Functions execution histories; every error at its position.
#include <catch2/catch.hpp>

#include "model/errors.h"
#include "model/production/execution_history.h"
#include "model/production/lambda_report.h"
#include "model/source_file.h"

using namespace flowcost::model;
using namespace flowcost::model::production;

namespace {

std::string data(const std::string& name) { return std::string(FLOWCOST_TEST_DATA) + "/fit/" + name; }

std::vector<std::string> headlines(const Diagnostics& diags) {
  std::vector<std::string> out;
  for (const auto& d : diags.items()) out.push_back(diagnostic_headline(d));
  return out;
}

LambdaLog read_text(const std::string& text, Diagnostics& diags) {
  return read_lambda_log(make_source_file("x.log", text), "fn", diags);
}

std::optional<ExecutionRecord> read_history(const std::string& text, Diagnostics& diags) {
  return read_execution_history(make_source_file("h.json", text), diags);
}

// The four invocations of tests/data/fit/checkout.log (in either log format): a cold start, a warm one, a
// timeout (Lambda.Unknown) and a named error; one line of the function's own output.
void check_checkout_invocations(const std::string& path) {
  Diagnostics diags;
  LambdaLog log = read_lambda_log(read_source_file(path), "checkout", diags);
  CHECK(diags.empty());
  REQUIRE(log.functions.size() == 1);
  const auto& inv = log.functions.at("checkout");
  REQUIRE(inv.size() == 4);
  CHECK(inv[0].request_id == "8f5e0f1a-0001");
  CHECK(inv[0].duration_ms == 38.52);
  CHECK(inv[0].billed_duration_ms == 39);
  CHECK(inv[0].memory_mb == 512);
  CHECK(inv[0].init_duration_ms == 148.2);
  CHECK_FALSE(inv[0].error);
  CHECK(inv[0].line == 5);
  CHECK_FALSE(inv[1].init_duration_ms);
  CHECK(inv[2].error == std::string("Lambda.Unknown"));
  CHECK(inv[3].error == std::string("Runtime.ExitError"));
  CHECK(inv[3].duration_ms == 35);
  CHECK(log.skipped_lines == 1);
}

}  // namespace

TEST_CASE("a CloudWatch Logs export: REPORT records, cold starts, errors, platform lines ignored") {
  // The function's own "INFO order accepted" is skipped; START, END, INIT_START are not counted.
  check_checkout_invocations(data("checkout.log"));
}

TEST_CASE("the JSON log format: platform.report events, the other platform events ignored") {
  // The same four invocations as checkout.log, as a function with `LogFormat: JSON` logs them: the function's
  // own JSON line is skipped; platform.start, .initStart and .runtimeDone are not counted.
  check_checkout_invocations(data("checkout-json.log"));

  // A platform.report without a duration, or with a bad number, is an error at its object.
  Diagnostics d2;
  read_text("2024-05-01T10:00:00Z {\"type\":\"platform.report\",\"record\":{\"metrics\":{\"billedDurationMs\":3}}}\n"
            "{\"type\":\"platform.report\",\"record\":{\"metrics\":{\"durationMs\":\"12\"}}}\n",
            d2);
  CHECK(headlines(d2) == std::vector<std::string>{
                             "x.log:1:22: error: platform.report without \"record\": {\"metrics\": {\"durationMs\": ...}}",
                             "x.log:2:1: error: platform.report: \"durationMs\" is not a non-negative number"});
  // JSON that is not a log event of Lambda's (no "type", not an object, text before it) is the function's output.
  Diagnostics d3;
  LambdaLog other = read_text("{\"level\":\"INFO\",\"message\":\"x\"}\n[1, 2]\nsay {\"type\": \"platform.report\"}\n"
                              "REPORT RequestId: r1\tDuration: 1.00 ms\n",
                              d3);
  CHECK(d3.empty());
  CHECK(other.skipped_lines == 3);
  CHECK(other.functions.at("fn").size() == 1);
}

TEST_CASE("an older runtime's timeout line marks its request's REPORT record as failed") {
  Diagnostics diags;
  LambdaLog log = read_text("2024-05-01T10:00:03.000Z END RequestId: r2\n"
                            "2024-05-01T10:00:03.000Z REPORT RequestId: r2\tDuration: 3000.00 ms\tBilled Duration: 3000 ms\n"
                            "2024-05-01T10:00:03.000Z r2 Task timed out after 3.00 seconds\n"
                            "REPORT RequestId: r3\tDuration: 12.00 ms\n",
                            diags);
  CHECK(diags.empty());
  const auto& inv = log.functions.at("fn");
  REQUIRE(inv.size() == 2);
  CHECK(inv[0].request_id == "r2");
  CHECK(inv[0].error == std::string("Lambda.Unknown"));
  CHECK_FALSE(inv[1].error);
  CHECK(log.skipped_lines == 0);
}

TEST_CASE("a Logs Insights CSV: functions named by @log, memory from bytes x 10^6") {
  Diagnostics diags;
  LambdaLog log = read_lambda_log(read_source_file(data("insights.csv")), "unused", diags);
  CHECK(diags.empty());
  REQUIRE(log.functions.size() == 2);
  const auto& v = log.functions.at("validate-order");
  REQUIRE(v.size() == 2);
  CHECK(v[0].duration_ms == 38.52);
  CHECK(v[0].memory_mb == 128);
  CHECK(v[0].init_duration_ms == 148.2);
  CHECK_FALSE(v[1].init_duration_ms);
  const auto& p = log.functions.at("pack-item");
  REQUIRE(p.size() == 1);
  CHECK(p[0].memory_mb == 256);
  CHECK(log.skipped_lines == 1);  // the row without @duration
}

TEST_CASE("bad Lambda logs: positioned errors") {
  Diagnostics d1;
  read_text("START RequestId: a Version: 1\nhello\n", d1);
  CHECK(headlines(d1) == std::vector<std::string>{
                             "x.log:1:1: error: no Lambda REPORT line (\"REPORT RequestId: ... Duration: ... ms ...\") in this file"});

  Diagnostics d2;
  read_text("REPORT RequestId: a\tDuration: 12.5 ms\n2024 REPORT RequestId: b\tDuration: fast ms\tMemory Size: 128 MB\n", d2);
  CHECK(headlines(d2) == std::vector<std::string>{"x.log:2:36: error: Duration \"fast\" is not a non-negative number"});

  Diagnostics d3;
  read_text("REPORT RequestId: a\tBilled Duration: 13 ms\n", d3);
  CHECK(headlines(d3) == std::vector<std::string>{"x.log:1:1: error: REPORT line without \"Duration: ... ms\""});

  Diagnostics d4;
  read_text("REPORT RequestId: a\tDuration: 12 MB\n", d4);
  CHECK(headlines(d4) == std::vector<std::string>{"x.log:1:31: error: Duration is in MB; expected ms"});

  Diagnostics d5;
  read_lambda_log(make_source_file("q.csv", "@log,@duration\n1:/aws/lambda/f,12\n1:/aws/lambda/f,-3\n"), "fn", d5);
  CHECK(headlines(d5) == std::vector<std::string>{"q.csv:3:17: error: @duration \"-3\" is not a non-negative number"});

  Diagnostics d6;
  read_lambda_log(make_source_file("q.csv", "@log,@duration\n1:/aws/lambda/f,\n"), "fn", d6);
  CHECK(headlines(d6) == std::vector<std::string>{
                             "q.csv:1:1: error: no Lambda REPORT record: no row of this Logs Insights CSV has a @duration"});
}

TEST_CASE("an execution history: visits, attempts, retries, Choice next, Map items, billable transitions") {
  Diagnostics diags;
  auto rec = read_execution_history(read_source_file(data("histories/large-order-retried.json")), diags);
  CHECK(diags.empty());
  REQUIRE(rec);
  std::vector<std::string> names;
  for (const auto& v : rec->visits) names.push_back(v.type + ":" + v.name);
  CHECK(names == std::vector<std::string>{"Task:Validate", "Choice:IsLarge", "Wait:Review", "Map:ForEachItem", "Task:Pack",
                                          "Succeed:Done"});
  const StateVisit& validate = rec->visits[0];
  REQUIRE(validate.attempts.size() == 2);
  CHECK(validate.attempts[0].error == std::string("Lambda.TooManyRequestsException"));
  CHECK_FALSE(validate.attempts[1].error);
  CHECK(validate.attempts[0].duration_ms == Approx(50).margin(1e-6));  // epoch-second timestamps
  CHECK(rec->visits[1].next == std::string("Review"));
  CHECK(*rec->visits[2].exited_ms - rec->visits[2].entered_ms == Approx(60000).margin(1e-6));
  CHECK(rec->visits[3].map_items == 1);
  CHECK(rec->status == std::string("succeeded"));
  // Billed as AWS bills a Standard execution: 6 states entered + 1 retry.
  CHECK(rec->billable_transitions() == 7);
}

TEST_CASE("a Map visit without a length counts its MapIterationStarted events") {
  Diagnostics diags;
  auto rec = read_history(
      "{\"events\": [\n"
      " {\"id\": 1, \"type\": \"ExecutionStarted\", \"timestamp\": 1.0},\n"
      " {\"id\": 2, \"previousEventId\": 1, \"type\": \"MapStateEntered\", \"timestamp\": 1.1, \"stateEnteredEventDetails\": {\"name\": \"M\"}},\n"
      " {\"id\": 3, \"previousEventId\": 2, \"type\": \"MapStateStarted\", \"timestamp\": 1.2},\n"
      " {\"id\": 4, \"previousEventId\": 3, \"type\": \"MapIterationStarted\", \"timestamp\": 1.3, \"mapIterationStartedEventDetails\": {\"name\": \"M\", \"index\": 0}},\n"
      " {\"id\": 5, \"previousEventId\": 3, \"type\": \"MapIterationStarted\", \"timestamp\": 1.3, \"mapIterationStartedEventDetails\": {\"name\": \"M\", \"index\": 1}},\n"
      " {\"id\": 6, \"previousEventId\": 5, \"type\": \"MapStateExited\", \"timestamp\": 1.4, \"stateExitedEventDetails\": {\"name\": \"M\"}}\n"
      "]}",
      diags);
  CHECK(diags.empty());
  REQUIRE(rec);
  REQUIRE(rec->visits.size() == 1);
  CHECK(rec->visits[0].map_items == 2);
  CHECK(rec->billable_transitions() == 1);
}

TEST_CASE("bad histories: positioned errors") {
  Diagnostics d1;
  read_history("{\"events\": [{\"id\": 1, \"type\": \"ExecutionStarted\", \"timestamp\": 1.5,}]}", d1);
  CHECK(headlines(d1) == std::vector<std::string>{"h.json:1:68: error: invalid JSON: syntax error while parsing object key "
                                                  "- unexpected '}'; expected string literal"});

  Diagnostics d2;
  read_history("{\"events\": [\n {\"id\": 1, \"type\": \"ExecutionStarted\", \"timestamp\": 1.5},\n"
               " {\"id\": 2, \"previousEventId\": 1, \"type\": \"TaskStateEnterd\", \"timestamp\": 1.6}\n]}", d2);
  CHECK(headlines(d2) == std::vector<std::string>{
                             "h.json:3:42: error: unknown history event type \"TaskStateEnterd\"; did you mean \"TaskStateEntered\"?"});

  Diagnostics d3;
  read_history("{\"events\": [\n {\"id\": 1, \"type\": \"ExecutionStarted\", \"timestamp\": 1.5},\n"
               " {\"id\": 2, \"previousEventId\": 9, \"type\": \"PassStateEntered\", \"timestamp\": 1.6,"
               " \"stateEnteredEventDetails\": {\"name\": \"P\"}}\n]}", d3);
  CHECK(headlines(d3) == std::vector<std::string>{"h.json:3:31: error: previousEventId 9 names no earlier event"});

  Diagnostics d4;
  read_history("{\"executions\": []}", d4);
  CHECK(headlines(d4) == std::vector<std::string>{
                             "h.json:1:1: error: not an execution history: expected an object with an \"events\" array (the "
                             "output of `aws stepfunctions get-execution-history`)"});

  Diagnostics d5;
  read_history("{\"events\": [\n {\"id\": 1, \"type\": \"ExecutionStarted\", \"timestamp\": \"yesterday\"}\n]}", d5);
  CHECK(headlines(d5) == std::vector<std::string>{
                             "h.json:2:53: error: history event 1 needs a \"timestamp\" (an RFC 3339 time or seconds since "
                             "the epoch)"});

  Diagnostics d6;
  read_history("{\"events\": [\n {\"id\": 1, \"type\": \"ExecutionStarted\", \"timestamp\": 1.5}\n]}", d6);
  CHECK(headlines(d6) == std::vector<std::string>{
                             "h.json:1:12: error: the history has no state entered (no \"...StateEntered\" event)"});
}

TEST_CASE("a SnapStart cold start: Restore Duration and Billed Restore Duration, in either log format") {
  Diagnostics diags;
  LambdaLog log = read_text(
      "REPORT RequestId: r1\tDuration: 50.00 ms\tBilled Duration: 50 ms\tMemory Size: 128 MB\tMax Memory Used: 70 MB\t"
      "Restore Duration: 412.10 ms\tBilled Restore Duration: 120 ms\n"
      "{\"time\":\"2024-05-01T10:00:06.000Z\",\"type\":\"platform.report\",\"record\":{\"requestId\":\"r2\",\"metrics\":"
      "{\"durationMs\":60.0,\"billedDurationMs\":60,\"memorySizeMB\":128,\"restoreDurationMs\":300.5,"
      "\"billedRestoreDurationMs\":90}}}\n"
      "REPORT RequestId: r3\tDuration: 12.00 ms\n",
      diags);
  CHECK(diags.empty());
  const auto& inv = log.functions.at("fn");
  REQUIRE(inv.size() == 3);
  CHECK(inv[0].restore_duration_ms == 412.1);
  CHECK(inv[0].billed_restore_duration_ms == 120);
  CHECK_FALSE(inv[0].init_duration_ms);
  CHECK(inv[1].restore_duration_ms == 300.5);
  CHECK(inv[1].billed_restore_duration_ms == 90);
  CHECK_FALSE(inv[2].restore_duration_ms);
}
