#include "model/suggest.h"

#include <algorithm>
#include <cctype>

namespace flowcost::model {

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      bool same = std::tolower(static_cast<unsigned char>(a[i - 1])) ==
                  std::tolower(static_cast<unsigned char>(b[j - 1]));
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (same ? 0 : 1)});
    }
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

std::optional<std::string> closest_name(std::string_view name, const std::vector<std::string>& candidates) {
  std::optional<std::string> best;
  std::size_t best_d = std::max<std::size_t>(2, name.size() / 3) + 1;
  for (const auto& c : candidates) {
    std::size_t d = edit_distance(name, c);
    if (d < best_d) {
      best_d = d;
      best = c;
    }
  }
  return best;
}

std::string unknown_name_message(std::string_view what, std::string_view name,
                                 const std::vector<std::string>& candidates) {
  std::string msg = "unknown " + std::string(what) + " \"" + std::string(name) + "\"";
  if (auto s = closest_name(name, candidates)) msg += "; did you mean \"" + *s + "\"?";
  return msg;
}

void check_known_keys(const Node& node, const std::vector<std::string>& allowed, Diagnostics& diags,
                      std::string_view what) {
  if (!node.is_mapping()) return;
  for (const auto& m : node.members) {
    if (std::find(allowed.begin(), allowed.end(), m.key) == allowed.end())
      diags.error(m.key_loc, unknown_name_message(what, m.key, allowed));
  }
}

}  // namespace flowcost::model
