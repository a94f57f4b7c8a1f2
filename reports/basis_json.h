#pragma once
// What a report's numbers rest on, as JSON, for every report that lists it (run, sweep, tornado): the calls
// flowcost cannot price and the settings that decided the numbers (docs/cli.md "Warnings and unpriced calls").
#include <nlohmann/json.hpp>
#include <vector>

#include "engine/assumptions.h"
#include "engine/whatif_report.h"
#include "model/unpriced_call.h"

namespace flowcost::reports {

// [{state, service, action, reason}, ...]
nlohmann::ordered_json unpriced_json(const std::vector<model::UnpricedCall>& unpriced);

// {name: value}: a number or true/false as such, a list of names ("[A, B]", as the metering: section writes
// it) as an array of strings, anything else as text.
nlohmann::ordered_json assumptions_json(const std::vector<engine::Assumption>& assumptions);

// [{name, unpriced, assumptions}, ...] per design.
nlohmann::ordered_json basis_json(const std::vector<engine::DesignBasis>& basis);

}  // namespace flowcost::reports
