// Reading one IoT rule action (`{dynamodb: {write_bytes: payload_bytes}}`, `{lambda: {...}}`, ...).
#include <algorithm>

#include "model/scenario/iot_parse_detail.h"
#include "model/scenario/scenario_checks.h"
#include "model/scenario/scenario.h"
#include "model/suggest.h"

namespace flowcost::model {

const char* to_string(IotActionKind k) {
  switch (k) {
    case IotActionKind::dynamodb: return "dynamodb";
    case IotActionKind::dynamodb_v2: return "dynamodbv2";
    case IotActionKind::lambda: return "lambda";
    case IotActionKind::sns: return "sns";
    case IotActionKind::sqs: return "sqs";
    case IotActionKind::s3: return "s3";
    case IotActionKind::firehose: return "firehose";
    case IotActionKind::kinesis: return "kinesis";
    case IotActionKind::republish: return "republish";
    case IotActionKind::cloudwatch_logs: return "cloudwatch_logs";
    case IotActionKind::cloudwatch_metrics: return "cloudwatch_metrics";
    case IotActionKind::http: return "http";
    case IotActionKind::step_functions: return "step_functions";
  }
  return "?";
}

const std::vector<std::string>& iot_action_kind_names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> v;
    for (int k = 0; k <= static_cast<int>(IotActionKind::step_functions); ++k)
      v.emplace_back(to_string(static_cast<IotActionKind>(k)));
    return v;
  }();
  return names;
}

namespace iot_detail {

void check_names(const ValueSpec& value, const NameScope& scope, Diagnostics& diags) {
  if (value.kind != ValueSpec::Kind::expression || !value.expression.valid()) return;
  for (std::size_t i = 0; i < value.expression.names().size(); ++i) {
    const std::string& n = value.expression.names()[i];
    if (std::find(scope.names.begin(), scope.names.end(), n) == scope.names.end())
      diags.error(value.expression.name_loc(i), unknown_name_message("name", n, scope.names) +
                                                    " (names are scenario inputs, workload items or the design's fields)");
  }
}

std::optional<ValueSpec> value_field(const Node& map, const char* key, Dimension d, const NameScope& scope,
                                     Diagnostics& diags) {
  const Node* n = map.find(key);
  if (!n) return std::nullopt;
  std::size_t before = diags.error_count();
  ValueSpec v = parse_value(*n, d, diags);
  if (diags.error_count() != before) return std::nullopt;
  check_names(v, scope, diags);
  if (scope.scenario) check_value_dimension(v, d, *scope.scenario, scope.field_dimensions, diags);
  if (scope.scenario) check_distribution_parameters(v, scalar_names(*scope.scenario), *scope.scenario, "", diags);
  if (scope.files) note_input_files(v, *scope.files);
  return v;
}

std::optional<ValueSpec> probability_field(const Node& map, const char* key, const NameScope& scope,
                                           Diagnostics& diags) {
  const Node* n = map.find(key);
  if (!n) return std::nullopt;
  std::size_t before = diags.error_count();
  ValueSpec v = parse_probability(*n, diags);
  if (diags.error_count() != before) return std::nullopt;
  check_names(v, scope, diags);
  if (scope.files) note_input_files(v, *scope.files);
  return v;
}

namespace {

std::vector<std::string> allowed_keys(IotActionKind k) {
  std::vector<std::string> keys = {"failure", "duration"};
  auto add = [&keys](std::initializer_list<const char*> more) {
    for (const char* m : more) keys.emplace_back(m);
  };
  switch (k) {
    case IotActionKind::dynamodb:
    case IotActionKind::dynamodb_v2: add({"write_bytes"}); break;
    case IotActionKind::lambda: add({"memory_mb", "arch", "cold_start", "retries", "timeout"}); break;
    case IotActionKind::sns:
    case IotActionKind::sqs: add({"message_bytes"}); break;
    case IotActionKind::firehose:
    case IotActionKind::kinesis: add({"record_bytes"}); break;
    case IotActionKind::republish: add({"topic_bytes", "payload_bytes"}); break;
    case IotActionKind::cloudwatch_logs: add({"bytes"}); break;
    case IotActionKind::http: add({"tries"}); break;
    case IotActionKind::step_functions: add({"design"}); break;
    case IotActionKind::s3:
    case IotActionKind::cloudwatch_metrics: break;
  }
  return keys;
}

const char* size_key(IotActionKind k) {
  switch (k) {
    case IotActionKind::dynamodb:
    case IotActionKind::dynamodb_v2: return "write_bytes";
    case IotActionKind::sns:
    case IotActionKind::sqs: return "message_bytes";
    case IotActionKind::firehose:
    case IotActionKind::kinesis: return "record_bytes";
    case IotActionKind::republish: return "payload_bytes";
    case IotActionKind::cloudwatch_logs: return "bytes";
    default: return nullptr;
  }
}

// An integer field within [lo, hi]; `fallback` when absent or wrong (the error is reported).
std::int64_t integer_field(const Node& map, const char* key, std::int64_t lo, std::int64_t hi, std::int64_t fallback,
                           const std::string& what, Diagnostics& diags) {
  const Node* n = map.find(key);
  if (!n) return fallback;
  auto v = n->integer();
  if (!v || *v < lo || *v > hi) {
    diags.error(n->loc, what + "." + key + " must be a whole number from " + std::to_string(lo) + " to " +
                            std::to_string(hi) + ", not " + (n->is_scalar() ? n->text : n->type_name()));
    return fallback;
  }
  return *v;
}

void parse_lambda(const Node& s, IotActionSpec& a, const NameScope& scope, Diagnostics& diags) {
  a.lambda.memory_mb = integer_field(s, "memory_mb", 128, 10240, 128, "lambda", diags);
  if (!s.find("memory_mb")) diags.error(a.loc, "lambda action needs memory_mb (128 to 10240)");
  if (const Node* arch = s.find("arch")) {
    if (arch->is_string() && arch->text == "arm64") a.lambda.arm64 = true;
    else if (arch->is_string() && arch->text == "x86_64") a.lambda.arm64 = false;
    else diags.error(arch->loc, unknown_name_message("lambda arch", arch->text, {"x86_64", "arm64"}));
  }
  if (auto d = value_field(s, "duration", Dimension::duration_ms, scope, diags)) a.lambda.duration = *d;
  else if (!s.find("duration")) diags.error(a.loc, "lambda action needs a duration (a number of ms or a distribution)");
  a.lambda.max_retries = static_cast<int>(integer_field(s, "retries", 0, 2, -1, "lambda", diags));
  if (const Node* t = s.find("timeout")) {
    auto ms = parse_number(*t, Dimension::duration_ms, diags);
    if (ms && (!(*ms > 0) || *ms > kIotLambdaMaxTimeoutMs))
      diags.error(t->loc, "lambda.timeout must be more than 0 and at most 900s (Lambda's 15-minute limit)");
    else if (ms)
      a.lambda.timeout_ms = *ms;
  }
  if (const Node* cold = s.find("cold_start")) {
    if (!cold->is_mapping()) {
      diags.error(cold->loc, "lambda.cold_start must be a mapping {probability: P, init: DURATION}, not " +
                                 cold->type_name());
      return;
    }
    check_known_keys(*cold, {"probability", "init"}, diags, "lambda.cold_start field");
    a.lambda.cold_probability = probability_field(*cold, "probability", scope, diags);
    a.lambda.init = value_field(*cold, "init", Dimension::duration_ms, scope, diags);
    if (!cold->find("probability") || !cold->find("init"))
      diags.error(cold->loc, "lambda.cold_start needs both probability and init");
  }
}

}  // namespace

std::optional<IotActionSpec> parse_action(const Node& node, const std::string& label_prefix, const NameScope& scope,
                                          Diagnostics& diags) {
  if (!node.is_mapping() || node.members.size() != 1) {
    diags.error(node.loc, "an action is a mapping with one key, the action kind (for example {sns: {message_bytes: "
                          "512}}), not " + (node.is_mapping() ? std::to_string(node.members.size()) + " keys"
                                                               : node.type_name()));
    return std::nullopt;
  }
  const Member& m = node.members[0];
  const auto& kinds = iot_action_kind_names();
  auto it = std::find(kinds.begin(), kinds.end(), m.key);
  if (it == kinds.end()) {
    std::string msg = unknown_name_message("action kind", m.key, kinds);
    if (!closest_name(m.key, kinds)) {  // no near name: say which kinds flowcost meters
      msg += "; flowcost meters ";
      for (std::size_t i = 0; i < kinds.size(); ++i) msg += (i ? ", " : "") + kinds[i];
      msg += " (another service's action is not metered: model its call with the closest of these, or leave it out)";
    }
    diags.error(m.key_loc, msg);
    return std::nullopt;
  }
  IotActionSpec a;
  a.kind = static_cast<IotActionKind>(it - kinds.begin());
  a.loc = m.key_loc;
  a.label = label_prefix + m.key;
  const Node& s = m.value;
  if (s.is_null()) {
    if (a.kind == IotActionKind::lambda || a.kind == IotActionKind::step_functions)
      diags.error(s.loc, m.key + " action needs settings");
    return a;
  }
  if (!s.is_mapping()) {
    diags.error(s.loc, m.key + " action settings must be a mapping, not " + s.type_name());
    return std::nullopt;
  }
  check_known_keys(s, allowed_keys(a.kind), diags, m.key + " field");
  a.failure = probability_field(s, "failure", scope, diags);
  // A Lambda action's time is its invocations' (parse_lambda reads its duration, once).
  if (a.kind != IotActionKind::lambda) a.duration = value_field(s, "duration", Dimension::duration_ms, scope, diags);
  if (const char* key = size_key(a.kind)) a.size_bytes = value_field(s, key, Dimension::size_bytes, scope, diags);
  switch (a.kind) {
    case IotActionKind::lambda: parse_lambda(s, a, scope, diags); break;
    case IotActionKind::http: a.tries = static_cast<int>(integer_field(s, "tries", 1, 3, 0, "http", diags)); break;
    case IotActionKind::republish:
      a.topic_bytes = value_field(s, "topic_bytes", Dimension::size_bytes, scope, diags);
      break;
    case IotActionKind::step_functions: {
      const Node* d = s.find("design");
      if (!d || !d->is_string()) {
        diags.error(d ? d->loc : s.loc, "step_functions action needs design: the name of a step_functions design");
        break;
      }
      a.design = d->text;
      a.design_loc = d->loc;
      const auto& sfn = scope.step_functions_designs;
      if (std::find(sfn.begin(), sfn.end(), a.design) == sfn.end())
        diags.error(d->loc, unknown_name_message("step_functions design", a.design, sfn));
      break;
    }
    default: break;
  }
  return a;
}

}  // namespace iot_detail
}  // namespace flowcost::model
