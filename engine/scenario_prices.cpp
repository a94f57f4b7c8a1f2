#include "engine/scenario_prices.h"

#include <vector>

#include "model/errors.h"
#include "pricing/table_loader.h"

namespace flowcost::engine {

namespace {

bool is_table_path(const std::string& name_or_path) {
  return name_or_path.find('/') != std::string::npos ||
         (name_or_path.size() > 5 && name_or_path.compare(name_or_path.size() - 5, 5, ".yaml") == 0);
}

}  // namespace

pricing::PriceTable load_scenario_price_table(const model::Scenario& scenario, const std::optional<std::string>& prices) {
  if (prices) return pricing::load_price_table(*prices);
  std::string name = scenario.prices;
  if (is_table_path(name) && name.front() != '/' && !scenario.directory.empty())
    name = scenario.directory + "/" + name;
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
