#pragma once
// A design of `kind: iot_rules` (docs/scenario-format.md "IoT rules designs"): devices publish messages
// to AWS IoT Core (through the broker or Basic Ingest); rules select messages by a match fraction or a
// SQL WHERE over sampled fields; each matching rule runs its actions, and its error action when an
// action fails. This is data read from the scenario; sim/iot compiles it into a simulator.
#include <optional>
#include <string>
#include <vector>

#include "model/diagnostics.h"
#include "model/distribution.h"
#include "model/document.h"
#include "model/input_files.h"
#include "model/scenario/iot_sql.h"
#include "model/scenario/monthly_lines.h"
#include "model/scenario/values.h"
#include "model/source_file.h"

namespace flowcost::model {

struct Scenario;

enum class IotIngest { broker, basic_ingest };

enum class IotActionKind {
  dynamodb,            // DynamoDB: one PutItem per message
  dynamodb_v2,         // DynamoDBv2: the whole message as one item
  lambda,              // Lambda, invoked asynchronously
  sns,
  sqs,
  s3,
  firehose,
  kinesis,
  republish,           // a new MQTT message through the broker
  cloudwatch_logs,
  cloudwatch_metrics,
  http,
  step_functions,      // StartExecution of a step_functions design of the same scenario
};

// The scenario key of each kind ("dynamodb", "dynamodbv2", "lambda", ...).
const char* to_string(IotActionKind k);
const std::vector<std::string>& iot_action_kind_names();

struct IotLambdaSpec {
  std::int64_t memory_mb = 128;
  bool arm64 = false;
  ValueSpec duration;                          // per invocation (ms)
  std::optional<ValueSpec> cold_probability;   // per invocation
  std::optional<ValueSpec> init;               // INIT duration of a cold start (ms)
  int max_retries = -1;                        // Lambda async retries on function error (0..2); -1: the table's
  double timeout_ms = 900'000;                 // the function's timeout (at most 900 s)
};

inline constexpr double kIotLambdaMaxTimeoutMs = 900'000;  // Lambda's 15-minute limit

struct IotActionSpec {
  IotActionKind kind = IotActionKind::s3;
  SourceLocation loc;
  std::string label;                     // "<rule>/<kind>" (or "<rule>/error_action/<kind>"), for reports
  std::optional<ValueSpec> size_bytes;   // item / message / record / log bytes; default: the message payload
  std::optional<ValueSpec> failure;      // probability that one try (Lambda: one invocation) fails
  std::optional<ValueSpec> duration;     // time one try takes (ms); Lambda uses lambda.duration
  int tries = 1;                         // HTTP: 1 to 3 tries, 0 = the table's metering.iot.http_tries; others 1
  std::optional<ValueSpec> topic_bytes;  // republish: topic length; default: the design's topic_bytes
  IotLambdaSpec lambda;                  // kind == lambda
  std::string design;                    // kind == step_functions: the design it starts
  SourceLocation design_loc;
};

struct IotRuleSpec {
  std::string name;
  SourceLocation loc;
  // The share of the design's messages on a topic the rule's filter matches (probability; absent: all).
  // Only those trigger the rule; of them, `match` or the WHERE decides whether its actions run.
  std::optional<ValueSpec> topic_share;
  std::optional<ValueSpec> match;  // fraction of the rule's messages whose WHERE holds (probability)
  std::optional<IotSql> sql;       // or a SQL WHERE over fields
  std::vector<IotActionSpec> actions;
  std::optional<IotActionSpec> error_action;
};

// A per-message field the SQL can refer to: sampled once per message with site = its name, so a workload
// item of the same name gives every design the same value for the same message.
struct IotFieldSpec {
  std::string name;
  SourceLocation loc;
  DistributionSpec distribution;
};

struct IotRulesDesign {
  std::string name;
  SourceLocation loc;
  IotIngest ingest = IotIngest::broker;
  ValueSpec topic_bytes;  // metered with the payload; default 0
  ValueSpec payload_bytes;
  std::optional<ConnectionSpec> connection;  // devices and minutes per device, per draw
  std::vector<MonthlyQuantity> fixed;  // monthly quantities (`fixed:`)
  std::vector<IotFieldSpec> fields;
  std::vector<IotRuleSpec> rules;
  InputFiles files;  // every file this design read (empirical CSVs)
};

// Parses and checks a design mapping (called by load_scenario once the scenario's common sections and
// design names are read). Names in values and SQL must be scenario inputs,
// workload items or the design's `fields`; `step_functions` actions must name a step_functions design of
// `scenario`. Every problem goes to `diags` at its position; `source`, the scenario file, places the problems
// of a rule's SQL at their own line and column (a block scalar, escapes).
IotRulesDesign parse_iot_rules_design(const Node& node, const Scenario& scenario, Diagnostics& diags,
                                      const SourceFile* source = nullptr);

}  // namespace flowcost::model
