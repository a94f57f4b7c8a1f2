#include "model/suggest.h"

#include <algorithm>
#include <cctype>

namespace flowcost::model {

namespace {

unsigned char lower(char c) { return static_cast<unsigned char>(std::tolower(static_cast<unsigned char>(c))); }

// Only so many candidates are compared per look-up: a real definition or scenario has far fewer names,
// and a generated file with tens of thousands of unknown names among tens of thousands of known ones
// must not take quadratic time (its messages then suggest among the first 1,000 names only).
constexpr std::size_t kMaxSuggestionCandidates = 1000;

// The distance when it is at most `limit`, else any value above `limit`: rows stop as soon as every
// cell exceeds the limit.
std::size_t bounded_distance(std::string_view a, std::string_view b, std::size_t limit) {
  const std::size_t gap = a.size() > b.size() ? a.size() - b.size() : b.size() - a.size();
  if (gap > limit) return limit + 1;
  std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    std::size_t row_min = cur[0];
    const unsigned char ai = lower(a[i - 1]);
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const bool same = ai == lower(b[j - 1]);
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (same ? 0 : 1)});
      row_min = std::min(row_min, cur[j]);
    }
    if (row_min > limit) return limit + 1;
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

}  // namespace

std::size_t edit_distance(std::string_view a, std::string_view b) {
  return bounded_distance(a, b, std::max(a.size(), b.size()));
}

std::optional<std::string> closest_name(std::string_view name, const std::vector<std::string>& candidates) {
  std::optional<std::string> best;
  std::size_t best_d = std::max<std::size_t>(2, name.size() / 3) + 1;
  const std::size_t count = std::min(candidates.size(), kMaxSuggestionCandidates);
  for (std::size_t i = 0; i < count; ++i) {
    const std::size_t d = bounded_distance(name, candidates[i], best_d - 1);
    if (d < best_d) {
      best_d = d;
      best = candidates[i];
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
