#pragma once
// The numbers of a design, whatever its kind (Step Functions, IoT rules): every model::ValueSpec of the
// design is compiled once (ValueCompiler) into a CompiledValue, resolved per draw and read per event
// (DrawValues) with no allocation and no string on the hot path.
//
// A value is
// - a constant, or an expression over per-draw names (scenario inputs, events_per_month, workload scalars):
//   resolved once per draw and checked there (its ValueCheck), an InputError at the value's position
//   with the draw number otherwise;
// - a per-event name (a workload distribution, or an IoT design's own `fields` entry) or an expression
//   over such names: read or evaluated per event (an expression is checked per event, with the draw and
//   event numbers in the message);
// - a distribution written in place: drawn at each use from the stream the caller gives (a slot of the
//   place that uses it, or the action's own stream); when its parameters name inputs (`{bernoulli:
//   anomaly_rate}`) its sampler is resolved once per draw (DrawValues), never per event, and a literal
//   distribution keeps its one sampler from compile time;
// - (Step Functions) the payload of the current execution.
//
// Streams of per-event names (common random numbers across designs and design kinds):
// - a workload item: CompiledScenarioValues' mapping (sim/scenario_values.h), keyed by the item's name;
// - an IoT design field NAME: Stream(seed, draw, sample, site_key(NAME)).
// Per-event names are drawn for kEventBatch consecutive events at a time: the draws of different events
// do not depend on each other, so the processor overlaps their Philox blocks and samplers instead of
// waiting for each in turn. Every value depends only on (seed, draw, sample, name), so batching changes no
// number.
#include <cmath>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/distribution.h"
#include "model/expression.h"
#include "model/scenario/values.h"
#include "model/source_location.h"
#include "sim/execution.h"
#include "sim/random.h"
#include "sim/sampler.h"
#include "sim/scenario_values.h"

namespace flowcost::sim {

// What a value must satisfy wherever it comes from (a literal, a name, an expression).
enum class ValueCheck : std::uint8_t {
  finite,       // any finite number
  nonnegative,  // sizes, durations, counts: >= 0
  probability,  // probabilities and weights: in [0, 1]
  // An execution's data size: from 0 to Step Functions' 262,144 bytes (docs/sources.md#sfn-quotas)
  sfn_payload,
  // An MQTT message's payload: from 0 to IoT Core's 128 KB, 131,072 bytes (docs/sources.md#iot-quotas)
  iot_payload,
};

inline constexpr double kSfnMaxPayloadBytes = 262'144;
inline constexpr double kIotMaxPayloadBytes = 131'072;

// How messages name a value and what it must satisfy: {"probability of Lambda.Unknown", probability}.
struct ValueRole {
  std::string what;
  ValueCheck check = ValueCheck::finite;
};

struct CompiledValue {
  enum class Kind : std::uint8_t {
    constant,
    draw_expression,
    event_name,
    event_expression,
    execution_payload,
    distribution
  };
  Kind kind = Kind::constant;
  ValueCheck check = ValueCheck::finite;
  std::uint32_t event_name = 0;  // event_name: index into ValuePlan::event_names
  std::uint32_t machine = 0;     // execution_payload: the Step Functions machine whose payload it is
  double constant = 0;
  std::shared_ptr<const model::Expression> expression;  // draw_expression, event_expression, event_name
  Sampler sampler;                                      // distribution
  // distribution whose parameters name inputs: its index among DrawValues' per-draw samplers
  std::uint32_t draw_sampler = kNoDrawSampler;
  static constexpr std::uint32_t kNoDrawSampler = ~std::uint32_t{0};
  model::SourceLocation loc;
  std::string what;  // for messages (ValueRole::what)
};

// A name whose value changes per event.
struct EventName {
  std::string name;
  bool workload = false;   // a workload item (its stream in sim/scenario_values.h); else a design field
  std::uint64_t site = 0;  // workload_site(name), or site_key(name) for a field
  Sampler sampler;  // resolved per draw by DrawValues when its parameters name inputs
};

struct ValuePlan {
  std::vector<CompiledValue> values;
  std::vector<EventName> event_names;  // the per-event names that some value reads
  std::uint32_t draw_sampler_count = 0;  // values whose distribution is resolved per draw

  const CompiledValue& operator[](std::size_t i) const { return values[i]; }
  std::size_t size() const { return values.size(); }
};

class ValueCompiler {
 public:
  // `fields`: the design's own per-event names (IoT `fields`), each a distribution.
  ValueCompiler(const CompiledScenarioValues& scenario_values, ValuePlan& plan,
                std::vector<std::pair<std::string, model::DistributionSpec>> fields = {})
      : scenario_values_(scenario_values), plan_(plan), fields_(std::move(fields)) {}

  std::uint32_t add(const model::ValueSpec& spec, const ValueRole& role);
  std::uint32_t add_constant(double v);
  // The payload of the current execution of Step Functions machine `machine`.
  std::uint32_t add_execution_payload(std::uint32_t machine);
  // The value of name `name` (a scenario input, workload item or design field) as read where it is used.
  std::uint32_t add_name(const std::string& name, const model::SourceLocation& loc);

 private:
  std::optional<std::uint32_t> event_name(std::string_view name);
  std::uint32_t push(CompiledValue v);

  const CompiledScenarioValues& scenario_values_;
  ValuePlan& plan_;
  std::vector<std::pair<std::string, model::DistributionSpec>> fields_;
};

class DrawValues {
 public:
  // Resolves constants and per-draw expressions and checks them: a value that breaks its ValueCheck is an
  // InputError at its position with the draw number.
  DrawValues(const ValuePlan& plan, const DrawInputs& inputs);

  // Starts event `sample` (see the batching above).
  void start_event(std::uint64_t sample) {
    sample_ = sample;
    if (name_count_ == 0) return;
    if (sample - batch_first_ >= kEventBatch) draw_batch(sample);
    row_ = batch_values_.data() + (sample - batch_first_) * name_count_;
  }
  static constexpr std::uint64_t kEventBatch = 8;

  // The value for one use: a distribution draws its variate from slot `slot` of `variates`.
  double get(std::uint32_t value, SiteVariates& variates, unsigned slot) {
    if (plan_.values[value].kind != CompiledValue::Kind::distribution) return get(value);
    Stream stream = variates.stream(slot);
    return draw(value, stream);
  }
  // The same, a distribution drawing from `stream`.
  double get(std::uint32_t value, Stream& stream) const {
    if (plan_.values[value].kind != CompiledValue::Kind::distribution) return get(value);
    return draw(value, stream);
  }
  // A value that is not a distribution: InternalError for a distribution.
  double get(std::uint32_t value) const {
    const CompiledValue& v = plan_.values[value];
    switch (v.kind) {
      case CompiledValue::Kind::constant:
      case CompiledValue::Kind::draw_expression: return resolved_[value];
      case CompiledValue::Kind::event_name: return row_[v.event_name];
      case CompiledValue::Kind::execution_payload: return payload_;
      case CompiledValue::Kind::event_expression: return evaluate_event_expression(v);
      case CompiledValue::Kind::distribution: break;
    }
    distribution_without_stream();
  }
  // A constant or a per-draw expression: resolved() holds its number for the whole draw.
  bool fixed_for_draw(std::uint32_t value) const {
    const CompiledValue::Kind k = plan_.values[value].kind;
    return k == CompiledValue::Kind::constant || k == CompiledValue::Kind::draw_expression;
  }
  double resolved(std::uint32_t value) const { return resolved_[value]; }
  bool is_distribution(std::uint32_t value) const {
    return plan_.values[value].kind == CompiledValue::Kind::distribution;
  }
  // The payload of the execution being simulated (ValueCompiler::add_execution_payload).
  double payload() const { return payload_; }
  void set_payload(double bytes) { payload_ = bytes; }
  // The place's slots for this event.
  SiteVariates variates(std::uint64_t site) const { return SiteVariates(seed_, draw_, sample_, site); }
  std::uint64_t seed() const { return seed_; }
  std::uint64_t draw() const { return draw_; }
  std::uint64_t sample() const { return sample_; }

 private:
  double evaluate_event_expression(const CompiledValue& v) const;
  void draw_batch(std::uint64_t first);
  [[noreturn]] static void distribution_without_stream();
  [[gnu::noinline]] double draw(std::uint32_t value, Stream& stream) const {
    const CompiledValue& v = plan_.values[value];
    if (v.draw_sampler != CompiledValue::kNoDrawSampler) return draw_samplers_[v.draw_sampler].sample(stream);
    return v.sampler.sample(stream);
  }

  const ValuePlan& plan_;
  DrawInputs inputs_;  // the draw's per-draw names (for per-event expressions)
  std::uint64_t seed_ = 0, draw_ = 0, sample_ = 0;
  double payload_ = 0;
  std::vector<double> resolved_;  // per value: constants and per-draw values
  std::vector<Sampler> draw_samplers_;  // this draw's samplers of distributions whose parameters name inputs
  std::vector<Sampler> name_samplers_;  // per event name: this draw's sampler when its parameters name inputs
  // Per-event names of events [batch_first_, batch_first_ + kEventBatch), event-major.
  std::size_t name_count_ = 0;
  std::uint64_t batch_first_ = ~std::uint64_t{0} - kEventBatch;  // no batch yet
  std::vector<double> batch_values_;
  const double* row_ = nullptr;  // the current event's names
};

// Resolves, at the values of `inputs` (the base inputs of the analytic engine, say), every distribution of
// `plan` whose parameters name inputs, in place: the plan's samplers are then all literal. `where` goes
// into the messages of broken constraints ("at the base inputs").
void resolve_distributions(ValuePlan& plan, const DrawInputs& inputs, const std::string& where);

// Does `x` satisfy `check`? (Finite, and >= 0 or in [0, 1] as asked.)
inline bool satisfies(double x, ValueCheck check) {
  switch (check) {
    case ValueCheck::finite: return std::isfinite(x);
    case ValueCheck::nonnegative: return std::isfinite(x) && x >= 0;
    case ValueCheck::probability: return x >= 0 && x <= 1;
    case ValueCheck::sfn_payload: return x >= 0 && x <= kSfnMaxPayloadBytes;
    case ValueCheck::iot_payload: return x >= 0 && x <= kIotMaxPayloadBytes;
  }
  return false;
}

// Why `x` breaks `check`, e.g. "probability of Lambda.Unknown is 1.3 in draw 17 (must be in [0, 1])";
// `where` is "in draw 17" or "in draw 17, event 4".
std::string check_message(double x, ValueCheck check, const std::string& what, const std::string& where);

}  // namespace flowcost::sim
