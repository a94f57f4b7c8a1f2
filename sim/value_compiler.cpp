#include "sim/value_compiler.h"

#include <cmath>

#include "model/errors.h"
#include "model/number_format.h"

namespace flowcost::sim {

namespace {

// Six significant digits, as messages show numbers.
std::string six_digits(double x) { return model::format_significant(x, 6); }

}  // namespace

std::string check_message(double x, ValueCheck check, const std::string& what, const std::string& where) {
  if (!std::isfinite(x)) return what + " is not a finite number " + where + " (got " + six_digits(x) + ")";
  const std::string is = what + " is " + six_digits(x) + " " + where;
  switch (check) {
    case ValueCheck::finite: break;
    case ValueCheck::nonnegative: return is + " (must not be negative)";
    case ValueCheck::probability: return is + " (must be in [0, 1])";
    case ValueCheck::sfn_payload:
      return is + " (must be from 0 to 262,144 bytes: Step Functions refuses larger execution data)";
    case ValueCheck::iot_payload:
      return is + " (must be from 0 to 131,072 bytes: IoT Core refuses an MQTT message over 128 KB)";
  }
  return is;
}

std::uint32_t ValueCompiler::push(CompiledValue v) {
  plan_.values.push_back(std::move(v));
  return static_cast<std::uint32_t>(plan_.values.size() - 1);
}

std::uint32_t ValueCompiler::add_constant(double v) {
  CompiledValue cv;
  cv.kind = CompiledValue::Kind::constant;
  cv.constant = v;
  return push(std::move(cv));
}

std::uint32_t ValueCompiler::add_execution_payload(std::uint32_t machine) {
  CompiledValue cv;
  cv.kind = CompiledValue::Kind::execution_payload;
  cv.machine = machine;
  return push(std::move(cv));
}

std::optional<std::uint32_t> ValueCompiler::event_name(std::string_view name) {
  for (std::size_t i = 0; i < plan_.event_names.size(); ++i)
    if (plan_.event_names[i].name == name) return static_cast<std::uint32_t>(i);
  EventName e;
  e.name = std::string(name);
  bool found = false;
  for (const auto& f : fields_) {
    if (f.first != name) continue;
    e.site = site_key(f.first);
    e.sampler = Sampler(f.second);
    found = true;
  }
  if (!found) {
    const EventItem* item = scenario_values_.find_event_item(name);
    if (!item) return std::nullopt;  // a per-draw name
    e.workload = true;
    e.site = item->site;
    e.sampler = item->sampler;
  }
  plan_.event_names.push_back(std::move(e));
  return static_cast<std::uint32_t>(plan_.event_names.size() - 1);
}

std::uint32_t ValueCompiler::add(const model::ValueSpec& spec, const ValueRole& role) {
  CompiledValue cv;
  cv.loc = spec.loc;
  cv.check = role.check;
  cv.what = role.what;
  switch (spec.kind) {
    case model::ValueSpec::Kind::number:
      cv.kind = CompiledValue::Kind::constant;
      cv.constant = spec.number;
      break;
    case model::ValueSpec::Kind::distribution:
      cv.kind = CompiledValue::Kind::distribution;
      cv.sampler = Sampler(spec.distribution);
      if (cv.sampler.depends_on_inputs()) cv.draw_sampler = plan_.draw_sampler_count++;
      break;
    case model::ValueSpec::Kind::expression: {
      cv.expression = std::make_shared<const model::Expression>(spec.expression);
      bool per_event = false;
      for (const auto& name : spec.expression.names())
        if (event_name(name)) per_event = true;
      cv.kind = per_event ? CompiledValue::Kind::event_expression : CompiledValue::Kind::draw_expression;
      // A bare per-event name is read directly (no expression evaluation on the hot path).
      if (auto name = spec.expression.bare_name(); name && per_event) {
        cv.kind = CompiledValue::Kind::event_name;
        cv.event_name = *event_name(*name);
      }
      break;
    }
  }
  return push(std::move(cv));
}

std::uint32_t ValueCompiler::add_name(const std::string& name, const model::SourceLocation& loc) {
  // A per-event name is read directly; it may be a path (a design field such as state.reported.t).
  if (auto e = event_name(name)) {
    CompiledValue cv;
    cv.loc = loc;
    cv.check = ValueCheck::finite;
    cv.what = "\"" + name + "\"";
    cv.kind = CompiledValue::Kind::event_name;
    cv.event_name = *e;
    return push(std::move(cv));
  }
  model::ValueSpec spec;
  spec.kind = model::ValueSpec::Kind::expression;
  spec.loc = loc;
  model::Diagnostics diags;
  spec.expression = model::Expression::parse(name, loc, diags);
  if (!spec.expression.valid() || !spec.expression.bare_name())
    throw model::InternalError("\"" + name + "\" is not a plain name");
  return add(spec, ValueRole{"\"" + name + "\"", ValueCheck::finite});
}

DrawValues::DrawValues(const ValuePlan& plan, const DrawInputs& inputs)
    : plan_(plan), inputs_(inputs), seed_(inputs.seed), draw_(inputs.draw) {
  resolved_.assign(plan.values.size(), 0.0);
  name_count_ = plan.event_names.size();
  batch_values_.assign(kEventBatch * name_count_, 0.0);
  const std::string where = "in draw " + std::to_string(inputs.draw);
  for (std::size_t i = 0; i < plan.values.size(); ++i) {
    const CompiledValue& v = plan.values[i];
    double x = 0;
    if (v.kind == CompiledValue::Kind::constant) {
      x = v.constant;
    } else if (v.kind == CompiledValue::Kind::draw_expression) {
      x = v.expression->evaluate([&](std::string_view name) {
        auto it = inputs_.values.find(name);
        if (it == inputs_.values.end())
          throw model::InternalError("no value for \"" + std::string(name) + "\" in the draw");
        return it->second;
      });
    } else {
      continue;
    }
    if (!satisfies(x, v.check)) throw model::InputError(v.loc, check_message(x, v.check, v.what, where));
    resolved_[i] = x;
  }
  if (plan.draw_sampler_count > 0) {
    draw_samplers_.resize(plan.draw_sampler_count);
    for (const CompiledValue& v : plan.values)
      if (v.draw_sampler != CompiledValue::kNoDrawSampler) draw_samplers_[v.draw_sampler] = resolve_for_draw(v.sampler, inputs_);
  }
  for (std::size_t i = 0; i < name_count_; ++i) {
    if (!plan.event_names[i].sampler.depends_on_inputs()) continue;
    if (name_samplers_.empty()) name_samplers_.resize(name_count_);
    name_samplers_[i] = resolve_for_draw(plan.event_names[i].sampler, inputs_);
  }
}

void resolve_distributions(ValuePlan& plan, const DrawInputs& inputs, const std::string& where) {
  auto lookup = [&](std::string_view name) {
    auto it = inputs.values.find(name);
    if (it == inputs.values.end()) throw model::InternalError("no value for \"" + std::string(name) + "\"");
    return it->second;
  };
  for (CompiledValue& v : plan.values) {
    if (v.draw_sampler == CompiledValue::kNoDrawSampler) continue;
    v.sampler = v.sampler.resolved(lookup, where);
    v.draw_sampler = CompiledValue::kNoDrawSampler;
  }
  plan.draw_sampler_count = 0;
  for (EventName& name : plan.event_names) name.sampler = name.sampler.resolved(lookup, where);
}

void DrawValues::draw_batch(std::uint64_t first) {
  batch_first_ = first;
  for (std::size_t i = 0; i < name_count_; ++i) {
    const EventName& name = plan_.event_names[i];
    const Sampler& sampler = name_samplers_.empty() || !name.sampler.depends_on_inputs() ? name.sampler
                                                                                          : name_samplers_[i];
    double* out = batch_values_.data() + i;
    if (name.workload) {
      ItemVariates variates(seed_, draw_, name.site);
      for (std::uint64_t b = 0; b < kEventBatch; ++b) {
        Stream stream = variates.stream(first + b);
        out[b * name_count_] = sampler.sample(stream);
      }
    } else {
      for (std::uint64_t b = 0; b < kEventBatch; ++b) {
        Stream stream(seed_, draw_, first + b, name.site);
        out[b * name_count_] = sampler.sample(stream);
      }
    }
  }
}

double DrawValues::evaluate_event_expression(const CompiledValue& v) const {
  const double x = v.expression->evaluate([&](std::string_view name) -> double {
    for (std::size_t i = 0; i < plan_.event_names.size(); ++i)
      if (plan_.event_names[i].name == name) return row_[i];
    auto it = inputs_.values.find(name);
    if (it == inputs_.values.end()) throw model::InternalError("no value for \"" + std::string(name) + "\"");
    return it->second;
  });
  if (!satisfies(x, v.check))
    throw model::InputError(
        v.loc,
        check_message(x, v.check, v.what, "in draw " + std::to_string(draw_) + ", event " + std::to_string(sample_)));
  return x;
}

void DrawValues::distribution_without_stream() {
  throw model::InternalError("a distribution read without a random stream");
}

}  // namespace flowcost::sim
