#pragma once
// A design of `kind: step_functions` (docs/scenario-format.md "Step Functions designs"): an ASL
// definition, the workflow type, what triggers each execution, the sampled execution input, and the
// behaviour of every Task, Choice, Map and Wait state that the definition alone cannot tell. Parsed and
// checked against the loaded definition here; compiled into a flat plan by sim/sfn.
#include <array>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "model/asl/state_machine.h"
#include "model/diagnostics.h"
#include "model/document.h"
#include "model/metering.h"
#include "model/input_files.h"
#include "model/scenario/monthly_lines.h"
#include "model/scenario/state_keyed_index.h"
#include "model/scenario/values.h"

namespace flowcost::model {

struct Scenario;

enum class SfnWorkflow { standard, express };
enum class LambdaArch { x86_64, arm64 };

inline constexpr double kLambdaMaxTimeoutMs = 900'000;  // Lambda's 15-minute limit (docs/sources.md#lambda-quotas)
// The most items of one Map visit flowcost simulates (each one is simulated: time grows linearly).
inline constexpr double kMaxMapItems = 1'000'000'000;

struct LambdaConfig {
  SourceLocation loc;
  double memory_mb = 128;
  LambdaArch arch = LambdaArch::x86_64;
  double timeout_ms = kLambdaMaxTimeoutMs;  // the function's own timeout
};

struct ColdStartSpec {
  SourceLocation loc;
  ValueSpec probability;  // per invocation
  ValueSpec init_ms;      // INIT duration (billed when MeteringRules::lambda_init_billed)
};

struct ErrorSpec {
  std::string name;
  SourceLocation loc;
  ValueSpec probability;  // per attempt
};

struct DynamoDbCall {
  enum class Op { write, read } op = Op::write;
  // Reads default to eventually consistent (DynamoDB's default for GetItem, Query and Scan); a write is
  // standard unless `transactional`.
  enum class Consistency { strong, eventual, transactional } consistency = Consistency::eventual;
  ValueSpec item_bytes;
  std::optional<ValueSpec> items;  // items per call (batch writes and reads), each metered alone; absent: 1
  SourceLocation loc;
};

// A call that sends records or events (Firehose putRecord/putRecordBatch, Kinesis putRecord/putRecords,
// EventBridge putEvents): each record's size, and how many per call.
struct RecordCall {
  std::optional<ValueSpec> record_bytes;  // absent: the execution's payload
  std::optional<ValueSpec> records;       // absent: 1
  SourceLocation loc;
};

struct FargateSpec {
  SourceLocation loc;
  double vcpu = 1;
  double memory_gb = 2;
};

struct CallbackSpec {
  SourceLocation loc;
  ValueSpec wait_ms;                          // until SendTaskSuccess/Failure
  std::optional<double> heartbeat_every_ms;  // the worker's heartbeat interval; absent: none sent
};

// A Step Functions Local mocked response for one Task: per 0-based invocation number, success or an error.
struct MockStep {
  std::int64_t first = 0, last = 0;  // inclusive invocation range
  std::optional<std::string> error;  // Throw.Error; absent: Return
};

struct StepFunctionsDesign;

struct TaskBehaviour {
  std::string state;
  SourceLocation loc;
  std::optional<LambdaConfig> lambda;
  std::optional<ValueSpec> duration_ms;
  std::optional<ColdStartSpec> cold_start;
  std::vector<ErrorSpec> errors;
  std::optional<DynamoDbCall> dynamodb;
  std::optional<ValueSpec> sqs_message_bytes;
  std::optional<ValueSpec> sns_message_bytes;
  // `fifo:` of sqs: / sns: (a FIFO queue or topic); absent: what the Task's QueueUrl / TopicArn says.
  std::optional<bool> sqs_fifo, sns_fifo;
  std::optional<ValueSpec> s3_puts, s3_gets;
  std::optional<ValueSpec> rekognition_images;
  std::optional<RecordCall> firehose, kinesis, eventbridge;
  std::optional<FargateSpec> fargate;
  std::optional<CallbackSpec> callback;
  std::shared_ptr<const StepFunctionsDesign> execution;  // child machine of states:startExecution
  std::vector<MockStep> mock;                             // from mock_config (empty: not mocked)
  bool mocked = false;
};

struct ChoiceWeight {
  std::string target;  // a rule's Next or Default; "" = no match (States.NoChoiceMatched)
  SourceLocation loc;
  ValueSpec weight;
  bool rest = false;   // `rest` = 1 - the others
};

struct ChoiceWeights {
  std::string state;
  SourceLocation loc;
  std::vector<ChoiceWeight> weights;
};

struct MapBehaviour {
  std::string state;
  SourceLocation loc;
  ValueSpec items;                      // item count per visit
  std::optional<ValueSpec> item_bytes;  // per item (Distributed EXPRESS children's memory)
};

struct WaitBehaviour {
  std::string state;
  SourceLocation loc;
  ValueSpec wait_ms;  // for SecondsPath / TimestampPath / JSONata waits (or to override)
};

struct InputField {
  std::string path;  // "$.foo"
  SourceLocation loc;
  ValueSpec value;
  std::vector<std::string> labels;  // discrete over strings: the sampled index names the label
};

struct TriggerSpec {
  SourceLocation loc;  // of `trigger:` (unknown when the design has none)
  bool iot_rule = false;
  double iot_topic_bytes = 0;
  std::optional<ConnectionSpec> iot_connection;  // the devices' connection time (monthly)
  bool s3 = false;      // the upload that fires the event: one S3 PUT
  enum class Api { none, rest, http } api = Api::none;  // API Gateway: a REST or an HTTP API request
  std::optional<ValueSpec> api_request_bytes;            // HTTP API: metered in 512 KB increments
  std::optional<LambdaConfig> lambda;  // a function that calls StartExecution
  std::optional<ValueSpec> lambda_duration_ms;
};

// CloudWatch Logs of the executions (a state machine's LoggingConfiguration): which history events are
// logged, and the size of one log event.
struct LoggingSpec {
  enum class Level { off, fatal, error, all } level = Level::off;
  ValueSpec event_bytes;  // bytes ingested per log event
  SourceLocation loc;
};

// What the `States.TaskFailed` matcher matches (docs/sources.md#asl-errors, #asl-open-questions (1)).
enum class TaskFailedMatching {
  all_but_timeouts,   // AWS documentation (2023): every error but States.Timeout (and heartbeat timeouts)
  non_states_errors,  // LocalStack: only error names that do not start with "States."
};

struct StepFunctionsDesign {
  std::string name;
  SourceLocation loc;
  SfnWorkflow workflow = SfnWorkflow::standard;
  std::string definition_path;  // resolved
  asl::StateMachine machine;
  TriggerSpec trigger;
  std::optional<ValueSpec> payload_bytes;  // execution data size (Express memory, IoT message size)
  std::optional<double> start_time_epoch_s;  // for Wait Timestamp
  std::optional<LoggingSpec> logging;        // CloudWatch Logs ingestion (absent: no logging)
  std::vector<MonthlyQuantity> fixed;        // monthly quantities (`fixed:`)
  TaskFailedMatching task_failed = TaskFailedMatching::all_but_timeouts;
  // `orchestration:` (docs/scenario-format.md "Orchestration latency"): the time Step Functions adds, in
  // LatencyKind order, replacing the price table's setting for every execution of this design; absent
  // entries keep the table's setting for the execution's workflow type.
  std::array<std::optional<ValueSpec>, kLatencyKinds> orchestration_ms;
  std::vector<InputField> input;
  std::vector<TaskBehaviour> tasks;
  std::vector<ChoiceWeights> choices;
  std::vector<MapBehaviour> maps;
  std::vector<WaitBehaviour> waits;
  std::vector<std::string> warnings;
  InputFiles files;  // every file this design read: definition, mock configs, empirical CSVs, children's

  // By state name (hash lookups, state_keyed_index.h).
  const TaskBehaviour* find_task(std::string_view state) const;
  const ChoiceWeights* find_choice(std::string_view state) const;
  const MapBehaviour* find_map(std::string_view state) const;
  const WaitBehaviour* find_wait(std::string_view state) const;
  StateKeyedIndex task_index, choice_index, map_index, wait_index;
};

// Parses and checks a `kind: step_functions` design (or the `execution:` of a startExecution Task, which
// has the same fields except name/kind/trigger); load_scenario calls it for every such design. `directory` resolves relative paths. Every problem goes
// to `diags`; the result is complete only when no error was added.
StepFunctionsDesign parse_step_functions_design(const Node& node, const Scenario& scenario,
                                                const std::string& directory, Diagnostics& diags,
                                                bool child = false);

// Every state of a machine, nested ones included, in file order.
std::vector<const asl::State*> all_states_of(const asl::StateMachine& machine);

// Parses an RFC 3339 timestamp ("2026-01-01T00:00:00Z", with optional fraction and offset) into seconds
// since the Unix epoch.
std::optional<double> parse_rfc3339_epoch_s(std::string_view text);

}  // namespace flowcost::model
