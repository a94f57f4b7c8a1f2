#pragma once
// The price table of a scenario run and the message for a meter it does not price, shared by the priced
// run (engine/run_pipeline.h) and explain (engine/explain.h).
#include <optional>
#include <string>

#include "model/scenario/scenario.h"
#include "pricing/price_table.h"

namespace flowcost::engine {

// `prices` as given (a shipped name, or a path relative to the working directory) when present;
// otherwise the scenario's `prices:` (a path relative to the scenario's folder). A table that cannot be
// found or read from the scenario's `prices:` is reported at that key. Throws model::InputError.
pricing::PriceTable load_scenario_price_table(const model::Scenario& scenario, const std::optional<std::string>& prices);

// 'design "NAME" uses meter "M", which price table "T" (PATH) does not price', with the table's known gap
// for that meter when it lists one.
std::string unpriced_meter_message(const std::string& design, const std::string& meter,
                                   const pricing::PriceTable& table);

}  // namespace flowcost::engine
