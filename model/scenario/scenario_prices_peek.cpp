// peek_scenario_prices and same_prices: a scenario's price table guessed from its text before it is parsed,
// and confirmed against what load_scenario read (cli/scenario_inputs.cpp, docs/performance.md "Threads").
#include <algorithm>
#include <string>
#include <string_view>

#include "model/scenario/scenario.h"

namespace flowcost::model {

std::optional<Scenario> peek_scenario_prices(const std::string& path, std::string_view text) {
  const auto is_name = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
           c == '/' || c == '-';
  };
  std::optional<Scenario> found;
  int line = 1;
  for (std::size_t at = 0; at < text.size(); ++line) {
    const std::size_t end = std::min(text.find('\n', at), text.size());
    std::string_view l = text.substr(at, end - at);
    at = end + 1;
    if (!l.starts_with("prices: ")) continue;
    if (found) return std::nullopt;  // twice: the parser reports it
    std::size_t first = 7;
    while (first < l.size() && l[first] == ' ') ++first;
    std::size_t last = first;
    while (last < l.size() && is_name(l[last])) ++last;
    std::size_t rest = last;
    while (rest < l.size() && l[rest] == ' ') ++rest;
    if (last == first || (rest < l.size() && (l[rest] != '#' || rest == last) && l.substr(rest) != "\r")) return std::nullopt;
    found.emplace();
    found->file = path;
    found->directory = scenario_folder(path);
    found->prices = std::string(l.substr(first, last - first));
    found->prices_loc = {path, line, static_cast<int>(first) + 1};
  }
  return found;
}

bool same_prices(const Scenario& a, const Scenario& b) {
  return a.file == b.file && a.directory == b.directory && a.prices == b.prices && a.prices_loc.file == b.prices_loc.file &&
         a.prices_loc.line == b.prices_loc.line && a.prices_loc.column == b.prices_loc.column;
}

}  // namespace flowcost::model
