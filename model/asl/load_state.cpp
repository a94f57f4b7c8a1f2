// One state: its common fields (Type, QueryLanguage, Next/End, paths, templates, Assign, Retry/Catch)
// and the fields of Pass, Task, Wait, Succeed, Fail and Parallel (Choice and Map have their own files).
#include <algorithm>

#include "model/asl/load_context.h"
#include "model/asl/placeholders.h"
#include "model/asl/resource.h"
#include "model/asl/states_fields.h"
#include "model/asl/templates.h"
#include "model/suggest.h"

namespace flowcost::model::asl {

namespace {

constexpr std::int64_t kMaxSeconds = 99999999;

const std::vector<std::string> kTypes = {"Pass", "Task", "Choice", "Wait", "Succeed", "Fail", "Parallel", "Map"};

bool has_dynamic_key(const Node& n) {
  for (const auto& m : n.members)
    if ((m.key.size() >= 2 && m.key.substr(m.key.size() - 2) == ".$") || has_dynamic_key(m.value)) return true;
  for (const auto& i : n.items)
    if (has_dynamic_key(i)) return true;
  return false;
}

void load_pass(const FieldReader& r, QueryLanguage language, PassState& out) {
  if (language == QueryLanguage::jsonpath) out.parameters = template_field(r, "Parameters", language);
  if (const Member* m = r.member("Result")) {
    out.result = m->value;
    if (has_dynamic_key(m->value))
      r.warning(m->key_loc, "\"Result\" is static: keys ending in \".$\" are not evaluated there; use "
                            "\"Parameters\" to build the output from the input");
  }
}

// lambda:invoke names its function in Parameters/Arguments.FunctionName (a name, an ARN or a placeholder).
void lambda_function_from_arguments(TaskState& t) {
  if (t.resource.kind != ResourceKind::optimized_integration || t.resource.service != "lambda" || !t.parameters)
    return;
  const Node* fn = t.parameters->find("FunctionName");
  if (!fn || !fn->is_string() || is_jsonata_text(fn->text)) return;
  std::string name = fn->text;
  std::size_t at = name.find(":function:");
  if (at != std::string::npos) {
    name = name.substr(at + 10);
    std::size_t colon = name.find(':');
    if (colon != std::string::npos) name = name.substr(0, colon);
  }
  t.resource.function_name = name;
}

// Credentials (docs/validation-rules.md R14): exactly "RoleArn" (or "RoleArn.$" in JSONPath), a non-empty string.
void check_credentials(const FieldReader& r, const Node& credentials, QueryLanguage language) {
  std::vector<std::string> keys = {"RoleArn"};
  if (language == QueryLanguage::jsonpath) keys.push_back("RoleArn.$");
  const Member* role = nullptr;
  for (const auto& m : credentials.members) {
    if (std::find(keys.begin(), keys.end(), m.key) == keys.end()) {
      r.error(m.key_loc, "\"Credentials\": " + unknown_name_message("field", m.key, keys));
      continue;
    }
    if (role) {
      r.error(m.key_loc, "\"Credentials\": " + quoted(role->key) + " and " + quoted(m.key) + " cannot both be given");
      continue;
    }
    role = &m;
    if (!m.value.is_string())
      r.error(m.value.loc, "\"Credentials\": " + quoted(m.key) + " must be a string (an IAM role ARN), not " +
                               (m.value.type_name() == "array" || m.value.type_name() == "object" ? "an " : "a ") +
                               m.value.type_name());
    else if (m.value.text.empty())
      r.error(m.value.loc, "\"Credentials\": " + quoted(m.key) + " must not be empty");
  }
  if (!role) r.error(credentials.loc, "\"Credentials\" needs \"RoleArn\" (the IAM role to assume)");
}

void load_task(const FieldReader& r, QueryLanguage language, TaskState& out) {
  if (r.require("Resource")) {
    if (auto arn = r.non_empty_string("Resource")) {
      std::optional<std::string> why, doubt;
      out.resource = parse_resource(*arn, why, doubt);
      if (why) r.error(arn->loc, "invalid \"Resource\": " + *why);
      if (doubt) r.warning(arn->loc, "\"Resource\": " + *doubt);
    }
  }
  out.timeout_seconds = number_field(r, "TimeoutSeconds", "TimeoutSecondsPath", 1, kMaxSeconds, language);
  out.heartbeat_seconds = number_field(r, "HeartbeatSeconds", "HeartbeatSecondsPath", 1, kMaxSeconds, language);
  out.parameters = template_field(r, language == QueryLanguage::jsonata ? "Arguments" : "Parameters", language);
  if (language == QueryLanguage::jsonpath) out.result_selector = template_field(r, "ResultSelector", language);
  if (const Member* c = r.member("Credentials")) {
    if (!c->value.is_mapping() && !(c->value.is_string() && is_jsonata_text(c->value.text)))
      r.type_error(*c, "an object");
    else {
      if (c->value.is_mapping()) check_credentials(r, c->value, language);
      out.credentials = template_field(r, "Credentials", language);
    }
  }
  lambda_function_from_arguments(out);
}

void load_wait(const FieldReader& r, QueryLanguage language, WaitState& out) {
  static const char* const keys[] = {"Seconds", "Timestamp", "SecondsPath", "TimestampPath"};
  const Member* first = nullptr;
  for (const char* k : keys) {
    const Member* m = r.member(k);
    if (!m) continue;
    if (first && first->key_loc.line <= m->key_loc.line) {
      r.error(m->key_loc, "a Wait state takes exactly one of \"Seconds\", \"Timestamp\", \"SecondsPath\" and "
                          "\"TimestampPath\"; " + quoted(first->key) + " is already given");
      return;
    }
    if (first) {
      r.error(first->key_loc, "a Wait state takes exactly one of \"Seconds\", \"Timestamp\", \"SecondsPath\" and "
                              "\"TimestampPath\"; " + quoted(m->key) + " is already given");
      return;
    }
    first = m;
  }
  if (!first) {
    r.error(r.object().loc, "a Wait state needs one of \"Seconds\", \"Timestamp\", \"SecondsPath\" and "
                            "\"TimestampPath\"");
    return;
  }
  const Node& v = first->value;
  if (language == QueryLanguage::jsonata && v.is_string() && is_jsonata_text(v.text)) {
    if (auto body = jsonata_string(r, v)) out.jsonata = Located{*body, v.loc};
    return;
  }
  if (first->key == "Seconds") {
    if (auto s = r.integer("Seconds", 0, kMaxSeconds)) out.seconds = static_cast<double>(*s);
  } else if (first->key == "Timestamp") {
    if (auto t = r.string("Timestamp")) {
      if (is_rfc3339(t->value) || is_whole_placeholder(t->value)) out.timestamp = t;
      else r.error(t->loc, "\"Timestamp\" must be an RFC 3339 date-time such as \"2026-03-14T01:59:00Z\", not " +
                               quoted(t->value));
    }
  } else if (first->key == "SecondsPath") {
    out.seconds_path = path_field(r, "SecondsPath", PathKind::reference);
  } else {
    out.timestamp_path = path_field(r, "TimestampPath", PathKind::reference);
  }
}

// ErrorPath / CausePath: a reference path or an intrinsic function yielding a string.
std::optional<Located> path_or_intrinsic(const FieldReader& r, std::string_view key) {
  auto s = r.string(key);
  if (!s || s->value.empty() || s->value[0] == '$') return s ? path_field(r, key, PathKind::reference) : s;
  Node as_template;
  as_template.kind = Node::Kind::mapping;
  Member m;
  m.key = std::string(key) + ".$";
  m.key_loc = s->loc;
  m.value = *r.node(key);
  as_template.members.push_back(m);
  check_payload_template(as_template, r);
  return s;
}

void load_fail(const FieldReader& r, QueryLanguage language, FailState& out) {
  r.exclusive("Error", "ErrorPath");
  r.exclusive("Cause", "CausePath");
  out.error = r.string("Error");
  out.cause = r.string("Cause");
  if (language == QueryLanguage::jsonata) {
    for (const char* k : {"Error", "Cause"})
      if (const Member* m = r.member(k)) jsonata_string(r, m->value);
  }
  if (language == QueryLanguage::jsonpath) {
    out.error_path = path_or_intrinsic(r, "ErrorPath");
    out.cause_path = path_or_intrinsic(r, "CausePath");
  }
}

void load_parallel(LoadContext& ctx, const FieldReader& r, const State& s, QueryLanguage language,
                   ParallelState& out) {
  if (!r.require("Branches")) return;
  const Member* m = r.member("Branches");
  if (!m->value.is_sequence()) {
    r.type_error(*m, "an array of branches");
    return;
  }
  if (m->value.items.empty()) r.error(m->value.loc, "\"Branches\" must hold at least one branch");
  for (std::size_t i = 0; i < m->value.items.size(); ++i) {
    const Node& b = m->value.items[i];
    Scope scope;
    std::string prefix = "state " + quoted(s.name.value) + ", branch " + std::to_string(i + 1) + ": ";
    if (!b.is_mapping()) {
      r.error(b.loc, "branch " + std::to_string(i + 1) + " must be an object with \"StartAt\" and \"States\", not "
                                                         "a " + b.type_name());
      continue;
    }
    load_scope(ctx, b, prefix, ScopeKind::branch, scope);
    out.branches.push_back(std::move(scope));
  }
  if (language == QueryLanguage::jsonata) {
    out.parameters = template_field(r, "Arguments", language);
  } else {
    out.parameters = template_field(r, "Parameters", language);
    out.result_selector = template_field(r, "ResultSelector", language);
  }
}

void load_common(const FieldReader& r, QueryLanguage language, State& s) {
  if (auto c = r.string("Comment")) s.comment = c->value;
  auto allowed = [&](std::string_view k) { return state_field_allowed(k, s.type, language); };
  if (allowed("Next")) {
    bool both = r.exclusive("Next", "End");
    if (r.has("Next")) {
      s.next = r.non_empty_string("Next");
      if (!s.next || both) s.transition_reported = true;
    }
    if (r.has("End")) {
      auto e = r.boolean("End");
      if (!e) s.transition_reported = true;
      else if (!*e) {
        r.error(r.member("End")->value.loc, "\"End\" can only be true; use \"Next\" to continue");
        s.transition_reported = true;
      }
      s.end = e.value_or(false) && !s.next;
    }
  } else if (r.has("Next") || r.has("End")) {
    s.transition_reported = true;
  }
  if (allowed("InputPath")) s.input_path = nullable_path_field(r, "InputPath", PathKind::path);
  if (allowed("OutputPath")) s.output_path = nullable_path_field(r, "OutputPath", PathKind::path);
  if (allowed("ResultPath")) s.result_path = nullable_path_field(r, "ResultPath", PathKind::result);
  if (allowed("Output")) s.output = template_field(r, "Output", language);
  if (allowed("Assign")) s.assign = assign_field(r, language);
  if (allowed("Retry")) {
    if (const Member* m = r.member("Retry")) load_retriers(r, *m, s.retry);
  }
  if (allowed("Catch")) {
    if (const Member* m = r.member("Catch")) load_catchers(r, *m, language, s.catchers);
  }
}

}  // namespace

State load_state(LoadContext& ctx, const Member& entry) {
  State s;
  s.name = Located{entry.key, entry.key_loc};
  s.loc = entry.value.loc;
  FieldReader r(entry.value, "state " + quoted(entry.key) + ": ", ctx.diags);
  if (!entry.value.is_mapping()) {
    r.error(entry.value.loc, "a state must be an object, not a " + entry.value.type_name());
    s.load_failed = true;
    return s;
  }
  if (!r.require("Type")) {
    s.load_failed = true;
    return s;
  }
  auto type = r.enumeration("Type", kTypes);
  if (!type) {
    s.load_failed = true;
    return s;
  }
  for (std::size_t i = 0; i < kTypes.size(); ++i)
    if (kTypes[i] == type->value) s.type = static_cast<StateType>(i);

  QueryLanguage language = ctx.machine_language;
  if (auto ql = r.enumeration("QueryLanguage", {"JSONPath", "JSONata"})) {
    language = ql->value == "JSONata" ? QueryLanguage::jsonata : QueryLanguage::jsonpath;
    s.query_language = language;
    if (language == QueryLanguage::jsonpath && ctx.machine_language == QueryLanguage::jsonata)
      r.error(ql->loc, "a JSONata state machine cannot contain JSONPath states");
  } else if (r.has("QueryLanguage")) {
    // Reported above; Step Functions reads any value but "JSONPath" as JSONata, and so do its other checks.
    language = QueryLanguage::jsonata;
    s.query_language = language;
  }
  if (check_state_fields(r, s.type, language)) s.transition_reported = true;
  load_common(r, language, s);
  if (language == QueryLanguage::jsonata) check_states_fields(r, entry.value, s.type);
  switch (s.type) {
    case StateType::pass: load_pass(r, language, s.body.emplace<PassState>()); break;
    case StateType::task: load_task(r, language, s.body.emplace<TaskState>()); break;
    case StateType::choice: load_choice(ctx, r, language, s.body.emplace<ChoiceState>()); break;
    case StateType::wait: load_wait(r, language, s.body.emplace<WaitState>()); break;
    case StateType::succeed: s.body.emplace<SucceedState>(); break;
    case StateType::fail: load_fail(r, language, s.body.emplace<FailState>()); break;
    case StateType::parallel: load_parallel(ctx, r, s, language, s.body.emplace<ParallelState>()); break;
    case StateType::map: load_map(ctx, r, s, language, s.body.emplace<MapState>()); break;
  }
  return s;
}

}  // namespace flowcost::model::asl
