#pragma once
// Meters: the interface between simulation and pricing (docs/price-tables.md "Meters and their units").
// A meter is a billable quantity per month, already rounded per event. Names are fixed, of the form
// service.quantity.
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace flowcost::model {

struct MeterInfo {
  std::string_view name;
  std::string_view unit;         // "transitions", "requests", "GB-s", "messages", ...
  std::string_view description;  // what is counted
};

// Every meter flowcost knows, in a stable order (used for output ordering).
const std::vector<MeterInfo>& known_meters();
const MeterInfo* find_meter(std::string_view name);
std::vector<std::string> known_meter_names();

// Monthly totals per meter name. Ordered so that output is deterministic.
using MeterTotals = std::map<std::string, double>;

}  // namespace flowcost::model
