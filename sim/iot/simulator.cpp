// One message through every rule of an iot_rules design.
#include "sim/iot/simulator.h"

#include <algorithm>
#include <cmath>

#include "model/errors.h"
#include "sim/monthly_lines.h"
#include "sim/random.h"

namespace flowcost::sim::iot {

namespace {

class IotDrawSimulator final : public DrawSimulator {
 public:
  IotDrawSimulator(const CompiledDesign& design, const model::MeteringRules& metering, const DrawInputs& inputs)
      : design_(design), metering_(metering), meters_(metering), values_(design.plan.values, inputs),
        seed_(inputs.seed), draw_(inputs.draw) {
    for (const auto& sub : design.subdesigns) subdraws_.push_back(sub->prepare(inputs));
  }

  void simulate(std::uint64_t sample, ExecutionRecord& out) override {
    const DesignPlan& plan = design_.plan;
    values_.start_event(sample);
    Stream message_stream(seed_, draw_, sample, kMessageSite);
    MessageContext ctx{values_, metering_, meters_, seed_, draw_, sample, 0, 0, subdraws_,
                       design_.subdesign_error_offset, scratch_};
    ctx.payload_bytes = std::max(0.0, values_.get(plan.payload_bytes, message_stream));
    ctx.topic_bytes = std::max(0.0, values_.get(plan.topic_bytes, message_stream));
    // Messages and rules are metered in units of payload + topic (docs/sources.md#iot-metering).
    const std::int64_t units = meters_.iot_message_units(ctx.payload_bytes + ctx.topic_bytes);
    if (plan.ingest == model::IotIngest::broker) out.meters.add(Meter::iot_messages, units);

    // A triggered rule: the message's units, or 1 (metering.iot.rules_in_message_units).
    const std::int64_t rule_units = metering_.iot_rules_in_message_units ? units : 1;
    bool lost = false, failed = false;
    for (const RulePlan& rule : plan.rules) {
      if (!on_topic(rule, ctx)) continue;  // the message is not on the rule's topic: not triggered
      if (!matches(rule, ctx)) {
        // metering.iot.where_false_triggers: the rule is still triggered, with its minimum of one action.
        if (metering_.iot_where_false_triggers) {
          out.meters.add(Meter::iot_rules_triggered, rule_units);
          out.meters.add(Meter::iot_actions_executed, 1);
        }
        continue;
      }
      out.meters.add(Meter::iot_rules_triggered, rule_units);
      std::int64_t executed = 0;
      double rule_ms = 0;
      std::uint32_t first_failure = 0;
      for (const ActionPlan& action : rule.actions) {
        ActionOutcome o = run_action(action, ctx, out);
        executed += o.executions;
        rule_ms = std::max(rule_ms, metering_.iot_action_dispatch_ms + o.completed_ms);
        switch (o.status) {
          case ActionOutcome::Status::ok: break;
          case ActionOutcome::Status::failed:
            if (first_failure == 0) first_failure = o.error_id;
            break;
          case ActionOutcome::Status::lost: note(lost, o.error_id, out); break;
          case ActionOutcome::Status::workflow_failed: note(failed, o.error_id, out); break;
        }
      }
      if (first_failure != 0) {
        // One error action per rule and message, however many actions failed (docs/sources.md#iot-rule-actions).
        if (rule.error_action) {
          ActionOutcome e = run_action(*rule.error_action, ctx, out);
          if (metering_.iot_error_action_billed) executed += e.executions;
          rule_ms += metering_.iot_action_dispatch_ms + e.completed_ms;
          if (e.status == ActionOutcome::Status::ok) ++out.caught_errors;
          else note(lost, first_failure, out);
        } else {
          note(lost, first_failure, out);
        }
      }
      // The rules engine meters at least one action per triggered rule.
      out.meters.add(Meter::iot_actions_executed, std::max<std::int64_t>(1, executed));
      // metering.iot_latency: the rule's evaluation, then each action's dispatch (0 by default).
      out.latency_ms = std::max(out.latency_ms, metering_.iot_rule_evaluation_ms + rule_ms);
    }
    if (lost) out.outcome = Outcome::lost;
    else if (failed) out.outcome = Outcome::failed;
  }

 private:
  static constexpr std::uint64_t kMessageSite = 0x696f742e6d736731ULL;  // "iot.msg1"

  // True with the probability that value `p` gives for this message, drawn from the stream of `site`
  // (absent: always true).
  bool happens(const std::optional<std::uint32_t>& p_value, std::uint64_t site, const MessageContext& ctx) {
    if (!p_value) return true;
    Stream s(seed_, draw_, ctx.sample, site);
    const double p = values_.get(*p_value, s);
    if (p >= 1) return true;
    if (p <= 0) return false;
    return s.uniform01() < p;
  }

  // Whether the message is on a topic the rule's filter matches (topic_share; its own stream).
  bool on_topic(const RulePlan& rule, const MessageContext& ctx) { return happens(rule.topic_share, rule.topic_site, ctx); }

  bool matches(const RulePlan& rule, const MessageContext& ctx) {
    if (rule.from_sql) return !rule.where || rule.where->evaluate(values_);
    return happens(rule.match, rule.site, ctx);
  }

  // Records a lost or failed message; the first error decides the message's error name.
  static void note(bool& flag, std::uint32_t error_id, ExecutionRecord& out) {
    flag = true;
    if (out.error_id == 0) out.error_id = error_id;
  }

  const CompiledDesign& design_;
  const model::MeteringRules& metering_;
  model::EventMeters meters_;
  DrawValues values_;
  std::uint64_t seed_, draw_;
  std::vector<std::unique_ptr<DrawSimulator>> subdraws_;
  ExecutionRecord scratch_;
};

class IotDesignSimulator final : public DesignSimulator {
 public:
  IotDesignSimulator(CompiledDesign design, const model::MeteringRules& metering)
      : design_(std::move(design)), metering_(metering) {}

  const std::string& name() const override { return design_.plan.name; }
  std::unique_ptr<DrawSimulator> prepare(const DrawInputs& inputs) const override {
    return std::make_unique<IotDrawSimulator>(design_, metering_, inputs);
  }
  const std::vector<std::string>& error_names() const override { return design_.plan.error_names; }
  const std::vector<std::string>& warnings() const override { return design_.plan.warnings; }
  const std::vector<model::UnpricedCall>& unpriced() const override { return design_.plan.unpriced; }
  // One step per rule and per action (error actions included); a Step Functions action adds the states
  // of the execution it starts, as if every message started it.
  double states_per_event(const DrawInputs& inputs) const override {
    double states = 1;
    auto action = [&](const ActionPlan& a) {
      states += 1;
      if (a.subdesign >= 0) states += design_.subdesigns[static_cast<std::size_t>(a.subdesign)]->states_per_event(inputs);
    };
    for (const RulePlan& rule : design_.plan.rules) {
      states += 1;
      for (const ActionPlan& a : rule.actions) action(a);
      if (rule.error_action) action(*rule.error_action);
    }
    return states;
  }

  // Connection minutes: devices x minutes per device per month, each device's minutes rounded up to whole
  // minutes (docs/sources.md#iot-metering: one-minute increments).
  model::MeterTotals monthly_fixed(const DrawInputs& inputs) const override {
    const DesignPlan& plan = design_.plan;
    model::MeterTotals out;
    if (plan.devices && plan.minutes_per_device) {
      DrawValues values(plan.values, inputs);
      Stream unused(inputs.seed, inputs.draw, 0, 0);
      out["iot.connection_minutes"] =
          connection_minutes(values.get(*plan.devices, unused), values.get(*plan.minutes_per_device, unused));
    }
    add_fixed_lines(plan.fixed, inputs, out);
    return out;
  }

 private:
  CompiledDesign design_;
  model::MeteringRules metering_;
};

}  // namespace

std::unique_ptr<DesignSimulator> make_simulator_with(const model::Scenario& scenario,
                                                     const model::DesignEntry& design,
                                                     const model::MeteringRules& metering,
                                                     model::Diagnostics& diags, const SubdesignFactory& subdesigns) {
  const auto* parsed = std::get_if<model::IotRulesDesign>(&design.design);
  if (!parsed) throw model::InternalError("design \"" + design.name + "\" is not an iot_rules design");
  if (model::has_errors(design)) return nullptr;  // reported by load_scenario
  std::size_t before = diags.error_count();
  CompiledDesign compiled = compile_design(scenario, *parsed, subdesigns, diags);
  if (diags.error_count() != before) return nullptr;
  return std::make_unique<IotDesignSimulator>(std::move(compiled), metering);
}

}  // namespace flowcost::sim::iot
