#include "engine/assumptions.h"

#include <algorithm>

namespace flowcost::engine {

namespace {

bool uses(const std::vector<std::string>& meters, const std::string& meter_or_prefix) {
  return std::any_of(meters.begin(), meters.end(),
                     [&](const std::string& m) { return m.rfind(meter_or_prefix, 0) == 0; });
}

}  // namespace

std::vector<Assumption> design_assumptions(const std::vector<std::string>& meters, const pricing::PriceTable& table,
                                           bool free_tier) {
  std::vector<Assumption> out;
  const std::string metering_source = "price table " + table.name + ", metering:";
  for (const auto& s : model::metering_settings(table.metering))
    if (uses(meters, s.meter_prefix)) out.push_back({s.name, s.value, metering_source});
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
