#pragma once
// The flat plan of a Step Functions design: the definition and its behaviours compiled once into arrays
// indexed by integers (no string and no map on the hot path). Built by compile_plan (compile.h), run by
// the Executor (executor.h). Semantics: docs/sources.md; metering: docs/billing-rules.md
// "How the simulator meters Step Functions".
#include <array>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "model/asl/state_machine.h"
#include "model/expression.h"
#include "model/metering.h"
#include "model/source_location.h"
#include "model/unpriced_call.h"
#include "sim/value_compiler.h"

namespace flowcost::sim::sfn {

inline constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();
inline constexpr double kForever = std::numeric_limits<double>::infinity();

enum class CallKind : std::uint8_t {
  dynamodb_write, dynamodb_write_transactional, dynamodb_read_strong, dynamodb_read_eventual,
  dynamodb_read_transactional,
  // A Query or a Scan: one read of all its items together (their sizes summed, then rounded up once).
  dynamodb_query_strong, dynamodb_query_eventual,
  sqs, sqs_fifo, sns, s3_put, s3_get, rekognition, firehose, kinesis, eventbridge
};

// A downstream service call made by each successful attempt of a Task (metered by sfn/call_meters.h).
struct PlanCall {
  CallKind kind = CallKind::sqs;
  std::uint32_t amount = kNone;  // bytes (DynamoDB, SQS, SNS, Firehose, Kinesis, EventBridge) or count (S3, images)
  std::uint32_t items = kNone;   // items / records / entries per call (kNone: 1)
};

struct PlanTaskError {
  std::uint32_t error_id = 0;
  std::uint32_t probability = kNone;  // value index
};

struct PlanMockStep {
  std::int64_t first = 0, last = 0;
  std::uint32_t error_id = 0;  // 0 = Return
};

struct PlanTask {
  // Lambda invoked by the task (function ARN, lambda:invoke, or a `lambda:` behaviour).
  bool lambda = false;
  bool arm64 = false;
  double memory_mb = 128;
  std::int64_t memory_mb_int = 128;      // llround(memory_mb), what the GB-s meter multiplies
  double function_timeout_ms = 900'000;
  std::uint32_t duration = kNone;        // work time per attempt (ms); kNone = 0
  std::uint32_t cold_probability = kNone;
  std::uint32_t init = kNone;
  std::uint32_t errors_first = 0, errors_count = 0;  // into Plan::task_errors
  double timeout_ms = 99'999'999'000.0;  // state TimeoutSeconds (AWS default 99999999 s)
  double heartbeat_ms = kForever;        // state HeartbeatSeconds
  bool heartbeat_applies = false;        // callback, activity or .sync job
  std::uint32_t callback_wait = kNone;   // .waitForTaskToken: time until the token returns
  double heartbeat_every_ms = kForever;  // worker's heartbeat interval
  bool fargate = false;                  // Batch/ECS .sync job on Fargate
  double fargate_vcpu = 1, fargate_memory_gb = 2;
  std::int64_t fargate_milli_vcpu = 1000, fargate_memory_mb = 2048;  // llround(vcpu x 1000), llround(GB x 1024)
  std::uint32_t calls_first = 0, calls_count = 0;  // into Plan::calls
  std::uint32_t child_machine = kNone;   // states:startExecution
  bool child_waits = false;              // .sync / .sync:2 / .waitForTaskToken
  bool mocked = false;
  std::uint32_t mock_first = 0, mock_count = 0;  // into Plan::mock_steps
  std::uint32_t index = 0;               // mock invocation counter slot
  // A child execution, a callback, heartbeats or a Fargate job: the executor's slower path for them.
  bool special = false;
  bool draws = false;  // the attempt reads its first Philox block (errors, cold start or a drawn duration)
};

struct PlanRetrier {
  std::uint32_t match_row = 0;  // row of Plan::matches
  double interval_ms = 1000;
  double backoff_rate = 2;
  double max_delay_ms = kForever;
  std::int64_t max_attempts = 3;
  bool full_jitter = false;
};

struct PlanCatcher {
  std::uint32_t match_row = 0;
  std::uint32_t next = kNone;  // state index
};

// Choice rules over the sampled input fields.
struct PlanRule {
  model::asl::ChoiceOp op = model::asl::ChoiceOp::numeric_equals;
  std::uint32_t field = kNone;        // input field index (kNone: not an input field)
  std::uint32_t other_field = kNone;  // ...Path operand
  double number = 0;
  std::string text;                   // string operand
  bool boolean = false;
  bool has_text = false, has_number = false, has_boolean = false;
  bool simple_numeric = false;        // a Numeric* comparison of a numeric input field with a number
  bool simple_boolean = false;        // BooleanEquals of a numeric input field with a boolean
  std::uint32_t children_first = 0, children_count = 0;  // into Plan::rule_children (And/Or/Not)
  std::uint32_t next = kNone;         // top-level rules: target state
};

struct PlanChoice {
  bool weighted = false;
  std::uint32_t weights_first = 0, weights_count = 0;  // into Plan::choice_weights
  std::uint32_t rules_first = 0, rules_count = 0;      // into Plan::rules (top-level rules)
  std::uint32_t default_next = kNone;                  // kNone: States.NoChoiceMatched
};

struct PlanChoiceWeight {
  std::uint32_t next = kNone;   // kNone: States.NoChoiceMatched
  std::uint32_t weight = kNone;  // value index; kNone: `rest`
};

struct PlanWait {
  double seconds_ms = 0;
  bool until_timestamp = false;
  double timestamp_epoch_s = 0;
  std::uint32_t value = kNone;  // a `waits:` behaviour (overrides)
};

struct PlanMap {
  std::uint32_t processor = 0;  // scope index
  std::uint32_t items = kNone;
  std::uint32_t item_bytes = kNone;
  bool distributed = false;
  bool express_children = false;
  double max_concurrency = 0;   // 0 = unlimited (inline: still 40)
  double batch_size = 1;        // ItemBatcher MaxItemsPerBatch (distributed)
  double tolerated_count = -1;       // -1: not set
  double tolerated_percentage = -1;  // -1: not set
  // Distributed Map I/O through S3 (ordinary requests under the state machine's role): an ItemReader that
  // gets one object, or lists keys (1,000 per LIST page); a ResultWriter's PUTs.
  bool reader_get = false, reader_list = false, writer = false;
};

struct PlanState {
  model::asl::StateType type = model::asl::StateType::pass;
  std::uint32_t next = kNone;  // kNone: end of the scope
  std::uint32_t detail = kNone;  // task / choice / wait / map index; Fail: error id
  std::uint32_t retry_first = 0, retry_count = 0;
  std::uint32_t catch_first = 0, catch_count = 0;
  std::uint32_t scopes_first = 0, scopes_count = 0;  // into Plan::scope_lists: Parallel branches / Map processor
  std::uint64_t site = 0;  // site_key("state:<Name>")
  std::uint64_t first_site = 0;  // site_key(site, 0): its first visit's site at the top level (context 0)
  std::string name;
};

struct PlanScope {
  std::uint32_t start = 0;
  std::uint32_t first = 0, count = 0;  // states [first, first + count)
  std::uint32_t depth = 0;             // Map nesting depth (scratch slot heap)
  // No state of the scope can be entered twice in one run of it (no cycle of Next, Choice and Catch
  // targets): every visit is a first visit, so the executor keeps no visit counts for it.
  bool acyclic = false;
};

struct PlanInputField {
  std::string path;
  std::uint32_t value = kNone;
  bool drawn = false;                 // a distribution: drawn once per execution (else read where used)
  bool label = false;                 // discrete over strings
  std::vector<std::string> labels;
  std::vector<double> label_epoch_s;  // per label: the instant it names (RFC 3339), else NaN
  std::uint64_t site = 0;             // site_key("input:<path>")
};

struct PlanMachine {
  std::uint32_t top = 0;  // scope index
  bool express = false;
  double definition_mb = 0;
  std::uint32_t payload = kNone;       // execution data size (bytes), sampled once per execution
  std::uint32_t payload_ref = kNone;   // the current execution's payload (what tasks and Maps read)
  double timeout_ms = kForever;        // execution-level TimeoutSeconds
  std::uint32_t inputs_first = 0, inputs_count = 0;  // into Plan::inputs
  bool draws_inputs = false;           // some input field is a distribution
  std::uint8_t log_level = 0;          // CloudWatch Logs: 0 off, 1 fatal, 2 error, 3 all
  std::uint32_t log_event_bytes = kNone;  // bytes per log event
  // The design's `orchestration:` values (LatencyKind order); kNone: the price table's setting for the
  // execution's workflow type.
  std::array<std::uint32_t, model::kLatencyKinds> latency = filled_none();
  static std::array<std::uint32_t, model::kLatencyKinds> filled_none() {
    std::array<std::uint32_t, model::kLatencyKinds> a{};
    a.fill(kNone);
    return a;
  }
};

struct PlanTrigger {
  bool iot_rule = false;
  double iot_topic_bytes = 0;
  bool s3 = false;
  std::uint8_t api = 0;                 // 0 none, 1 REST API request, 2 HTTP API request
  std::uint32_t api_request_bytes = kNone;  // HTTP API request size (kNone: the execution's payload)
  bool lambda = false;
  bool lambda_arm64 = false;
  double lambda_memory_mb = 128;
  std::int64_t lambda_memory_mb_int = 128;  // llround(lambda_memory_mb)
  double lambda_timeout_ms = 900'000;
  std::uint32_t lambda_duration = kNone;
};

struct Plan {
  ValuePlan values;  // every number of the design (sim/value_compiler.h); fields below index it
  std::vector<PlanState> states;
  std::vector<PlanScope> scopes;
  std::vector<std::uint32_t> scope_lists;   // scope indices of Parallel branches
  std::vector<PlanMachine> machines;        // [0] = the design's own
  std::vector<PlanTask> tasks;
  std::vector<PlanTaskError> task_errors;
  std::vector<PlanCall> calls;
  std::vector<PlanMockStep> mock_steps;
  std::vector<PlanRetrier> retriers;
  std::vector<PlanCatcher> catchers;
  std::vector<std::uint8_t> matches;        // row-major [row][error id]: does the matcher match the error?
  std::vector<PlanChoice> choices;
  std::vector<PlanChoiceWeight> choice_weights;
  std::vector<PlanRule> rules;
  std::vector<std::uint32_t> rule_children;
  std::vector<PlanWait> waits;
  std::vector<PlanMap> maps;
  std::vector<PlanInputField> inputs;
  PlanTrigger trigger;
  std::vector<std::string> error_names;     // [0] = ""
  std::vector<model::UnpricedCall> unpriced;  // Task calls without a meter, in definition order
  double start_time_ms = 0;                 // design start_time (for Wait Timestamp), ms since the epoch
  std::uint32_t max_depth = 0;              // deepest Map nesting
  double max_slots = 40;                    // largest Map concurrency (scratch size)
  // Large Distributed Maps (docs/scenario-format.md "Large Maps"): a visit that starts more than
  // map_sample_above child executions simulates only map_sample_children of them and scales their sums;
  // map_sample_children = 0 simulates every child. Set from the scenario's run: settings.
  std::uint64_t map_sample_children = 0, map_sample_above = 0;

  // Well-known error ids.
  std::uint32_t err_timeout = 0, err_heartbeat = 0, err_no_choice = 0, err_lambda_unknown = 0,
                err_threshold = 0, err_history = 0, err_runtime = 0, err_task_failed = 0;

  std::size_t error_count() const { return error_names.size(); }
  bool matches_error(std::uint32_t row, std::uint32_t error) const {
    return matches[static_cast<std::size_t>(row) * error_names.size() + error] != 0;
  }
};

}  // namespace flowcost::sim::sfn
