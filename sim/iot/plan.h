#pragma once
// An iot_rules design compiled for simulation: flat arrays of rules, actions and SQL conditions, with
// every value compiled into the design's ValuePlan (sim/value_compiler.h; fields below hold its indices)
// and every random decision given its own stable site.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "model/metering.h"
#include "model/scenario/iot_rules_design.h"
#include "sim/execution.h"
#include "sim/value_compiler.h"

namespace flowcost::sim::iot {

// A SQL WHERE condition as a flat tree: node 0 is the root; children by index.
struct ConditionNode {
  enum class Kind { compare, all_of, any_of, negate } kind = Kind::compare;
  model::SqlCompare op = model::SqlCompare::eq;
  // Operands: a constant (number, or a string's label index) or a named value of the ValuePlan.
  bool lhs_is_value = false, rhs_is_value = false;
  double lhs = 0, rhs = 0;
  std::uint32_t lhs_value = 0, rhs_value = 0;
  std::vector<std::uint32_t> children;
};

struct Condition {
  std::vector<ConditionNode> nodes;
  bool evaluate(const DrawValues& values) const { return evaluate_node(0, values); }

 private:
  bool evaluate_node(std::uint32_t i, const DrawValues& values) const;
};

Condition compile_condition(const model::SqlCondition& where, ValueCompiler& values, const model::Scenario& scenario,
                            const std::vector<model::IotFieldSpec>& fields);

struct LambdaPlan {
  std::int64_t memory_mb = 128;
  bool arm64 = false;
  std::uint32_t duration_ms = 0;
  std::optional<std::uint32_t> cold_probability;
  std::optional<std::uint32_t> init_ms;
  int max_retries = -1;          // -1: the table's metering.lambda.async_retries
  double timeout_ms = 900'000;   // the function's timeout (at most Lambda's 900 s)
};

struct ActionPlan {
  model::IotActionKind kind = model::IotActionKind::s3;
  std::uint64_t site = 0;        // the action's own random stream
  std::uint32_t error_id = 0;    // index into error_names()
  std::optional<std::uint32_t> size_bytes;  // default: the message payload
  std::optional<std::uint32_t> failure;
  std::optional<std::uint32_t> duration_ms;
  std::optional<std::uint32_t> topic_bytes;  // republish; default: the design's topic
  int tries = 1;                 // HTTP: 0 = the table's metering.iot.http_tries
  LambdaPlan lambda;
  int subdesign = -1;            // step_functions: index into the simulator's sub-designs
};

struct RulePlan {
  std::string name;
  std::uint64_t site = 0;  // the rule's match stream
  std::uint64_t topic_site = 0;  // the rule's topic stream (topic_share)
  std::optional<std::uint32_t> topic_share;  // absent: every message is on the rule's topic
  std::optional<std::uint32_t> match;
  std::optional<Condition> where;  // from sql; absent with sql and no WHERE: every message matches
  bool from_sql = false;
  std::vector<ActionPlan> actions;
  std::optional<ActionPlan> error_action;
};

struct DesignPlan {
  std::string name;
  model::IotIngest ingest = model::IotIngest::broker;
  std::uint32_t payload_bytes = 0;
  std::uint32_t topic_bytes = 0;
  std::optional<std::uint32_t> devices, minutes_per_device;
  std::vector<model::MonthlyQuantity> fixed;  // the design's `fixed:` monthly quantities
  std::vector<RulePlan> rules;
  ValuePlan values;
  std::vector<std::string> error_names;  // [0] = ""
  std::vector<std::string> warnings;
  std::vector<model::UnpricedCall> unpriced;  // of the step_functions designs its actions start
};

}  // namespace flowcost::sim::iot
