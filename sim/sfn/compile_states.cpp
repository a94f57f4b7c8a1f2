// Plan details of Task, Choice, Wait and Map states (docs/scenario-format.md "Step Functions designs").
#include <algorithm>
#include <cctype>
#include <cmath>

#include "model/asl/resource.h"
#include "model/errors.h"
#include "sim/sfn/compile_detail.h"

namespace flowcost::sim::sfn {

namespace {

using model::asl::ChoiceOp;
using model::asl::IntegrationPattern;

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool one_of(const std::string& action, std::initializer_list<const char*> names) {
  const std::string a = lower(action);
  for (const char* n : names)
    if (a == lower(n)) return true;
  return false;
}

CallKind dynamodb_kind(const model::DynamoDbCall& c) {
  using C = model::DynamoDbCall::Consistency;
  if (c.op == model::DynamoDbCall::Op::write)
    return c.consistency == C::transactional ? CallKind::dynamodb_write_transactional : CallKind::dynamodb_write;
  switch (c.consistency) {
    case C::strong: return CallKind::dynamodb_read_strong;
    case C::transactional: return CallKind::dynamodb_read_transactional;
    case C::eventual: break;
  }
  return CallKind::dynamodb_read_eventual;
}

std::optional<double> literal(const model::asl::NumberField& f) { return f.literal; }

constexpr const char* kSnsFifoReason =
    "a FIFO topic, whose publishes AWS prices per request and per GB of payload; flowcost's tables have no FIFO "
    "topic prices, so its publishes are not metered (a standard topic's sns.publishes would be the wrong price)";

// Whether the Task's parameters name a FIFO queue or topic: a literal `key` (QueueUrl, TopicArn) ending in
// ".fifo", as AWS requires of FIFO queue and topic names. A path or an expression says nothing.
bool names_fifo(const model::asl::TaskState& task, std::string_view key) {
  const model::Node* v = task.parameters ? task.parameters->find(key) : nullptr;
  return v && v->is_scalar() && v->text.ends_with(".fifo");
}

}  // namespace

std::uint32_t Compiler::compile_task(const model::asl::State& s, Machine& m) {
  const auto& task = std::get<model::asl::TaskState>(s.body);
  const auto& r = task.resource;
  const model::TaskBehaviour* b = m.design.find_task(s.name.value);
  const std::string& name = s.name.value;
  auto role = [&](const char* what) {
    return ValueRole{std::string(what) + " of Task " + name, ValueCheck::nonnegative};
  };
  PlanTask t;
  t.index = static_cast<std::uint32_t>(plan.tasks.size());
  plan.tasks.emplace_back();  // reserved: a child machine compiled below adds its own tasks after it
  const bool resource_lambda = model::asl::runs_lambda_function(r);
  t.lambda = resource_lambda || (b && b->lambda);
  if (b && b->lambda) {
    t.memory_mb = b->lambda->memory_mb;
    t.arm64 = b->lambda->arch == model::LambdaArch::arm64;
    t.function_timeout_ms = b->lambda->timeout_ms;
  }
  if (auto v = literal(task.timeout_seconds)) t.timeout_ms = *v * 1000;
  if (auto v = literal(task.heartbeat_seconds)) t.heartbeat_ms = *v * 1000;
  const bool job = (r.service == "batch" || r.service == "ecs") && r.pattern != IntegrationPattern::request_response;
  // Heartbeats are sent by callback workers and activities (docs/sources.md#asl-states); .sync jobs are polled.
  t.heartbeat_applies = r.pattern == IntegrationPattern::wait_for_task_token ||
                        r.kind == model::asl::ResourceKind::activity;
  t.fargate = job || (b && b->fargate);
  if (b && b->fargate) {
    t.fargate_vcpu = b->fargate->vcpu;
    t.fargate_memory_gb = b->fargate->memory_gb;
  }
  t.memory_mb_int = std::llround(t.memory_mb);
  t.fargate_milli_vcpu = std::llround(t.fargate_vcpu * 1000);
  t.fargate_memory_mb = std::llround(t.fargate_memory_gb * 1024);
  if (b) {
    if (b->duration_ms) t.duration = values.add(*b->duration_ms, role("duration"));
    if (b->cold_start) {
      t.cold_probability =
          values.add(b->cold_start->probability, {"cold-start probability of Task " + name, ValueCheck::probability});
      t.init = values.add(b->cold_start->init_ms, role("cold-start init duration"));
    }
    t.errors_first = static_cast<std::uint32_t>(plan.task_errors.size());
    for (const auto& e : b->errors)
      plan.task_errors.push_back(
          {error_id(e.name), values.add(e.probability, {"probability of " + e.name, ValueCheck::probability})});
    t.errors_count = static_cast<std::uint32_t>(b->errors.size());
    if (b->callback) {
      t.callback_wait = values.add(b->callback->wait_ms, role("callback wait"));
      if (b->callback->heartbeat_every_ms) t.heartbeat_every_ms = *b->callback->heartbeat_every_ms;
    }
    if (b->mocked) {
      t.mocked = true;
      t.mock_first = static_cast<std::uint32_t>(plan.mock_steps.size());
      for (const auto& st : b->mock)
        plan.mock_steps.push_back({st.first, st.last, st.error ? error_id(*st.error) : 0u});
      t.mock_count = static_cast<std::uint32_t>(b->mock.size());
    }
    if (b->execution) {
      const std::string outer_prefix = state_prefix;
      state_prefix += s.name.value + "/";
      const std::uint32_t child = compile_machine(*b->execution);
      state_prefix = outer_prefix;
      t.child_machine = child;
      t.child_waits = r.pattern != IntegrationPattern::request_response;
    }
  }
  // Downstream calls: the one the Resource makes, sized by the behaviour (or the payload), then the
  // behaviour's own (calls a Lambda function makes, for example).
  const std::uint32_t payload = plan.machines[m.index].payload_ref;
  auto size_or_payload = [&](const std::optional<model::ValueSpec>& v) {
    return v ? values.add(*v, role("call size")) : (payload != kNone ? payload : values.add_constant(0));
  };
  t.calls_first = static_cast<std::uint32_t>(plan.calls.size());
  auto count_or_one = [&](const std::optional<model::ValueSpec>& v, const char* what) {
    return v ? values.add(*v, role(what)) : kNone;
  };
  auto records = [&](CallKind kind, const std::optional<model::RecordCall>& c) {
    plan.calls.push_back({kind, size_or_payload(c ? c->record_bytes : std::nullopt),
                          c ? count_or_one(c->records, "record count") : kNone});
  };
  bool ddb = false, sqs = false, sns = false, s3p = false, s3g = false, rek = false, fh = false, kin = false,
       evb = false, sns_fifo = false;
  if (r.service == "dynamodb") {
    ddb = true;
    const bool transact_write = one_of(r.action, {"transactWriteItems"});
    const bool transact_read = one_of(r.action, {"transactGetItems"});
    // A Query or a Scan reads its items as one (docs/sources.md#dynamodb-query-reads).
    auto summed = [&](CallKind k) {
      if (!one_of(r.action, {"query", "scan"})) return k;
      return k == CallKind::dynamodb_read_strong     ? CallKind::dynamodb_query_strong
             : k == CallKind::dynamodb_read_eventual ? CallKind::dynamodb_query_eventual
                                                     : k;
    };
    if (b && b->dynamodb) {
      CallKind k = summed(dynamodb_kind(*b->dynamodb));
      if (transact_write && k == CallKind::dynamodb_write) k = CallKind::dynamodb_write_transactional;
      if (transact_read && b->dynamodb->op == model::DynamoDbCall::Op::read) k = CallKind::dynamodb_read_transactional;
      plan.calls.push_back(
          {k, values.add(b->dynamodb->item_bytes, role("DynamoDB item size")), count_or_one(b->dynamodb->items, "DynamoDB items")});
    } else {
      CallKind k = one_of(r.action, {"getItem", "query", "scan", "batchGetItem"}) ? CallKind::dynamodb_read_eventual
                   : transact_read                                                 ? CallKind::dynamodb_read_transactional
                   : transact_write ? CallKind::dynamodb_write_transactional
                                    : CallKind::dynamodb_write;
      plan.calls.push_back({summed(k), size_or_payload(std::nullopt), kNone});
    }
  } else if (r.service == "sqs" && one_of(r.action, {"sendMessage"})) {
    sqs = true;
    // A FIFO queue's requests are their own meter (docs/billing-rules.md); `fifo:` overrides the QueueUrl.
    const bool fifo = b && b->sqs_fifo ? *b->sqs_fifo : names_fifo(task, "QueueUrl");
    plan.calls.push_back({fifo ? CallKind::sqs_fifo : CallKind::sqs,
                          size_or_payload(b ? b->sqs_message_bytes : std::nullopt), kNone});
  } else if (r.service == "sns" && one_of(r.action, {"publish"})) {
    sns = true;
    sns_fifo = b && b->sns_fifo ? *b->sns_fifo : names_fifo(task, "TopicArn");
    if (!sns_fifo)  // a FIFO topic is listed as not priced below
      plan.calls.push_back({CallKind::sns, size_or_payload(b ? b->sns_message_bytes : std::nullopt), kNone});
  } else if (r.service == "s3" && one_of(r.action, {"putObject", "copyObject", "listObjectsV2", "listObjects"})) {
    s3p = true;
    plan.calls.push_back(
        {CallKind::s3_put, b && b->s3_puts ? values.add(*b->s3_puts, role("S3 puts")) : values.add_constant(1), kNone});
  } else if (r.service == "s3") {
    s3g = true;
    plan.calls.push_back(
        {CallKind::s3_get, b && b->s3_gets ? values.add(*b->s3_gets, role("S3 gets")) : values.add_constant(1), kNone});
  } else if (r.service == "rekognition") {
    rek = true;
    plan.calls.push_back({CallKind::rekognition,
                          b && b->rekognition_images ? values.add(*b->rekognition_images, role("Rekognition images"))
                                                     : values.add_constant(1),
                          kNone});
  } else if (r.service == "firehose" && one_of(r.action, {"putRecord", "putRecordBatch"})) {
    fh = true;
    records(CallKind::firehose, b ? b->firehose : std::nullopt);
  } else if (r.service == "kinesis" && one_of(r.action, {"putRecord", "putRecords"})) {
    kin = true;
    records(CallKind::kinesis, b ? b->kinesis : std::nullopt);
  } else if ((r.service == "events" || r.service == "eventbridge") && one_of(r.action, {"putEvents"})) {
    evb = true;
    records(CallKind::eventbridge, b ? b->eventbridge : std::nullopt);
  }
  const bool resource_metered = resource_lambda || (sns && sns_fifo) || ((r.service == "batch" || r.service == "ecs") && t.fargate) ||
                                t.child_machine != kNone || plan.calls.size() > t.calls_first;
  if (b) {
    if (b->dynamodb && !ddb)
      plan.calls.push_back({dynamodb_kind(*b->dynamodb), values.add(b->dynamodb->item_bytes, role("DynamoDB item size")),
                            count_or_one(b->dynamodb->items, "DynamoDB items")});
    if (b->sqs_message_bytes && !sqs)
      plan.calls.push_back({b->sqs_fifo.value_or(false) ? CallKind::sqs_fifo : CallKind::sqs,
                            values.add(*b->sqs_message_bytes, role("SQS message size")), kNone});
    if (b->sns_message_bytes && !sns) {
      sns_fifo = b->sns_fifo.value_or(false);
      if (!sns_fifo)
        plan.calls.push_back({CallKind::sns, values.add(*b->sns_message_bytes, role("SNS message size")), kNone});
    }
    if (b->s3_puts && !s3p) plan.calls.push_back({CallKind::s3_put, values.add(*b->s3_puts, role("S3 puts")), kNone});
    if (b->s3_gets && !s3g) plan.calls.push_back({CallKind::s3_get, values.add(*b->s3_gets, role("S3 gets")), kNone});
    if (b->rekognition_images && !rek)
      plan.calls.push_back(
          {CallKind::rekognition, values.add(*b->rekognition_images, role("Rekognition images")), kNone});
    if (b->firehose && !fh) records(CallKind::firehose, b->firehose);
    if (b->kinesis && !kin) records(CallKind::kinesis, b->kinesis);
    if (b->eventbridge && !evb) records(CallKind::eventbridge, b->eventbridge);
  }
  t.calls_count = static_cast<std::uint32_t>(plan.calls.size()) - t.calls_first;
  const bool behaviour_metered = t.lambda || t.fargate || t.child_machine != kNone || t.calls_count > 0 || sns_fifo;
  if (auto reason = unpriced_reason(r, resource_metered, behaviour_metered))
    plan.unpriced.push_back({state_prefix + s.name.value, r.service, r.action, *reason});
  if (sns_fifo)  // not metered: listed so that every report says so
    plan.unpriced.push_back({state_prefix + s.name.value, "sns", "publish", kSnsFifoReason});
  t.special = t.child_machine != kNone || t.callback_wait != kNone || t.heartbeat_applies || t.fargate;
  auto drawn = [&](std::uint32_t v) { return v != kNone && plan.values[v].kind == CompiledValue::Kind::distribution; };
  t.draws = (!t.mocked && t.errors_count > 0) || (t.lambda && t.cold_probability != kNone) || drawn(t.duration);
  plan.tasks[t.index] = t;
  return t.index;
}

std::uint32_t Compiler::compile_rule(const model::asl::ChoiceRule& r, Machine& m, const TargetFn& target) {
  const PlanMachine& pm = plan.machines[m.index];
  auto field = [&](const std::string& path) -> std::uint32_t {
    for (std::uint32_t i = 0; i < pm.inputs_count; ++i)
      if (plan.inputs[pm.inputs_first + i].path == path) return pm.inputs_first + i;
    return kNone;
  };
  PlanRule pr;
  pr.op = r.op;
  if (r.variable) pr.field = field(r.variable->value);
  if (r.next) pr.next = target(r.next->value);
  if (const auto* sv = std::get_if<std::string>(&r.operand)) {
    if (r.operand_is_path) pr.other_field = field(*sv);
    else {
      pr.text = *sv;
      pr.has_text = true;
    }
  } else if (const auto* dv = std::get_if<double>(&r.operand)) {
    pr.number = *dv;
    pr.has_number = true;
  } else if (const auto* bv = std::get_if<bool>(&r.operand)) {
    pr.boolean = *bv;
    pr.has_boolean = true;
  }
  const bool timestamp_op = pr.op == ChoiceOp::timestamp_equals || pr.op == ChoiceOp::timestamp_less_than ||
                            pr.op == ChoiceOp::timestamp_greater_than || pr.op == ChoiceOp::timestamp_less_than_equals ||
                            pr.op == ChoiceOp::timestamp_greater_than_equals;
  if (timestamp_op && pr.has_text) {  // a literal timestamp: its instant (the design check refused any other)
    const auto instant = model::parse_rfc3339_epoch_s(pr.text);
    if (!instant) throw model::InputError(r.loc, "\"" + pr.text + "\" is not an RFC 3339 timestamp");
    pr.number = *instant;
    pr.has_number = true;
  }
  const bool numeric_op = pr.op == ChoiceOp::numeric_equals || pr.op == ChoiceOp::numeric_less_than ||
                          pr.op == ChoiceOp::numeric_greater_than || pr.op == ChoiceOp::numeric_less_than_equals ||
                          pr.op == ChoiceOp::numeric_greater_than_equals;
  pr.simple_numeric = numeric_op && pr.field != kNone && !plan.inputs[pr.field].label && pr.has_number &&
                      pr.other_field == kNone && r.children.empty();
  pr.simple_boolean = pr.op == ChoiceOp::boolean_equals && pr.field != kNone && !plan.inputs[pr.field].label &&
                      pr.has_boolean && pr.other_field == kNone && r.children.empty();
  std::vector<std::uint32_t> children;
  for (const auto& c : r.children) children.push_back(compile_rule(c, m, target));
  const auto index = static_cast<std::uint32_t>(plan.rules.size());
  pr.children_first = static_cast<std::uint32_t>(plan.rule_children.size());
  pr.children_count = static_cast<std::uint32_t>(children.size());
  plan.rule_children.insert(plan.rule_children.end(), children.begin(), children.end());
  plan.rules.push_back(std::move(pr));
  return index;
}

std::uint32_t Compiler::compile_choice(const model::asl::State& s, Machine& m, const TargetFn& target) {
  const auto& c = std::get<model::asl::ChoiceState>(s.body);
  PlanChoice pc;
  if (c.default_state) pc.default_next = target(c.default_state->value);
  if (const model::ChoiceWeights* w = m.design.find_choice(s.name.value)) {
    pc.weighted = true;
    pc.weights_first = static_cast<std::uint32_t>(plan.choice_weights.size());
    for (const auto& cw : w->weights) {
      PlanChoiceWeight pw;
      pw.next = cw.target.empty() ? kNone : target(cw.target);
      if (!cw.rest)
        pw.weight = values.add(cw.weight, {"weight of " + (cw.target.empty() ? std::string("no match") : cw.target) +
                                               " in Choice " + s.name.value,
                                           ValueCheck::probability});
      plan.choice_weights.push_back(pw);
    }
    pc.weights_count = static_cast<std::uint32_t>(w->weights.size());
  } else {
    std::vector<std::uint32_t> top;
    for (const auto& r : c.choices) top.push_back(compile_rule(r, m, target));
    pc.rules_first = static_cast<std::uint32_t>(plan.rule_children.size());
    pc.rules_count = static_cast<std::uint32_t>(top.size());
    plan.rule_children.insert(plan.rule_children.end(), top.begin(), top.end());
  }
  plan.choices.push_back(pc);
  return static_cast<std::uint32_t>(plan.choices.size() - 1);
}

std::uint32_t Compiler::compile_wait(const model::asl::State& s, Machine& m) {
  const auto& w = std::get<model::asl::WaitState>(s.body);
  PlanWait pw;
  if (w.seconds) pw.seconds_ms = *w.seconds * 1000;
  if (w.timestamp) {
    auto ts = model::parse_rfc3339_epoch_s(w.timestamp->value);
    if (!ts) throw model::InputError(w.timestamp->loc, "Timestamp is not an RFC 3339 date-time");
    pw.until_timestamp = true;
    pw.timestamp_epoch_s = *ts;
  }
  if (const model::WaitBehaviour* b = m.design.find_wait(s.name.value))
    pw.value = values.add(b->wait_ms, {"wait of Wait " + s.name.value, ValueCheck::nonnegative});
  plan.waits.push_back(pw);
  return static_cast<std::uint32_t>(plan.waits.size() - 1);
}

std::uint32_t Compiler::compile_map(const model::asl::State& s, std::uint32_t depth, Machine& m) {
  const auto& ms = std::get<model::asl::MapState>(s.body);
  PlanMap pm;
  pm.distributed = ms.processor.mode == model::asl::Scope::MapMode::distributed;
  pm.express_children = ms.processor.execution_type == model::asl::Scope::ExecutionType::express;
  if (auto v = literal(ms.max_concurrency)) pm.max_concurrency = *v;
  if (auto v = literal(ms.tolerated_failure_count)) pm.tolerated_count = *v;
  if (auto v = literal(ms.tolerated_failure_percentage)) pm.tolerated_percentage = *v;
  if (ms.batcher)
    if (auto v = literal(ms.batcher->max_items_per_batch)) pm.batch_size = std::max(1.0, *v);
  if (pm.distributed && ms.reader && ms.reader->resource.service == "s3") {
    pm.reader_list = one_of(ms.reader->resource.action, {"listObjectsV2", "listObjects"});
    pm.reader_get = !pm.reader_list;
  }
  pm.writer = pm.distributed && ms.writer && ms.writer->resource;
  const model::MapBehaviour* b = m.design.find_map(s.name.value);
  if (b) {
    pm.items = values.add(b->items, {"item count of Map " + s.name.value, ValueCheck::nonnegative});
    if (b->item_bytes)
      pm.item_bytes = values.add(*b->item_bytes, {"item size of Map " + s.name.value, ValueCheck::nonnegative});
  } else {
    pm.items = values.add_constant(0);
  }
  if (pm.item_bytes == kNone && plan.machines[m.index].payload_ref != kNone) pm.item_bytes = plan.machines[m.index].payload_ref;
  const double cap = pm.distributed ? (pm.max_concurrency > 0 ? pm.max_concurrency : 10000)
                                    : (pm.max_concurrency > 0 ? std::min(pm.max_concurrency, 40.0) : 40.0);
  plan.max_slots = std::max(plan.max_slots, cap);
  const auto index = static_cast<std::uint32_t>(plan.maps.size());
  plan.maps.push_back(pm);
  const std::uint32_t proc = compile_scope(ms.processor, depth + 1, m);
  plan.maps[index].processor = proc;
  return index;
}

}  // namespace flowcost::sim::sfn
