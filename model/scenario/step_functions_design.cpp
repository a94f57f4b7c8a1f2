// A `kind: step_functions` design: top-level fields, the definition, the trigger, the sampled input, and
// the check that every Task that needs a behaviour has one (docs/scenario-format.md).
#include <algorithm>
#include <cstdio>

#include "model/asl/loader.h"
#include "model/template/definition_loader.h"
#include "model/asl/resource.h"
#include "model/errors.h"
#include "model/scenario/sfn_parse_util.h"
#include "model/scenario/step_functions_design.h"
#include "model/source_file.h"
#include "model/suggest.h"

namespace flowcost::model {

namespace {

using sfn_parse::Context;

void parse_trigger(const Context& ctx, const Node& node, TriggerSpec& t) {
  t.loc = node.loc;
  const std::vector<std::string> kinds = {"iot_rule", "lambda", "s3", "api", "none"};
  if (node.is_scalar()) {
    const std::string& k = node.text;
    if (k == "iot_rule") t.iot_rule = true;
    else if (k == "s3") t.s3 = true;
    else if (k == "api") t.api = TriggerSpec::Api::rest;
    else if (k == "lambda")
      ctx.diags.error(node.loc, "a lambda trigger needs its function: trigger: {lambda: {memory_mb: 128, duration: 20ms}}");
    else if (k != "none") ctx.diags.error(node.loc, unknown_name_message("trigger", k, kinds));
    return;
  }
  if (!sfn_parse::expect_mapping(node, "trigger", ctx.diags)) return;
  check_known_keys(node, {"iot_rule", "lambda", "s3", "api"}, ctx.diags, "trigger");
  if (const Node* v = node.find("iot_rule")) {
    t.iot_rule = true;
    if (v->is_mapping()) {
      check_known_keys(*v, {"topic_bytes", "connection"}, ctx.diags, "field");
      if (const Node* b = v->find("topic_bytes"))
        if (auto n = parse_number(*b, Dimension::size_bytes, ctx.diags)) t.iot_topic_bytes = *n;
      if (const Node* c = v->find("connection")) t.iot_connection = parse_connection_spec(*c, ctx.scenario, {}, ctx.diags);
    }
  }
  if (node.find("s3")) t.s3 = true;
  if (const Node* v = node.find("api")) {
    t.api = TriggerSpec::Api::rest;
    if (v->is_mapping()) {
      check_known_keys(*v, {"type", "request_bytes"}, ctx.diags, "field");
      if (const Node* type = v->find("type")) {
        if (type->text == "http") t.api = TriggerSpec::Api::http;
        else if (type->text != "rest") ctx.diags.error(type->loc, unknown_name_message("API type", type->text, {"rest", "http"}));
      }
      if (const Node* b = v->find("request_bytes")) {
        t.api_request_bytes = sfn_parse::value(ctx, *b, Dimension::size_bytes);
        if (t.api != TriggerSpec::Api::http)
          ctx.diags.error(b->loc, "request_bytes applies to an HTTP API (type: http); REST API requests are not metered by size");
      }
    } else if (!v->is_null()) {
      ctx.diags.error(v->loc, "api must be a mapping {type: rest|http, request_bytes: SIZE}, not " + v->type_name());
    }
  }
  if (const Node* v = node.find("lambda"); v && sfn_parse::expect_mapping(*v, "trigger lambda", ctx.diags)) {
    Node config = *v;
    std::erase_if(config.members, [](const Member& m) { return m.key == "duration"; });
    t.lambda = sfn_parse::parse_lambda_config(ctx, config);
    if (const Node* d = v->find("duration")) t.lambda_duration_ms = sfn_parse::value(ctx, *d, Dimension::duration_ms);
    else ctx.diags.error(v->loc, "the trigger lambda needs a duration");
  }
}

void parse_input(const Context& ctx, const Node& node, std::vector<InputField>& out) {
  if (!sfn_parse::expect_mapping(node, "input", ctx.diags)) return;
  for (const auto& m : node.members) {
    if (m.key.size() < 3 || m.key.rfind("$.", 0) != 0) {
      ctx.diags.error(m.key_loc, "input field \"" + m.key + "\" must be a path of the execution input like \"$.foo\"");
      continue;
    }
    InputField f;
    f.path = m.key;
    f.loc = m.key_loc;
    f.value = sfn_parse::value(ctx, m.value, Dimension::none);
    if (f.value.kind == ValueSpec::Kind::distribution) f.labels = f.value.distribution.labels;
    out.push_back(std::move(f));
  }
}

// Which Tasks cannot run without a behaviour, and the warnings for those that default.
void check_needed_behaviours(const Context& ctx, StepFunctionsDesign& d, const SourceLocation& where) {
  for (const auto* s : sfn_parse::all_states(d.machine)) {
    if (s->type != asl::StateType::task) continue;
    const auto& task = std::get<asl::TaskState>(s->body);
    const auto& r = task.resource;
    const TaskBehaviour* b = d.find_task(s->name.value);
    const std::string name = "\"" + s->name.value + "\"";
    const bool is_lambda = asl::runs_lambda_function(r);
    const bool is_job = (r.service == "batch" || r.service == "ecs") &&
                        r.pattern != asl::IntegrationPattern::request_response;
    if (r.pattern == asl::IntegrationPattern::wait_for_task_token && !(b && b->callback))
      ctx.diags.error(where, "Task " + name + " waits for a task token (.waitForTaskToken) and needs tasks: {" +
                                 s->name.value + ": {callback: {wait: ...}}}");
    if (r.service == "states" && r.action.rfind("startExecution", 0) == 0 && !(b && b->execution))
      ctx.diags.error(where, "Task " + name + " starts a state machine and needs tasks: {" + s->name.value +
                                 ": {execution: {definition: ...}}}");
    if ((is_lambda || is_job) && !(b && (b->duration_ms || b->mocked)))
      ctx.diags.error(where, "Task " + name + " runs " + (is_lambda ? "a Lambda function" : "a job") +
                                 " and needs a duration: tasks: {" + s->name.value + ": {duration: ...}}");
    if (is_lambda && b && !b->lambda)
      d.warnings.push_back("Task " + name + " has no lambda: {memory_mb, arch}; assuming 128 MB x86_64");
    if (is_job && b && !b->fargate)
      d.warnings.push_back("Task " + name + " has no fargate: {vcpu, memory_gb}; assuming 1 vCPU and 2 GB");
    if (!b && !is_lambda && !is_job && r.pattern != asl::IntegrationPattern::wait_for_task_token)
      d.warnings.push_back("Task " + name + " has no behaviour; it takes 0 ms and always succeeds");
  }
  for (const auto* s : sfn_parse::all_states(d.machine)) {
    if (s->type == asl::StateType::map && !d.find_map(s->name.value))
      ctx.diags.error(where, "Map \"" + s->name.value + "\" needs an item count: maps: {" + s->name.value +
                                 ": {items: ...}}");
    if (s->type == asl::StateType::wait) {
      const auto& w = std::get<asl::WaitState>(s->body);
      bool dynamic = w.seconds_path || w.timestamp_path || w.jsonata;
      if (dynamic && !d.find_wait(s->name.value))
        ctx.diags.error(where, "Wait \"" + s->name.value + "\" takes its time from the data and needs waits: {" +
                                   s->name.value + ": {wait: ...}}");
      if (w.timestamp && !d.find_wait(s->name.value) && !d.start_time_epoch_s)
        ctx.diags.error(where, "Wait \"" + s->name.value + "\" waits until a timestamp and needs the design's "
                                   "start_time (when executions start) or waits: {" + s->name.value + ": {wait: ...}}");
    }
  }
}

// Numbers a definition takes from the data at run time (a ...Path, or JSONata) that the simulation cannot
// know, and values it does not apply: a warning each, saying what the simulation does instead.
void warn_unknown_limits(StepFunctionsDesign& d) {
  auto dynamic = [](const asl::NumberField& f) { return f.path.has_value() || f.jsonata.has_value(); };
  auto warn = [&](const asl::State& s, const std::string& field, const std::string& instead) {
    d.warnings.push_back(std::string(s.type == asl::StateType::map ? "Map" : "Task") + " \"" + s.name.value +
                         "\" takes " + field + " from the data at run time, which flowcost cannot know; " + instead);
  };
  for (const auto* s : sfn_parse::all_states(d.machine)) {
    if (const auto* t = std::get_if<asl::TaskState>(&s->body)) {
      if (dynamic(t->timeout_seconds)) warn(*s, "TimeoutSeconds", "it runs without a timeout");
      if (dynamic(t->heartbeat_seconds)) warn(*s, "HeartbeatSeconds", "it runs without a heartbeat timeout");
    }
    if (const auto* m = std::get_if<asl::MapState>(&s->body)) {
      if (dynamic(m->max_concurrency)) warn(*s, "MaxConcurrency", "it runs with no concurrency limit");
      if (dynamic(m->tolerated_failure_count) || dynamic(m->tolerated_failure_percentage))
        warn(*s, "its tolerated failure threshold", "it tolerates no failure");
      if (m->batcher && dynamic(m->batcher->max_items_per_batch))
        warn(*s, "MaxItemsPerBatch", "each child execution gets one item");
      if (m->batcher && (m->batcher->max_input_bytes_per_batch.literal || dynamic(m->batcher->max_input_bytes_per_batch)))
        d.warnings.push_back("Map \"" + s->name.value + "\": flowcost does not apply MaxInputBytesPerBatch; " +
                             "each child execution gets MaxItemsPerBatch items (one without it)");
    }
  }
}

bool is_input_field(const StepFunctionsDesign& d, std::string_view path) {
  for (const auto& f : d.input)
    if (f.path == path) return true;
  return false;
}

void check_rule(const Context& ctx, const StepFunctionsDesign& d, const std::string& state, const asl::ChoiceRule& r) {
  using Op = asl::ChoiceOp;
  const std::string hint = "; give the Choice weights under choices: {" + state + ": {...}}";
  const std::string or_hint = " or give the Choice weights under choices: {" + state + ": {...}}";
  switch (r.op) {
    case Op::and_:
    case Op::or_:
    case Op::not_:
      for (const auto& c : r.children) check_rule(ctx, d, state, c);
      return;
    case Op::condition:
      ctx.diags.error(r.loc, "Choice \"" + state + "\" uses a JSONata Condition, which flowcost does not evaluate" + hint);
      return;
    case Op::timestamp_equals:
    case Op::timestamp_less_than:
    case Op::timestamp_greater_than:
    case Op::timestamp_less_than_equals:
    case Op::timestamp_greater_than_equals:
      // A literal operand is a timestamp or a placeholder (the loader allows no other); a placeholder has
      // no instant to compare with until CloudFormation substitutes it.
      if (const auto* t = std::get_if<std::string>(&r.operand); t && !r.operand_is_path && !parse_rfc3339_epoch_s(*t)) {
        ctx.diags.error(r.loc, "Choice \"" + state + "\" compares with \"" + *t +
                                   "\", which is not a timestamp until it is substituted" + hint);
        return;
      }
      break;
    default: break;
  }
  if (r.op == Op::is_present || !r.variable) return;
  if (!is_input_field(d, r.variable->value))
    ctx.diags.error(r.variable->loc, "Choice \"" + state + "\" reads \"" + r.variable->value +
                                         "\", which is not a sampled input field: add it under input:" + or_hint);
  if (r.operand_is_path) {
    const auto* p = std::get_if<std::string>(&r.operand);
    if (p && !is_input_field(d, *p))
      ctx.diags.error(r.loc, "Choice \"" + state + "\" reads \"" + *p +
                                 "\", which is not a sampled input field: add it under input:" + or_hint);
  }
}

// A Choice without weights is evaluated on the sampled input: its rules may only read input fields.
void check_choice_rules(const Context& ctx, const StepFunctionsDesign& d) {
  for (const auto* s : sfn_parse::all_states(d.machine)) {
    if (s->type != asl::StateType::choice || d.find_choice(s->name.value)) continue;
    for (const auto& r : std::get<asl::ChoiceState>(s->body).choices) check_rule(ctx, d, s->name.value, r);
  }
}

}  // namespace

const TaskBehaviour* StepFunctionsDesign::find_task(std::string_view s) const { return task_index.find(tasks, s); }
const ChoiceWeights* StepFunctionsDesign::find_choice(std::string_view s) const { return choice_index.find(choices, s); }
const MapBehaviour* StepFunctionsDesign::find_map(std::string_view s) const { return map_index.find(maps, s); }
const WaitBehaviour* StepFunctionsDesign::find_wait(std::string_view s) const { return wait_index.find(waits, s); }

StepFunctionsDesign parse_step_functions_design(const Node& node, const Scenario& scenario,
                                                const std::string& directory, Diagnostics& diags, bool child) {
  StepFunctionsDesign d;
  d.loc = node.loc;
  Context ctx{scenario, directory, diags, d.files, nullptr, {}};
  for (const auto& in : scenario.inputs) ctx.known_names.push_back(in.name);
  for (const auto& it : scenario.workload.items) ctx.known_names.push_back(it.name);
  ctx.known_names.push_back("events_per_month");

  std::vector<std::string> keys = {"workflow", "definition", "state_machine", "payload", "start_time", "input",
                                   "tasks",    "choices",    "maps",    "waits",      "mock_config",
                                   "task_failed_matches", "logging", "orchestration"};
  if (!child) {
    keys.insert(keys.end(), {"name", "kind", "trigger", "fixed"});
    if (const Node* n = node.find("name")) d.name = n->text;
  }
  check_known_keys(node, keys, diags, "field");

  std::optional<bool> express;  // the design's workflow; otherwise a template's type
  if (const Node* w = node.find("workflow")) {
    if (w->text == "express") express = true;
    else if (w->text == "standard") express = false;
    else diags.error(w->loc, "workflow must be \"standard\" or \"express\"");
  }
  const Node* def = node.find("definition");
  if (!def || !def->is_scalar()) {
    diags.error(def ? def->loc : node.loc,
                "a step_functions design needs a definition (an ASL file, or a CloudFormation or SAM template)");
    return d;
  }
  templates::StateMachinePick pick{std::nullopt, def->loc};
  if (const Node* sm = node.find("state_machine")) {
    pick.logical_id = sm->text;
    pick.at = sm->loc;
  }
  d.definition_path = sfn_parse::resolve_path(directory, def->text);
  Diagnostics warnings;
  try {
    auto loaded = templates::load_definition(read_named_file(d.definition_path, def->loc), pick, express, &warnings);
    d.files.insert(loaded.files.begin(), loaded.files.end());
    d.workflow = loaded.express ? SfnWorkflow::express : SfnWorkflow::standard;
    d.machine = std::move(loaded.machine);
  } catch (const InputError& e) {
    for (const auto& item : e.diagnostics()) diags.add(item);
    return d;
  }
  diags.append(warnings);  // the definition's own warnings, at their positions
  ctx.machine = &d.machine;

  if (!child) {
    if (const Node* t = node.find("trigger")) parse_trigger(ctx, *t, d.trigger);
    if (const Node* f = node.find("fixed")) d.fixed = parse_fixed_section(*f, scenario, diags);
  }
  if (const Node* p = node.find("payload")) d.payload_bytes = sfn_parse::value(ctx, *p, Dimension::size_bytes);
  if (const Node* s = node.find("start_time")) {
    d.start_time_epoch_s = parse_rfc3339_epoch_s(s->text);
    if (!d.start_time_epoch_s)
      diags.error(s->loc, "start_time must be an RFC 3339 timestamp like 2026-01-01T00:00:00Z");
  }
  if (const Node* n = node.find("task_failed_matches")) {
    if (n->text == "non_states_errors") d.task_failed = TaskFailedMatching::non_states_errors;
    else if (n->text != "all_but_timeouts")
      diags.error(n->loc, "task_failed_matches must be \"all_but_timeouts\" or \"non_states_errors\"");
  }
  if (const Node* n = node.find("logging"); n && sfn_parse::expect_mapping(*n, "logging", diags)) {
    check_known_keys(*n, {"level", "event_bytes"}, diags, "field");
    LoggingSpec l;
    l.loc = n->loc;
    if (const Node* v = n->find("level")) {
      if (v->text == "ALL" || v->text == "all") l.level = LoggingSpec::Level::all;
      else if (v->text == "ERROR" || v->text == "error") l.level = LoggingSpec::Level::error;
      else if (v->text == "FATAL" || v->text == "fatal") l.level = LoggingSpec::Level::fatal;
      else if (v->text == "OFF" || v->text == "off") l.level = LoggingSpec::Level::off;
      else diags.error(v->loc, unknown_name_message("logging level", v->text, {"ALL", "ERROR", "FATAL", "OFF"}));
    } else {
      diags.error(n->loc, "logging needs a level (ALL, ERROR, FATAL or OFF)");
    }
    if (const Node* b = n->find("event_bytes")) l.event_bytes = sfn_parse::value(ctx, *b, Dimension::size_bytes);
    else diags.error(n->loc, "logging needs event_bytes (the size of one log event)");
    d.logging = std::move(l);
  }
  if (const Node* n = node.find("orchestration"); n && sfn_parse::expect_mapping(*n, "orchestration", diags)) {
    check_known_keys(*n, std::vector<std::string>(kLatencyKeys.begin(), kLatencyKeys.end()), diags,
                     "orchestration field");
    for (unsigned k = 0; k < kLatencyKinds; ++k)
      if (const Node* v = n->find(kLatencyKeys[k])) d.orchestration_ms[k] = sfn_parse::value(ctx, *v, Dimension::duration_ms);
  }
  if (const Node* n = node.find("input")) parse_input(ctx, *n, d.input);
  if (const Node* n = node.find("tasks")) sfn_parse::parse_tasks(ctx, *n, d.tasks);
  if (const Node* n = node.find("choices")) sfn_parse::parse_choices(ctx, *n, d.choices);
  if (const Node* n = node.find("maps")) sfn_parse::parse_maps(ctx, *n, d.maps);
  if (const Node* n = node.find("waits")) sfn_parse::parse_waits(ctx, *n, d.waits);
  if (const Node* n = node.find("mock_config")) sfn_parse::apply_mock_config(ctx, *n, d.tasks);
  const Node* tasks = node.find("tasks");
  check_choice_rules(ctx, d);
  check_needed_behaviours(ctx, d, tasks ? node.find_member("tasks")->key_loc : def->loc);
  warn_unknown_limits(d);
  return d;
}

}  // namespace flowcost::model
