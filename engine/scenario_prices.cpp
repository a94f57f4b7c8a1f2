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

std::string unpriced_meter_message(const std::string& design, const std::string& meter,
                                   const pricing::PriceTable& table) {
  std::string message = "design \"" + design + "\" uses meter \"" + meter + "\", which price table \"" + table.name +
                        "\" (" + table.path + ") does not price";
  auto gap = table.gaps.find(meter);
  if (gap != table.gaps.end()) message += " (a known gap: " + gap->second + ")";
  return message;
}

}  // namespace flowcost::engine
