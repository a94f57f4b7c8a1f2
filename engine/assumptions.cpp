#include "engine/assumptions.h"

#include <algorithm>

#include "model/distribution.h"
#include "model/number_format.h"
#include "pricing/borrowed_prices.h"

namespace flowcost::engine {

namespace {

bool uses(const std::vector<std::string>& meters, const std::string& meter_or_prefix) {
  return std::any_of(meters.begin(), meters.end(),
                     [&](const std::string& m) { return m.rfind(meter_or_prefix, 0) == 0; });
}

bool has_distributed_map(const model::StepFunctionsDesign& d, int depth = 0) {
  if (depth > 64) return false;  // a child machine that starts itself
  for (const auto* s : model::all_states_of(d.machine)) {
    const auto* map = std::get_if<model::asl::MapState>(&s->body);
    if (map && map->processor.mode == model::asl::Scope::MapMode::distributed) return true;
  }
  for (const auto& t : d.tasks)
    if (t.execution && has_distributed_map(*t.execution, depth + 1)) return true;
  return false;
}

bool runs_distributed_map(const model::Scenario& scenario, const model::DesignEntry& entry) {
  if (const auto* sfn = std::get_if<model::StepFunctionsDesign>(&entry.design)) return has_distributed_map(*sfn);
  const auto& iot = std::get<model::IotRulesDesign>(entry.design);
  auto starts = [&](const model::IotActionSpec& a) {
    if (a.kind != model::IotActionKind::step_functions) return false;
    for (const auto& other : scenario.designs) {
      const auto* sfn = std::get_if<model::StepFunctionsDesign>(&other.design);
      if (other.name == a.design && sfn && has_distributed_map(*sfn)) return true;
    }
    return false;
  };
  for (const auto& rule : iot.rules) {
    for (const auto& a : rule.actions)
      if (starts(a)) return true;
    if (rule.error_action && starts(*rule.error_action)) return true;
  }
  return false;
}

}  // namespace

void apply_design_orchestration(const model::Scenario& scenario, const std::string& design,
                                std::vector<Assumption>& assumptions) {
  for (const auto& entry : scenario.designs) {
    const auto* sfn = std::get_if<model::StepFunctionsDesign>(&entry.design);
    if (entry.name != design || !sfn) continue;
    for (unsigned k = 0; k < model::kLatencyKinds; ++k) {
      const auto& v = sfn->orchestration_ms[k];
      if (!v) continue;
      std::string value;
      switch (v->kind) {
        case model::ValueSpec::Kind::number: value = model::format_shortest(v->number); break;
        case model::ValueSpec::Kind::expression: value = v->expression.text(); break;
        case model::ValueSpec::Kind::distribution: value = "a " + std::string(model::to_string(v->distribution.kind)) + " distribution"; break;
      }
      const std::string source = "design \"" + design + "\" orchestration: (" + v->loc.file + ":" +
                                 std::to_string(v->loc.line) + ")";
      for (auto& a : assumptions)
        if (a.name == std::string("express_latency.") + model::kLatencyKeys[k] ||
            a.name == std::string("standard_latency.") + model::kLatencyKeys[k]) {
          a.value = value;
          a.source = source;
        }
    }
  }
}

std::vector<Assumption> map_sample_assumptions(const model::Scenario& scenario, const std::string& design) {
  for (const auto& entry : scenario.designs) {
    if (entry.name != design || !runs_distributed_map(scenario, entry)) continue;
    const std::string source = "scenario run: (large Distributed Maps)";
    return {{"map_sample_children", std::to_string(scenario.run.map_sample_children), source},
            {"map_sample_above", std::to_string(scenario.run.map_sample_above), source}};
  }
  return {};
}

std::vector<Assumption> design_assumptions(const std::vector<std::string>& meters, const pricing::PriceTable& table,
                                           bool free_tier) {
  std::vector<Assumption> out;
  const std::string metering_source = "price table " + table.name + ", metering:";
  for (const auto& s : model::metering_settings(table.metering))
    if (uses(meters, s.meter_prefix)) out.push_back({s.name, s.value, metering_source});
  // A meter priced with another table's figure (the table's assumed:), named with the table and the reason.
  for (const auto& [meter, borrowed] : table.assumed)
    if (std::find(meters.begin(), meters.end(), meter) != meters.end())
      out.push_back({pricing::borrowed_price_setting(meter), borrowed.from_table,
                     pricing::borrowed_price_source(table, borrowed)});
  out.push_back({"free_tier", free_tier ? "true" : "false", "scenario free_tier: or --free-tier"});
  if (!free_tier) return out;
  // Allowances shared between lines (pools), when the design uses one of their meters: who draws first.
  std::vector<std::string> pools;
  for (const auto& line : table.lines)
    if (line.free_tier && !line.free_tier->shared_pool.empty() &&
        std::find(pools.begin(), pools.end(), line.free_tier->shared_pool) == pools.end())
      pools.push_back(line.free_tier->shared_pool);
  for (const auto& pool : pools) {
    std::string members;
    bool used = false;
    for (const auto& line : table.lines) {
      if (!line.free_tier || line.free_tier->shared_pool != pool) continue;
      members += (members.empty() ? "" : ", ") + line.meter;
      used = used || uses(meters, line.meter);
    }
    if (used)
      out.push_back({"free_tier.shared." + pool, members, "price table " + table.name + ", shared free_tier: in this order"});
  }
  return out;
}

}  // namespace flowcost::engine
