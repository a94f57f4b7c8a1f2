#include <cmath>
#include <functional>
#include <string>
#include <vector>

#include "model/metering_loader.h"
#include "model/suggest.h"

namespace flowcost::model {

namespace {

// One key of one service group: its name and how it writes into MeteringRules.
struct RuleKey {
  const char* name;
  enum class Type { positive_number, positive_integer, non_negative_integer, boolean } type;
  std::function<void(MeteringRules&, const Node&)> apply;
};

struct RuleGroup {
  const char* name;
  std::vector<RuleKey> keys;
};

using T = RuleKey::Type;

const std::vector<RuleGroup>& rule_groups() {
  static const std::vector<RuleGroup> groups = {
      {"lambda",
       {{"duration_granularity_ms", T::positive_number,
         [](MeteringRules& r, const Node& n) { r.lambda_duration_granularity_ms = *n.number(); }},
        {"init_billed", T::boolean, [](MeteringRules& r, const Node& n) { r.lambda_init_billed = *n.boolean(); }}}},
      {"express",
       {{"duration_granularity_ms", T::positive_number,
         [](MeteringRules& r, const Node& n) { r.express_duration_granularity_ms = *n.number(); }},
        {"memory_chunk_mb", T::positive_number,
         [](MeteringRules& r, const Node& n) { r.express_memory_chunk_mb = *n.number(); }},
        {"base_memory_mb", T::positive_number,
         [](MeteringRules& r, const Node& n) { r.express_base_memory_mb = *n.number(); }}}},
      {"standard",
       {{"transitions_per_execution", T::non_negative_integer,
         [](MeteringRules& r, const Node& n) { r.standard_transitions_per_execution = *n.integer(); }}}},
      {"iot",
       {{"message_unit_bytes", T::positive_integer,
         [](MeteringRules& r, const Node& n) { r.iot_message_unit_bytes = *n.integer(); }}}},
      {"dynamodb",
       {{"write_unit_bytes", T::positive_integer,
         [](MeteringRules& r, const Node& n) { r.dynamodb_write_unit_bytes = *n.integer(); }},
        {"read_unit_bytes", T::positive_integer,
         [](MeteringRules& r, const Node& n) { r.dynamodb_read_unit_bytes = *n.integer(); }}}},
      {"sqs",
       {{"chunk_bytes", T::positive_integer, [](MeteringRules& r, const Node& n) { r.sqs_chunk_bytes = *n.integer(); }}}},
      {"sns",
       {{"chunk_bytes", T::positive_integer, [](MeteringRules& r, const Node& n) { r.sns_chunk_bytes = *n.integer(); }}}},
      {"kinesis",
       {{"payload_unit_bytes", T::positive_integer,
         [](MeteringRules& r, const Node& n) { r.kinesis_payload_unit_bytes = *n.integer(); }}}},
      {"firehose",
       {{"record_unit_bytes", T::positive_integer,
         [](MeteringRules& r, const Node& n) { r.firehose_record_unit_bytes = *n.integer(); }}}},
  };
  return groups;
}

// Empty when `value` fits `type`; otherwise the reason, for the message.
std::string type_problem(const Node& value, T type) {
  switch (type) {
    case T::boolean:
      return value.boolean() ? "" : "must be true or false, not " + value.type_name();
    case T::positive_number: {
      auto v = value.number();
      if (!v) return "must be a number, not " + value.type_name();
      if (!std::isfinite(*v) || *v <= 0) return "must be a positive finite number";
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
