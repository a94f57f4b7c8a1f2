#include <cmath>
#include <functional>
#include <string>
#include <vector>

#include "model/metering_loader.h"
#include "model/number_format.h"
#include "model/suggest.h"
#include "model/units.h"

namespace flowcost::model {

namespace {

// One key of one service group: its name and how it writes into MeteringRules.
struct RuleKey {
  const char* name;
  enum class Type { positive_number, non_negative_number, positive_integer, non_negative_integer, boolean, names } type;
  std::function<void(MeteringRules&, const Node&)> apply;
  std::function<std::string(const MeteringRules&)> show;  // the value as the section writes it
};

struct RuleGroup {
  const char* name;
  std::vector<RuleKey> keys;
  const char* meter_prefix = nullptr;  // the meters it decides; nullptr: "<name>."
};

using T = RuleKey::Type;

std::string text(bool b) { return b ? "true" : "false"; }
std::string text(std::int64_t i) { return std::to_string(i); }
std::string text(double d) { return format_shortest(d); }
// A list of names as the section writes it in flow style: [A, B].
std::string text(const std::vector<std::string>& names) {
  std::string out = "[";
  for (std::size_t i = 0; i < names.size(); ++i) out += (i ? ", " : "") + names[i];
  return out + "]";
}

// The keys of an orchestration latency group: one non-negative number of ms per LatencyKind.
std::vector<RuleKey> latency_keys(LatencyMs MeteringRules::*field) {
  std::vector<RuleKey> keys;
  for (unsigned k = 0; k < kLatencyKinds; ++k)
    keys.push_back({kLatencyKeys[k], RuleKey::Type::non_negative_number,
                    [field, k](MeteringRules& r, const Node& n) { (r.*field)[k] = *n.number(); },
                    [field, k](const MeteringRules& r) { return text((r.*field)[k]); }});
  return keys;
}

const std::vector<RuleGroup>& rule_groups() {
  static const std::vector<RuleGroup> groups = {
      {"lambda",
       {{"duration_granularity_ms", T::positive_number,
         [](MeteringRules& r, const Node& n) { r.lambda_duration_granularity_ms = *n.number(); },
         [](const MeteringRules& r) { return text(r.lambda_duration_granularity_ms); }},
        {"init_billed", T::boolean, [](MeteringRules& r, const Node& n) { r.lambda_init_billed = *n.boolean(); },
         [](const MeteringRules& r) { return text(r.lambda_init_billed); }},
        {"unbilled_errors", T::names,
         [](MeteringRules& r, const Node& n) {
           r.lambda_unbilled_errors.clear();
           for (const auto& item : n.items) r.lambda_unbilled_errors.push_back(item.text);
         },
         [](const MeteringRules& r) { return text(r.lambda_unbilled_errors); }},
        {"async_retries", T::non_negative_integer,
         [](MeteringRules& r, const Node& n) { r.lambda_async_retries = *n.integer(); },
         [](const MeteringRules& r) { return text(r.lambda_async_retries); }},
        {"async_first_retry_wait_ms", T::non_negative_number,
         [](MeteringRules& r, const Node& n) { r.lambda_async_first_retry_wait_ms = *n.number(); },
         [](const MeteringRules& r) { return text(r.lambda_async_first_retry_wait_ms); }},
        {"async_second_retry_wait_ms", T::non_negative_number,
         [](MeteringRules& r, const Node& n) { r.lambda_async_second_retry_wait_ms = *n.number(); },
         [](const MeteringRules& r) { return text(r.lambda_async_second_retry_wait_ms); }}}},
      {"express",
       {{"duration_granularity_ms", T::positive_number,
         [](MeteringRules& r, const Node& n) { r.express_duration_granularity_ms = *n.number(); },
         [](const MeteringRules& r) { return text(r.express_duration_granularity_ms); }},
        {"memory_chunk_mb", T::positive_number,
         [](MeteringRules& r, const Node& n) { r.express_memory_chunk_mb = *n.number(); },
         [](const MeteringRules& r) { return text(r.express_memory_chunk_mb); }},
        {"base_memory_mb", T::positive_number,
         [](MeteringRules& r, const Node& n) { r.express_base_memory_mb = *n.number(); },
         [](const MeteringRules& r) { return text(r.express_base_memory_mb); }},
        {"parallel_branches_are_steps", T::boolean,
         [](MeteringRules& r, const Node& n) { r.express_parallel_branches_are_steps = *n.boolean(); },
         [](const MeteringRules& r) { return text(r.express_parallel_branches_are_steps); }}}},
      {"standard",
       {{"transitions_per_execution", T::non_negative_integer,
         [](MeteringRules& r, const Node& n) { r.standard_transitions_per_execution = *n.integer(); },
         [](const MeteringRules& r) { return text(r.standard_transitions_per_execution); }}}},
      {"express_latency", latency_keys(&MeteringRules::express_latency_ms), "sfn.express."},
      {"standard_latency", latency_keys(&MeteringRules::standard_latency_ms), "sfn.standard."},
      {"iot",
       {{"message_unit_bytes", T::positive_integer,
         [](MeteringRules& r, const Node& n) { r.iot_message_unit_bytes = *n.integer(); },
         [](const MeteringRules& r) { return text(r.iot_message_unit_bytes); }},
        {"rules_in_message_units", T::boolean,
         [](MeteringRules& r, const Node& n) { r.iot_rules_in_message_units = *n.boolean(); },
         [](const MeteringRules& r) { return text(r.iot_rules_in_message_units); }},
        {"error_action_billed", T::boolean,
         [](MeteringRules& r, const Node& n) { r.iot_error_action_billed = *n.boolean(); },
         [](const MeteringRules& r) { return text(r.iot_error_action_billed); }},
        {"where_false_triggers", T::boolean,
         [](MeteringRules& r, const Node& n) { r.iot_where_false_triggers = *n.boolean(); },
         [](const MeteringRules& r) { return text(r.iot_where_false_triggers); }},
        {"http_tries", T::positive_integer, [](MeteringRules& r, const Node& n) { r.iot_http_tries = *n.integer(); },
         [](const MeteringRules& r) { return text(r.iot_http_tries); }}}},
      {"iot_latency",
       {{"rule_evaluation_ms", T::non_negative_number,
         [](MeteringRules& r, const Node& n) { r.iot_rule_evaluation_ms = *n.number(); },
         [](const MeteringRules& r) { return text(r.iot_rule_evaluation_ms); }},
        {"action_dispatch_ms", T::non_negative_number,
         [](MeteringRules& r, const Node& n) { r.iot_action_dispatch_ms = *n.number(); },
         [](const MeteringRules& r) { return text(r.iot_action_dispatch_ms); }}},
       "iot."},
      {"dynamodb",
       {{"write_unit_bytes", T::positive_integer,
         [](MeteringRules& r, const Node& n) { r.dynamodb_write_unit_bytes = *n.integer(); },
         [](const MeteringRules& r) { return text(r.dynamodb_write_unit_bytes); }},
        {"read_unit_bytes", T::positive_integer,
         [](MeteringRules& r, const Node& n) { r.dynamodb_read_unit_bytes = *n.integer(); },
         [](const MeteringRules& r) { return text(r.dynamodb_read_unit_bytes); }}}},
      {"sqs",
       {{"chunk_bytes", T::positive_integer, [](MeteringRules& r, const Node& n) { r.sqs_chunk_bytes = *n.integer(); },
         [](const MeteringRules& r) { return text(r.sqs_chunk_bytes); }}}},
      {"sns",
       {{"chunk_bytes", T::positive_integer, [](MeteringRules& r, const Node& n) { r.sns_chunk_bytes = *n.integer(); },
         [](const MeteringRules& r) { return text(r.sns_chunk_bytes); }}}},
      {"kinesis",
       {{"payload_unit_bytes", T::positive_integer,
         [](MeteringRules& r, const Node& n) { r.kinesis_payload_unit_bytes = *n.integer(); },
         [](const MeteringRules& r) { return text(r.kinesis_payload_unit_bytes); }}}},
      {"firehose",
       {{"record_unit_bytes", T::positive_integer,
         [](MeteringRules& r, const Node& n) { r.firehose_record_unit_bytes = *n.integer(); },
         [](const MeteringRules& r) { return text(r.firehose_record_unit_bytes); }}}},
      {"eventbridge",
       {{"event_unit_bytes", T::positive_integer,
         [](MeteringRules& r, const Node& n) { r.eventbridge_event_unit_bytes = *n.integer(); },
         [](const MeteringRules& r) { return text(r.eventbridge_event_unit_bytes); }}}},
      {"apigateway",
       {{"http_request_unit_bytes", T::positive_integer,
         [](MeteringRules& r, const Node& n) { r.apigateway_http_request_unit_bytes = *n.integer(); },
         [](const MeteringRules& r) { return text(r.apigateway_http_request_unit_bytes); }}}},
      {"fargate",
       {{"duration_granularity_ms", T::positive_number,
         [](MeteringRules& r, const Node& n) { r.fargate_duration_granularity_ms = *n.number(); },
         [](const MeteringRules& r) { return text(r.fargate_duration_granularity_ms); }},
        {"minimum_ms", T::non_negative_number,
         [](MeteringRules& r, const Node& n) { r.fargate_minimum_ms = *n.number(); },
         [](const MeteringRules& r) { return text(r.fargate_minimum_ms); }}}},
  };
  return groups;
}

// Empty when `value` fits `type`; otherwise the reason, for the message.
std::string type_problem(const Node& value, T type) {
  switch (type) {
    case T::boolean:
      return value.boolean() ? "" : "must be true or false, not " + value.type_name();
    case T::positive_number:
    case T::non_negative_number: {
      auto v = value.number();
      if (!v) return "must be a number, not " + value.type_name();
      if (type == T::positive_number && (!std::isfinite(*v) || *v <= 0)) return "must be a positive finite number";
      if (type == T::non_negative_number && (!std::isfinite(*v) || *v < 0)) return "must be a finite number, not negative";
      return "";
    }
    case T::names: {
      if (!value.is_sequence()) return "must be a list of error names, not " + value.type_name();
      for (const auto& item : value.items)
        if (!item.is_string() || item.text.empty()) return "must be a list of error names (strings)";
      return "";
    }
    case T::positive_integer:
    case T::non_negative_integer: {
      auto v = value.integer();
      if (!v) return "must be a whole number, not " + (value.number() ? std::string("a fraction") : value.type_name());
      if (type == T::positive_integer && *v <= 0) return "must be a positive whole number";
      if (type == T::non_negative_integer && *v < 0) return "must not be negative";
      return "";
    }
  }
  return "";
}

}  // namespace

std::vector<MeteringSetting> metering_settings(const MeteringRules& rules) {
  std::vector<MeteringSetting> out;
  for (const auto& g : rule_groups()) {
    const std::string group = g.name;
    // Step Functions' groups are named by workflow type; the others by the service of their meters.
    const std::string prefix = g.meter_prefix                                   ? std::string(g.meter_prefix)
                               : group == "express" || group == "standard" ? "sfn." + group + "."
                                                                           : group + ".";
    for (const auto& k : g.keys) out.push_back({group, group + "." + k.name, k.show(rules), prefix});
  }
  return out;
}

MeteringRules parse_metering_rules(const Node& section, Diagnostics& diags) {
  MeteringRules rules;
  rules.source = section.loc.file;
  if (!section.is_mapping()) {
    diags.error(section.loc, "metering must be a mapping of service to rules, not " + section.type_name());
    return rules;
  }
  std::vector<std::string> group_names;
  for (const auto& g : rule_groups()) group_names.emplace_back(g.name);
  check_known_keys(section, group_names, diags, "metering group");
  for (const auto& g : rule_groups()) {
    const Member* member = section.find_member(g.name);
    if (!member) continue;
    const Node& group = member->value;
    if (!group.is_mapping()) {
      diags.error(group.loc, std::string("metering.") + g.name + " must be a mapping, not " + group.type_name());
      continue;
    }
    std::vector<std::string> key_names;
    for (const auto& k : g.keys) key_names.emplace_back(k.name);
    check_known_keys(group, key_names, diags, std::string("metering.") + g.name + " key");
    for (const auto& k : g.keys) {
      const Node* value = group.find(k.name);
      if (!value) continue;
      std::string problem = type_problem(*value, k.type);
      if (!problem.empty()) {
        diags.error(value->loc, std::string("metering.") + g.name + "." + k.name + " " + problem);
        continue;
      }
      k.apply(rules, *value);
    }
  }
  return rules;
}

}  // namespace flowcost::model
