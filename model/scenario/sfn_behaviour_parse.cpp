// The behaviour sections of a Step Functions design: tasks, choices, maps, waits
// (docs/scenario-format.md "Step Functions designs").
#include <algorithm>
#include <cmath>

#include "model/number_format.h"
#include "model/scenario/sfn_parse_util.h"
#include "model/scenario/step_functions_design.h"
#include "model/suggest.h"

namespace flowcost::model::sfn_parse {

namespace {

// The entry's key must name a state of `type`; reports an unknown name with a suggestion.
const asl::State* find_state_of(const Context& ctx, const Member& m, asl::StateType type, std::string_view what) {
  const asl::State* s = ctx.machine ? ctx.machine->find_state(m.key) : nullptr;
  if (s && s->type == type) return s;
  if (!ctx.machine) return nullptr;
  std::vector<std::string> names = state_names(*ctx.machine, type);
  std::string msg;
  if (s)
    msg = "state \"" + m.key + "\" is a " + asl::to_string(s->type) + " state, not a " + std::string(what) + " state";
  else
    msg = unknown_name_message(std::string(what) + " state", m.key, names);
  ctx.diags.error(m.key_loc, msg);
  return nullptr;
}

// Static check of probabilities given as plain numbers: each in [0, 1] is checked by parse_probability;
// here their sum.
double static_sum(const std::vector<ErrorSpec>& errors, bool& all_static) {
  double sum = 0;
  all_static = true;
  for (const auto& e : errors) {
    if (e.probability.kind == ValueSpec::Kind::number)
      sum += e.probability.number;
    else
      all_static = false;
  }
  return sum;
}

std::optional<FargateSpec> parse_fargate(const Context& ctx, const Node& node) {
  if (!expect_mapping(node, "fargate", ctx.diags)) return std::nullopt;
  check_known_keys(node, {"vcpu", "memory_gb"}, ctx.diags, "field");
  FargateSpec f;
  f.loc = node.loc;
  if (const Node* v = node.find("vcpu"))
    if (auto n = positive_number(ctx, *v, Dimension::none, "vcpu")) f.vcpu = *n;
  if (const Node* v = node.find("memory_gb"))
    if (auto n = positive_number(ctx, *v, Dimension::none, "memory_gb")) f.memory_gb = *n;
  return f;
}

std::optional<DynamoDbCall> parse_dynamodb(const Context& ctx, const Node& node) {
  if (!expect_mapping(node, "dynamodb", ctx.diags)) return std::nullopt;
  check_known_keys(node, {"write_bytes", "read_bytes", "consistency", "items"}, ctx.diags, "field");
  DynamoDbCall call;
  call.loc = node.loc;
  const Node* w = node.find("write_bytes");
  const Node* r = node.find("read_bytes");
  if ((w != nullptr) == (r != nullptr)) {
    ctx.diags.error(node.loc, "dynamodb needs exactly one of write_bytes and read_bytes");
    return std::nullopt;
  }
  call.op = w ? DynamoDbCall::Op::write : DynamoDbCall::Op::read;
  call.item_bytes = value(ctx, w ? *w : *r, Dimension::size_bytes);
  if (const Node* c = node.find("consistency")) {
    if (c->text == "strong") call.consistency = DynamoDbCall::Consistency::strong;
    else if (c->text == "eventual") call.consistency = DynamoDbCall::Consistency::eventual;
    else if (c->text == "transactional") call.consistency = DynamoDbCall::Consistency::transactional;
    else ctx.diags.error(c->loc, "consistency must be \"strong\", \"eventual\" or \"transactional\"");
    if (w && call.consistency != DynamoDbCall::Consistency::transactional) {
      ctx.diags.error(c->loc, "a write takes consistency \"transactional\" or none (strong and eventual are read "
                              "consistencies)");
    }
  } else if (w) {
    call.consistency = DynamoDbCall::Consistency::strong;  // unused for writes: a standard write
  }
  if (const Node* i = node.find("items")) call.items = value(ctx, *i, Dimension::count);
  return call;
}

std::optional<RecordCall> parse_records(const Context& ctx, const Node& node, std::string_view what,
                                        const char* size_key, const char* count_key) {
  if (!expect_mapping(node, what, ctx.diags)) return std::nullopt;
  check_known_keys(node, {size_key, count_key}, ctx.diags, "field");
  RecordCall call;
  call.loc = node.loc;
  if (const Node* b = node.find(size_key)) call.record_bytes = value(ctx, *b, Dimension::size_bytes);
  if (const Node* n = node.find(count_key)) call.records = value(ctx, *n, Dimension::count);
  return call;
}

std::optional<ValueSpec> sized_call(const Context& ctx, const Node& node, std::string_view what,
                                    std::optional<bool>& fifo) {
  if (!expect_mapping(node, what, ctx.diags)) return std::nullopt;
  check_known_keys(node, {"message_bytes", "fifo"}, ctx.diags, "field");
  if (const Node* f = node.find("fifo")) {
    if (auto b = f->boolean()) fifo = *b;
    else ctx.diags.error(f->loc, "fifo must be true or false, got " + f->type_name());
  }
  if (const Node* b = node.find("message_bytes")) return value(ctx, *b, Dimension::size_bytes);
  ValueSpec zero;
  zero.loc = node.loc;
  return zero;  // 0 bytes: one chunk
}

void parse_task_entry(const Context& ctx, const Member& m, TaskBehaviour& t) {
  t.state = m.key;
  t.loc = m.key_loc;
  const Node& n = m.value;
  if (!expect_mapping(n, "the behaviour of Task \"" + m.key + "\"", ctx.diags)) return;
  check_known_keys(n, {"lambda", "duration", "cold_start", "errors", "dynamodb", "sqs", "sns", "s3", "rekognition",
                       "firehose", "kinesis", "eventbridge", "fargate", "callback", "execution"},
                   ctx.diags, "field");
  if (const Node* v = n.find("lambda")) t.lambda = parse_lambda_config(ctx, *v);
  if (const Node* v = n.find("duration")) t.duration_ms = value(ctx, *v, Dimension::duration_ms);
  if (const Node* v = n.find("cold_start"); v && expect_mapping(*v, "cold_start", ctx.diags)) {
    check_known_keys(*v, {"probability", "init"}, ctx.diags, "field");
    ColdStartSpec c;
    c.loc = v->loc;
    if (const Node* p = v->find("probability")) c.probability = probability(ctx, *p);
    else ctx.diags.error(v->loc, "cold_start needs a probability");
    if (const Node* i = v->find("init")) c.init_ms = value(ctx, *i, Dimension::duration_ms);
    else ctx.diags.error(v->loc, "cold_start needs an init duration");
    t.cold_start = std::move(c);
  }
  if (const Node* v = n.find("errors"); v && expect_mapping(*v, "errors", ctx.diags)) {
    for (const auto& e : v->members) {
      t.errors.push_back({e.key, e.key_loc, probability(ctx, e.value)});
      // The executor draws an attempt's error from the draw's cumulative probabilities.
      check_per_draw(t.errors.back().probability, "the probability of " + e.key, ctx.scenario, {}, ctx.diags);
    }
    bool all_static = false;
    double sum = static_sum(t.errors, all_static);
    if (sum > 1 + 1e-9) {
      ctx.diags.error(v->loc, "error probabilities of Task \"" + m.key + "\" sum to " + model::format_significant(sum, 6) +
                                  "; they must sum to at most 1");
    }
  }
  if (const Node* v = n.find("dynamodb")) t.dynamodb = parse_dynamodb(ctx, *v);
  if (const Node* v = n.find("sqs")) t.sqs_message_bytes = sized_call(ctx, *v, "sqs", t.sqs_fifo);
  if (const Node* v = n.find("sns")) t.sns_message_bytes = sized_call(ctx, *v, "sns", t.sns_fifo);
  if (const Node* v = n.find("s3"); v && expect_mapping(*v, "s3", ctx.diags)) {
    check_known_keys(*v, {"puts", "gets"}, ctx.diags, "field");
    if (const Node* p = v->find("puts")) t.s3_puts = value(ctx, *p, Dimension::count);
    if (const Node* g = v->find("gets")) t.s3_gets = value(ctx, *g, Dimension::count);
    if (!t.s3_puts && !t.s3_gets) ctx.diags.error(v->loc, "s3 needs puts or gets (requests per call)");
  }
  if (const Node* v = n.find("rekognition"); v && expect_mapping(*v, "rekognition", ctx.diags)) {
    check_known_keys(*v, {"images"}, ctx.diags, "field");
    if (const Node* i = v->find("images")) t.rekognition_images = value(ctx, *i, Dimension::count);
    else ctx.diags.error(v->loc, "rekognition needs images (images per call)");
  }
  if (const Node* v = n.find("firehose")) t.firehose = parse_records(ctx, *v, "firehose", "record_bytes", "records");
  if (const Node* v = n.find("kinesis")) t.kinesis = parse_records(ctx, *v, "kinesis", "record_bytes", "records");
  if (const Node* v = n.find("eventbridge"))
    t.eventbridge = parse_records(ctx, *v, "eventbridge", "event_bytes", "entries");
  if (const Node* v = n.find("fargate")) t.fargate = parse_fargate(ctx, *v);
  if (const Node* v = n.find("callback"); v && expect_mapping(*v, "callback", ctx.diags)) {
    check_known_keys(*v, {"wait", "heartbeat_every"}, ctx.diags, "field");
    CallbackSpec c;
    c.loc = v->loc;
    if (const Node* w = v->find("wait")) c.wait_ms = value(ctx, *w, Dimension::duration_ms);
    else ctx.diags.error(v->loc, "callback needs a wait (time until the task token is returned)");
    if (const Node* h = v->find("heartbeat_every"))
      c.heartbeat_every_ms = positive_number(ctx, *h, Dimension::duration_ms, "heartbeat_every");
    t.callback = std::move(c);
  }
  if (const Node* v = n.find("execution"); v && expect_mapping(*v, "execution", ctx.diags)) {
    auto child = std::make_shared<StepFunctionsDesign>(
        parse_step_functions_design(*v, ctx.scenario, ctx.directory, ctx.diags, /*child=*/true));
    child->name = m.key;
    add_input_files(ctx.files, child->files);
    t.execution = std::move(child);
  }
}

}  // namespace

LambdaConfig parse_lambda_config(const Context& ctx, const Node& node) {
  LambdaConfig c;
  c.loc = node.loc;
  if (!expect_mapping(node, "lambda", ctx.diags)) return c;
  check_known_keys(node, {"memory_mb", "arch", "timeout"}, ctx.diags, "field");
  if (const Node* v = node.find("memory_mb")) {
    if (auto mb = parse_number(*v, Dimension::none, ctx.diags)) {
      if (*mb < 128 || *mb > 10240 || *mb != std::floor(*mb))
        ctx.diags.error(v->loc, "memory_mb must be a whole number from 128 to 10240 (Lambda's range)");
      else
        c.memory_mb = *mb;
    }
  }
  if (const Node* v = node.find("arch")) {
    if (v->text == "arm64") c.arch = LambdaArch::arm64;
    else if (v->text == "x86_64" || v->text == "x86") c.arch = LambdaArch::x86_64;
    else ctx.diags.error(v->loc, "arch must be \"x86_64\" or \"arm64\"");
  }
  if (const Node* v = node.find("timeout")) {
    if (auto ms = parse_number(*v, Dimension::duration_ms, ctx.diags)) {
      if (!(*ms > 0) || *ms > kLambdaMaxTimeoutMs)
        ctx.diags.error(v->loc, "timeout must be more than 0 and at most 900s (Lambda's 15-minute limit)");
      else
        c.timeout_ms = *ms;
    }
  }
  return c;
}

void parse_tasks(const Context& ctx, const Node& node, std::vector<TaskBehaviour>& out) {
  if (!expect_mapping(node, "tasks", ctx.diags)) return;
  out.reserve(out.size() + node.members.size());  // a TaskBehaviour is large: no regrowth
  for (const auto& m : node.members) {
    find_state_of(ctx, m, asl::StateType::task, "Task");
    TaskBehaviour t;
    parse_task_entry(ctx, m, t);
    out.push_back(std::move(t));
  }
}

void parse_choices(const Context& ctx, const Node& node, std::vector<ChoiceWeights>& out) {
  if (!expect_mapping(node, "choices", ctx.diags)) return;
  for (const auto& m : node.members) {
    const asl::State* s = find_state_of(ctx, m, asl::StateType::choice, "Choice");
    if (!expect_mapping(m.value, "the weights of Choice \"" + m.key + "\"", ctx.diags)) continue;
    ChoiceWeights cw;
    cw.state = m.key;
    cw.loc = m.key_loc;
    std::vector<std::string> targets;
    const asl::ChoiceState* choice = s ? std::get_if<asl::ChoiceState>(&s->body) : nullptr;
    if (choice)
      for (const auto& r : choice->choices)
        if (r.next) targets.push_back(r.next->value);
    int rests = 0;
    double sum = 0;
    bool all_static = true;
    for (const auto& w : m.value.members) {
      ChoiceWeight cwt;
      cwt.loc = w.key_loc;
      if (w.key == "default") {
        cwt.target = choice && choice->default_state ? choice->default_state->value : "";
      } else {
        cwt.target = w.key;
        if (choice && choice->default_state && choice->default_state->value == w.key &&
            std::find(targets.begin(), targets.end(), w.key) == targets.end()) {
          ctx.diags.error(w.key_loc, "\"" + w.key + "\" is the Default of Choice \"" + m.key +
                                         "\"; write its weight as `default`");
        } else if (choice && std::find(targets.begin(), targets.end(), w.key) == targets.end()) {
          std::vector<std::string> cands = targets;
          cands.push_back("default");
          ctx.diags.error(w.key_loc, unknown_name_message("target of Choice \"" + m.key + "\"", w.key, cands));
        }
      }
      if (w.value.is_scalar() && !w.value.quoted && w.value.text == "rest") {
        cwt.rest = true;
        ++rests;
      } else {
        cwt.weight = probability(ctx, w.value);
        // The executor draws a branch from the draw's cumulative weights.
        check_per_draw(cwt.weight, "the weight of " + w.key, ctx.scenario, {}, ctx.diags);
        if (cwt.weight.kind == ValueSpec::Kind::number) sum += cwt.weight.number;
        else all_static = false;
      }
      cw.weights.push_back(std::move(cwt));
    }
    if (rests > 1) ctx.diags.error(m.key_loc, "only one weight of Choice \"" + m.key + "\" may be `rest`");
    const std::string buf = model::format_significant(sum, 6);
    if (all_static && rests == 0 && std::fabs(sum - 1) > 1e-9)
      ctx.diags.error(m.key_loc, "weights of Choice \"" + m.key + "\" sum to " + buf + "; they must sum to 1");
    if (all_static && rests == 1 && sum > 1 + 1e-9)
      ctx.diags.error(m.key_loc, "weights of Choice \"" + m.key + "\" sum to " + buf + "; `rest` would be negative");
    out.push_back(std::move(cw));
  }
}

void parse_maps(const Context& ctx, const Node& node, std::vector<MapBehaviour>& out) {
  if (!expect_mapping(node, "maps", ctx.diags)) return;
  for (const auto& m : node.members) {
    find_state_of(ctx, m, asl::StateType::map, "Map");
    if (!expect_mapping(m.value, "the behaviour of Map \"" + m.key + "\"", ctx.diags)) continue;
    check_known_keys(m.value, {"items", "item_bytes"}, ctx.diags, "field");
    MapBehaviour mb;
    mb.state = m.key;
    mb.loc = m.key_loc;
    if (const Node* i = m.value.find("items")) {
      mb.items = value(ctx, *i, Dimension::count);
      if (mb.items.kind == ValueSpec::Kind::number &&
          (mb.items.number < 0 || mb.items.number > kMaxMapItems || mb.items.number != std::floor(mb.items.number)))
        ctx.diags.error(i->loc, "items must be a whole number from 0 to 1000000000");
    } else {
      ctx.diags.error(m.value.loc, "Map \"" + m.key + "\" needs items (the item count per visit)");
    }
    if (const Node* b = m.value.find("item_bytes")) mb.item_bytes = value(ctx, *b, Dimension::size_bytes);
    out.push_back(std::move(mb));
  }
}

void parse_waits(const Context& ctx, const Node& node, std::vector<WaitBehaviour>& out) {
  if (!expect_mapping(node, "waits", ctx.diags)) return;
  for (const auto& m : node.members) {
    find_state_of(ctx, m, asl::StateType::wait, "Wait");
    if (!expect_mapping(m.value, "the behaviour of Wait \"" + m.key + "\"", ctx.diags)) continue;
    check_known_keys(m.value, {"wait"}, ctx.diags, "field");
    WaitBehaviour w;
    w.state = m.key;
    w.loc = m.key_loc;
    if (const Node* v = m.value.find("wait")) w.wait_ms = value(ctx, *v, Dimension::duration_ms);
    else ctx.diags.error(m.value.loc, "Wait \"" + m.key + "\" needs a wait duration");
    out.push_back(std::move(w));
  }
}

}  // namespace flowcost::model::sfn_parse
