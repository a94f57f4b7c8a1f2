#include "reports/basis_json.h"

#include <algorithm>
#include <string>

namespace flowcost::reports {

using Json = nlohmann::ordered_json;

Json unpriced_json(const std::vector<model::UnpricedCall>& unpriced) {
  Json out = Json::array();
  for (const auto& u : unpriced)
    out.push_back({{"state", u.state}, {"service", u.service}, {"action", u.action}, {"reason", u.reason}});
  return out;
}

Json assumptions_json(const std::vector<engine::Assumption>& assumptions) {
  Json out = Json::object();
  for (const auto& a : assumptions) {
    Json value = Json::parse(a.value, nullptr, false);
    if (value.is_number() || value.is_boolean()) {
      out[a.name] = value;
    } else if (a.value.size() >= 2 && a.value.front() == '[' && a.value.back() == ']') {
      Json names = Json::array();
      const std::string inner = a.value.substr(1, a.value.size() - 2);
      for (std::size_t start = 0; !inner.empty() && start <= inner.size();) {
        const std::size_t comma = std::min(inner.find(", ", start), inner.size());
        names.push_back(inner.substr(start, comma - start));
        start = comma + 2;
      }
      out[a.name] = std::move(names);
    } else {
      out[a.name] = a.value;
    }
  }
  return out;
}

Json basis_json(const std::vector<engine::DesignBasis>& basis) {
  Json out = Json::array();
  for (const auto& b : basis)
    out.push_back({{"name", b.design}, {"unpriced", unpriced_json(b.unpriced)}, {"assumptions", assumptions_json(b.assumptions)}});
  return out;
}

}  // namespace flowcost::reports
