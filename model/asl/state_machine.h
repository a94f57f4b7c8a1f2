#pragma once
// The Amazon States Language as data: a StateMachine is a tree of Scopes (top level, Parallel branches,
// Map item processors), each holding States. Every state, field and rule keeps its SourceLocation.
// Built by asl::load_state_machine (loader.h); checked by asl::validate (validator.h); compiled into a
// flat plan by sim/. Semantics follow docs/sources.md.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <variant>
#include <vector>

#include "model/document.h"
#include "model/lazy_table.h"
#include "model/source_location.h"

namespace flowcost::model::asl {

// Express executions run at most 5 minutes (docs/sources.md#asl-limits, #sfn-quotas).
inline constexpr double kExpressMaxSeconds = 300;

enum class QueryLanguage { jsonpath, jsonata };
enum class StateType { pass, task, choice, wait, succeed, fail, parallel, map };

// A string-valued field with where it was written.
struct Located {
  std::string value;
  SourceLocation loc;
};

// A numeric field that may be written literally, through a JSONPath (`...Path`) or as JSONata (`{% %}`).
struct NumberField {
  std::optional<double> literal;
  std::optional<std::string> path;     // XxxPath reference path
  std::optional<std::string> jsonata;  // "{% ... %}" text (without the braces)
  SourceLocation loc;
};

struct Retrier {
  SourceLocation loc;
  std::vector<Located> error_equals;
  double interval_seconds = 1;          // default 1
  std::int64_t max_attempts = 3;        // default 3; 0 = never retry
  double backoff_rate = 2.0;            // default 2.0
  std::optional<double> max_delay_seconds;
  enum class Jitter { none, full } jitter = Jitter::none;
};

struct Catcher {
  SourceLocation loc;
  std::vector<Located> error_equals;
  Located next;
  std::optional<Node> result_path;  // JSONPath; null keeps the input
  std::optional<Node> output;       // JSONata
  std::optional<Node> assign;
};

// Choice rules (JSONPath data-test or Boolean composition, or JSONata Condition).
enum class ChoiceOp {
  string_equals, string_less_than, string_greater_than, string_less_than_equals, string_greater_than_equals,
  string_matches,
  numeric_equals, numeric_less_than, numeric_greater_than, numeric_less_than_equals, numeric_greater_than_equals,
  boolean_equals,
  timestamp_equals, timestamp_less_than, timestamp_greater_than, timestamp_less_than_equals,
  timestamp_greater_than_equals,
  is_null, is_present, is_numeric, is_string, is_boolean, is_timestamp,
  and_, or_, not_,
  condition,  // JSONata `Condition`
};

struct ChoiceRule {
  SourceLocation loc;
  ChoiceOp op = ChoiceOp::condition;
  std::string op_name;                 // the operator as written, e.g. "NumericEqualsPath"
  std::optional<Located> variable;     // JSONPath `Variable`
  // Operand of a data test: a literal (string, number or boolean) or, for ...Path operators, a path.
  std::variant<std::monostate, std::string, double, bool> operand;
  bool operand_is_path = false;
  std::vector<ChoiceRule> children;    // And / Or (one or more), Not (exactly one)
  std::optional<Located> condition;   // JSONata: "{% expr %}" text or "true"/"false"
  std::optional<Located> next;         // top-level rules only
  std::optional<Node> assign;
  std::optional<Node> output;
};

enum class ResourceKind { lambda_function, activity, optimized_integration, aws_sdk, http, unknown };
enum class IntegrationPattern { request_response, sync, sync2, wait_for_task_token };

struct Resource {
  Located arn;
  ResourceKind kind = ResourceKind::unknown;
  std::string service;        // "lambda", "sqs", "dynamodb", "states", "ecs", "batch", "http", or the aws-sdk service
  std::string action;         // "invoke", "sendMessage", "putItem", "startExecution", ... ; empty for a function ARN
  IntegrationPattern pattern = IntegrationPattern::request_response;
  std::string function_name;  // for lambda: function name (without alias/version) when known
  bool has_placeholder = false;  // contains ${Name} substitutions
};

struct State;

// A `States` block with its `StartAt`: the top level, a Parallel branch, or a Map ItemProcessor.
struct Scope {
  SourceLocation loc;
  Located start_at;
  std::vector<State> states;                        // in file order
  std::optional<QueryLanguage> query_language;      // only meaningful at top level
  // Map ItemProcessor only:
  enum class MapMode { inline_mode, distributed } mode = MapMode::inline_mode;
  enum class ExecutionType { none, standard, express } execution_type = ExecutionType::none;
  // For messages: "" at top level, `state "P", branch 2: ` or `state "M", item processor: `.
  std::string label;
};

struct PassState {
  std::optional<Node> result;
  std::optional<Node> parameters;  // JSONPath payload template
};

struct TaskState {
  Resource resource;
  NumberField timeout_seconds;    // per attempt; absent: AWS default 99999999 (docs/sources.md#asl-states)
  NumberField heartbeat_seconds;
  std::optional<Node> parameters;  // or JSONata Arguments
  std::optional<Node> result_selector;
  std::optional<Node> credentials;
};

struct ChoiceState {
  std::vector<ChoiceRule> choices;
  std::optional<Located> default_state;
};

struct WaitState {
  std::optional<double> seconds;
  std::optional<Located> timestamp;     // RFC 3339
  std::optional<Located> seconds_path;  // or JSONata "{% %}" in Seconds
  std::optional<Located> timestamp_path;
  std::optional<Located> jsonata;       // Seconds/Timestamp given as JSONata
};

struct SucceedState {};

struct FailState {
  std::optional<Located> error, error_path, cause, cause_path;
};

struct ParallelState {
  std::vector<Scope> branches;
  std::optional<Node> parameters;  // or JSONata Arguments
  std::optional<Node> result_selector;
};

// Typed views of the Distributed Map I/O blocks (the raw objects stay in MapState::item_reader etc.).
struct ItemReaderSpec {
  Resource resource;                      // arn:aws:states:::s3:getObject | s3:listObjectsV2 | ...
  std::optional<std::string> input_type;  // CSV, JSON, JSONL, MANIFEST, PARQUET (ReaderConfig.InputType)
  NumberField max_items;                  // ReaderConfig.MaxItems / MaxItemsPath
};

struct ItemBatcherSpec {
  NumberField max_items_per_batch;
  NumberField max_input_bytes_per_batch;
};

struct ResultWriterSpec {
  std::optional<Resource> resource;          // arn:aws:states:::s3:putObject
  std::optional<std::string> output_type;    // JSON, JSONL
  std::optional<std::string> transformation; // NONE, COMPACT, FLATTEN
};

struct MapState {
  Scope processor;  // ItemProcessor or deprecated Iterator
  std::optional<Located> items_path;   // JSONPath
  std::optional<Node> items;           // JSONata Items
  std::optional<Node> item_selector;   // or deprecated Parameters
  std::optional<Node> item_reader;     // Distributed only
  std::optional<Node> item_batcher;
  std::optional<Node> result_writer;
  std::optional<ItemReaderSpec> reader;    // typed views of the three above
  std::optional<ItemBatcherSpec> batcher;
  std::optional<ResultWriterSpec> writer;
  std::optional<Node> result_selector;
  NumberField max_concurrency;         // 0 = unlimited
  NumberField tolerated_failure_count;
  NumberField tolerated_failure_percentage;
  std::optional<Located> label;
};

struct State {
  Located name;  // the key in `States`; loc is the key's position
  StateType type = StateType::pass;
  SourceLocation loc;  // position of the state's object
  std::optional<std::string> comment;
  std::optional<QueryLanguage> query_language;
  std::optional<Located> next;
  bool end = false;
  std::optional<Node> input_path, output_path, result_path, output, assign;
  std::vector<Retrier> retry;  // Task, Parallel, Map
  std::vector<Catcher> catchers;
  std::variant<PassState, TaskState, ChoiceState, WaitState, SucceedState, FailState, ParallelState, MapState>
      body;

  // Set by the loader when the state is too broken for transition checks (no usable "Type"), or when
  // its "Next"/"End" was already reported; the validator then skips rule 3 for it.
  bool load_failed = false;
  bool transition_reported = false;

  bool is_terminal() const { return end || type == StateType::succeed || type == StateType::fail; }
};

// The name index of a machine's states, built on the first lookup (thread-safe). A copied or moved
// machine gets a fresh index of its own states; whoever adds, removes or renames states after a lookup
// calls StateMachine::index_states().
class StateIndex {
 public:
  const State* find(const Scope& top, std::string_view name) const;

 private:
  using ByName = std::unordered_map<std::string_view, const State*>;  // keys view the states' own names
  LazyTable<ByName> by_name_;
};

struct StateMachine {
  std::string file;             // path it was loaded from
  std::size_t definition_size_bytes = 0;  // for Express memory (docs/sources.md#sfn-express-billing)
  std::optional<std::string> comment;
  std::optional<std::string> version;
  std::optional<double> timeout_seconds;  // execution-level TimeoutSeconds
  SourceLocation timeout_seconds_loc;
  QueryLanguage query_language = QueryLanguage::jsonpath;
  Scope top;                    // StartAt + States
  bool has_placeholders = false;  // any ${Name} DefinitionSubstitutions

  StateIndex state_index;  // find_state's

  // Finds a state by name anywhere in the machine (names are unique machine-wide; with duplicate names,
  // the first in file order): a hash lookup.
  const State* find_state(std::string_view name) const { return state_index.find(top, name); }
  // Rebuilds the name index after the states changed.
  void index_states() { state_index = StateIndex(); }
};

const char* to_string(StateType t);

}  // namespace flowcost::model::asl
