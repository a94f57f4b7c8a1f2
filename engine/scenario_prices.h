#pragma once
// The price table of a scenario run and the message for a meter it does not price, shared by the priced
// run (engine/run_pipeline.h) and explain (engine/explain.h).
#include <optional>
#include <string>
#include <vector>

#include "model/scenario/scenario.h"
#include "pricing/price_table.h"

namespace flowcost::engine {

// `prices` as given (a shipped name, or a path relative to the working directory) when present;
// otherwise the scenario's `prices:` (a path relative to the scenario's folder). A table that cannot be
// found or read from the scenario's `prices:` is reported at that key. Throws model::InputError.
pricing::PriceTable load_scenario_price_table(const model::Scenario& scenario, const std::optional<std::string>& prices);

// One line per design, whatever the number of meters: 'design "NAME" uses meter "M", which price table "T"
// (PATH) does not price (a known gap: REASON)', or for several 'design "NAME" uses 3 meters that price table
// "T" (PATH) does not price: "A" (a known gap: REASON), "B", "C"' (each with the table's gap note when it lists
// one), in the order given.
std::string unpriced_meters_message(const std::string& design, const std::vector<std::string>& meters,
                                    const pricing::PriceTable& table);

}  // namespace flowcost::engine
