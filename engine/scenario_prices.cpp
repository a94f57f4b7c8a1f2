#include "engine/scenario_prices.h"

#include <vector>

#include "model/errors.h"
#include "pricing/table_loader.h"

namespace flowcost::engine {

pricing::PriceTable load_scenario_price_table(const model::Scenario& scenario, const std::optional<std::string>& prices) {
  if (prices) return pricing::load_price_table(*prices);
  const std::string name = pricing::scenario_price_table(scenario.prices, scenario.directory);
  try {
    return pricing::load_price_table(name);
  } catch (const model::InputError& e) {
    std::vector<model::Diagnostic> moved;
    for (auto d : e.diagnostics()) {
      if (!d.where.known() && scenario.prices_loc.known()) d.where = scenario.prices_loc;
      moved.push_back(d);
    }
    throw model::InputError(moved);
  }
}

std::string unpriced_meters_message(const std::string& design, const std::vector<std::string>& meters,
                                    const pricing::PriceTable& table) {
  auto gap_of = [&](const std::string& meter) {
    auto gap = table.gaps.find(meter);
    return gap == table.gaps.end() ? std::string() : " (a known gap: " + gap->second + ")";
  };
  const std::string where = "price table \"" + table.name + "\" (" + table.path + ") does not price";
  if (meters.size() == 1)
    return "design \"" + design + "\" uses meter \"" + meters.front() + "\", which " + where + gap_of(meters.front());
  std::string message = "design \"" + design + "\" uses " + std::to_string(meters.size()) + " meters that " + where + ": ";
  for (std::size_t i = 0; i < meters.size(); ++i)
    message += (i ? ", \"" : "\"") + meters[i] + "\"" + gap_of(meters[i]);
  return message;
}

}  // namespace flowcost::engine
