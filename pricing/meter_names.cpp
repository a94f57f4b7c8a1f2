#include "pricing/meter_names.h"

#include <algorithm>
#include <vector>

#include "model/meters.h"
#include "model/suggest.h"

namespace flowcost::pricing {

namespace {

std::string_view service_of(std::string_view meter) { return meter.substr(0, meter.find('.')); }

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : ", ") + s;
  return out;
}

}  // namespace

std::string unknown_meter_message(std::string_view name) {
  const auto names = model::known_meter_names();
  std::string message = model::unknown_name_message("meter", name, names);
  if (model::closest_name(name, names)) return message;
  std::vector<std::string> same_service, services;
  for (const auto& n : names) {
    if (service_of(n) == service_of(name)) same_service.push_back(n);
    std::string service(service_of(n));
    if (std::find(services.begin(), services.end(), service) == services.end()) services.push_back(service);
  }
  if (!same_service.empty()) return message + "; meters of " + std::string(service_of(name)) + ": " + join(same_service);
  return message + "; known services: " + join(services);
}

}  // namespace flowcost::pricing
