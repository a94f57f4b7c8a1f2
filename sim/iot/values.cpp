#include "sim/iot/values.h"

#include <cmath>
#include <cstdio>
#include <string_view>

#include "model/errors.h"
#include "sim/random.h"
#include "sim/scenario_values.h"

namespace flowcost::sim::iot {

ValueTable::ValueTable(const model::Scenario& scenario,
                       const std::vector<std::pair<std::string, model::DistributionSpec>>& fields)
    : inputs_(scenario.inputs), workload_items_(scenario.workload.items), fields_(fields) {}

std::uint32_t ValueTable::slot_of(const std::string& name) {
  for (std::uint32_t i = 0; i < slots_.size(); ++i)
    if (slots_[i].name == name) return i;
  NamedSlot s;
  s.name = name;
  for (const auto& f : fields_) {
    if (f.first == name) {
      s.per_message = true;
      s.sampler = Sampler(f.second);
    }
  }
  for (std::size_t i = 0; i < workload_items_.size(); ++i) {
    const auto& item = workload_items_[i];
    if (item.name != name) continue;
    switch (item.value.kind) {
      case model::ValueSpec::Kind::distribution:
        s.per_message = true;
        s.sampler = Sampler(item.value.distribution);
        s.workload_slot = static_cast<unsigned>(i);
        break;
      case model::ValueSpec::Kind::number: s.fixed = item.value.number; break;
      case model::ValueSpec::Kind::expression:
        expressions_.push_back(std::make_unique<model::Expression>(item.value.expression));
        s.expression = expressions_.back().get();
        break;
    }
  }
  for (const auto& in : inputs_)
    if (in.name == name && in.value.kind == model::ValueSpec::Kind::number) s.fixed = in.value.number;
  if (s.per_message) s.site = site_key(name);
  slots_.push_back(std::move(s));
  return static_cast<std::uint32_t>(slots_.size() - 1);
}

ValueRef ValueTable::constant(double v) const {
  ValueRef r;
  r.kind = ValueRef::Kind::constant;
  r.constant = v;
  return r;
}

ValueRef ValueTable::compile(const model::ValueSpec& spec, bool probability) {
  ValueRef r;
  r.loc = spec.loc;
  r.probability = probability;
  switch (spec.kind) {
    case model::ValueSpec::Kind::number:
      r.kind = ValueRef::Kind::constant;
      r.constant = spec.number;
      return r;
    case model::ValueSpec::Kind::distribution:
      r.kind = ValueRef::Kind::distribution;
      r.sampler = Sampler(spec.distribution);
      return r;
    case model::ValueSpec::Kind::expression: break;
  }
  const auto& names = spec.expression.names();
  bool per_message = false;
  for (const auto& n : names) {
    std::uint32_t s = slot_of(n);
    r.name_slots.push_back(s);
    per_message = per_message || slots_[s].per_message;
  }
  if (spec.expression.bare_name() && per_message) {
    r.kind = ValueRef::Kind::slot;
    r.slot = r.name_slots[0];
  } else {
    r.kind = per_message ? ValueRef::Kind::message_expression : ValueRef::Kind::draw_expression;
  }
  expressions_.push_back(std::make_unique<model::Expression>(spec.expression));
  r.expression = expressions_.back().get();
  if (r.kind == ValueRef::Kind::draw_expression) {
    r.draw_index = static_cast<std::uint32_t>(draw_exprs_.size());
    draw_exprs_.push_back(std::make_unique<ValueRef>(r));
  }
  return r;
}

namespace {

double evaluate_with(const ValueRef& v, const std::vector<double>& slots) {
  // One pointer captured, so that std::function keeps the lambda in its small buffer (no allocation).
  struct Scope {
    const ValueRef& v;
    const std::vector<double>& slots;
  } scope{v, slots};
  const Scope* sp = &scope;
  return v.expression->evaluate([sp](std::string_view name) {
    const auto& names = sp->v.expression->names();
    for (std::size_t i = 0; i < names.size(); ++i)
      if (names[i] == name) return sp->slots[sp->v.name_slots[i]];
    throw model::InternalError("IoT design: unresolved name \"" + std::string(name) + "\"");
  });
}

std::string format_value(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.6g", v);
  return buf;
}

}  // namespace

DrawValues::DrawValues(const ValueTable& table, const DrawInputs& inputs)
    : table_(table),
      seed_(inputs.seed),
      draw_(inputs.draw),
      workload_(inputs.seed, inputs.draw, static_cast<unsigned>(table.workload_item_count())) {
  const auto& slots = table.slots();
  slots_.assign(slots.size(), 0.0);
  // Per-draw slots: the draw's values first; then load-time constants; then workload expressions.
  for (std::size_t i = 0; i < slots.size(); ++i) {
    if (slots[i].per_message) continue;
    auto it = inputs.values.find(slots[i].name);
    if (it != inputs.values.end()) slots_[i] = it->second;
    else if (slots[i].fixed) slots_[i] = *slots[i].fixed;
    else if (slots[i].expression) {
      slots_[i] = slots[i].expression->evaluate([&](std::string_view name) {
        auto v = inputs.values.find(name);
        if (v == inputs.values.end())
          throw model::InternalError("IoT design: the draw has no value for \"" + std::string(name) + "\"");
        return v->second;
      });
    } else {
      throw model::InternalError("IoT design: the draw has no value for \"" + slots[i].name + "\"");
    }
  }
  resolved_.assign(table.draw_expression_count(), 0.0);
  for (std::size_t i = 0; i < resolved_.size(); ++i) {
    const ValueRef& v = table.draw_expression(i);
    double x = evaluate_with(v, slots_);
    if (v.probability && !(x >= 0 && x <= 1)) {
      throw model::InputError(v.loc, "probability \"" + v.expression->text() + "\" is " + format_value(x) +
                                         " in draw " + std::to_string(inputs.draw) + ", outside [0, 1]");
    }
    if (!std::isfinite(x))
      throw model::InputError(v.loc, "\"" + v.expression->text() + "\" is not finite in draw " +
                                         std::to_string(inputs.draw));
    resolved_[i] = x;
  }
}

void DrawValues::start_message(std::uint64_t sample) {
  const auto& slots = table_.slots();
  for (std::size_t i = 0; i < slots.size(); ++i) {
    if (!slots[i].per_message) continue;
    if (slots[i].workload_slot) {
      SlotEngine engine(workload_.group(sample), workload_.slot(sample, *slots[i].workload_slot));
      slots_[i] = slots[i].sampler.sample(engine);
    } else {
      Stream s(seed_, draw_, sample, slots[i].site);
      slots_[i] = slots[i].sampler.sample(s);
    }
  }
}

double DrawValues::evaluate(const ValueRef& v) const { return evaluate_with(v, slots_); }

double DrawValues::get(const ValueRef& v, Stream& stream) const {
  switch (v.kind) {
    case ValueRef::Kind::constant: return v.constant;
    case ValueRef::Kind::slot: return slots_[v.slot];
    case ValueRef::Kind::draw_expression: return resolved_[v.draw_index];
    case ValueRef::Kind::message_expression: {
      double x = evaluate(v);
      return v.probability ? std::fmin(1.0, std::fmax(0.0, x)) : x;
    }
    case ValueRef::Kind::distribution: return v.sampler.sample(stream);
  }
  return 0;
}

}  // namespace flowcost::sim::iot
