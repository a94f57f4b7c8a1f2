#include "sim/scenario_values.h"

#include <cmath>

#include "model/errors.h"
#include "model/number_format.h"
#include "model/units.h"

namespace flowcost::sim {

double per_draw_value(const model::ValueSpec& v, const DrawInputs& values) {
  switch (v.kind) {
    case model::ValueSpec::Kind::number: return v.number;
    case model::ValueSpec::Kind::expression:
      return v.expression.evaluate([&](std::string_view name) {
        auto it = values.values.find(name);
        if (it == values.values.end())
          throw model::InternalError("\"" + std::string(name) + "\" is not a per-draw value");
        return it->second;
      });
    case model::ValueSpec::Kind::distribution: break;
  }
  throw model::InternalError("a distribution evaluated as a per-draw value");
}

Sampler resolve_for_draw(const Sampler& sampler, const DrawInputs& inputs) {
  if (!sampler.depends_on_inputs()) return sampler;
  return sampler.resolved(
      [&](std::string_view name) {
        auto it = inputs.values.find(name);
        if (it == inputs.values.end())
          throw model::InternalError("\"" + std::string(name) + "\" is not a per-draw value");
        return it->second;
      },
      "in draw " + std::to_string(inputs.draw));
}

namespace {

void check_finite(double x, const std::string& name, const model::ValueSpec& v, std::uint64_t draw) {
  if (std::isfinite(x)) return;
  throw model::InputError(v.loc, "\"" + name + "\" is not a finite number in draw " + std::to_string(draw) +
                                     " (got " + model::format_shortest(x) + ")");
}

}  // namespace

CompiledScenarioValues::CompiledScenarioValues(const model::Scenario& scenario) {
  for (const auto& in : scenario.inputs) {
    Compiled c{in.name, in.value, std::nullopt, site_key(in.name)};
    if (in.value.kind == model::ValueSpec::Kind::distribution) c.sampler.emplace(in.value.distribution);
    inputs_.push_back(std::move(c));
  }
  events_per_month_ = scenario.workload.events_per_month;
  for (const auto& item : scenario.workload.items) {
    if (item.value.kind == model::ValueSpec::Kind::distribution)
      event_items_.push_back(EventItem{item.name, workload_site(item.name), Sampler(item.value.distribution)});
    else
      draw_items_.push_back(Compiled{item.name, item.value, std::nullopt, site_key(item.name)});
  }
}

DrawInputs CompiledScenarioValues::draw_inputs(std::uint64_t seed, std::uint64_t draw) const {
  DrawInputs out;
  out.seed = seed;
  out.draw = draw;
  for (const auto& in : inputs_) {
    double x = 0;
    if (in.sampler) {
      Stream stream(seed, draw, kInputSample, in.site);
      x = in.sampler->depends_on_inputs() ? resolve_for_draw(*in.sampler, out).sample(stream)
                                          : in.sampler->sample(stream);
    } else {
      x = per_draw_value(in.value, out);
    }
    check_finite(x, in.name, in.value, draw);
    out.values[in.name] = x;
  }
  double events = per_draw_value(events_per_month_, out);
  check_finite(events, "events_per_month", events_per_month_, draw);
  if (events < 0)
    throw model::InputError(events_per_month_.loc, "events_per_month is negative in draw " +
                                                        std::to_string(draw) + " (got " +
                                                        model::format_shortest(events) + ")");
  out.values["events_per_month"] = events;
  for (const auto& item : draw_items_) {
    double x = per_draw_value(item.value, out);
    check_finite(x, item.name, item.value, draw);
    out.values[item.name] = x;
  }
  return out;
}

const EventItem* CompiledScenarioValues::find_event_item(std::string_view name) const {
  for (const auto& e : event_items_)
    if (e.name == name) return &e;
  return nullptr;
}

std::optional<std::size_t> CompiledScenarioValues::event_item_index(std::string_view name) const {
  for (std::size_t i = 0; i < event_items_.size(); ++i)
    if (event_items_[i].name == name) return i;
  return std::nullopt;
}

double CompiledScenarioValues::event_value(std::size_t index, std::uint64_t seed, std::uint64_t draw,
                                           std::uint64_t sample) const {
  if (index >= event_items_.size()) throw model::InternalError("event item index out of range");
  ItemVariates variates(seed, draw, event_items_[index].site);
  return event_value(index, variates, sample);
}

}  // namespace flowcost::sim
