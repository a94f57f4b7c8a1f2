#include "engine/run_diff.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "model/number_format.h"
#include "sim/statistics.h"

namespace flowcost::engine {

namespace {

template <typename T, typename Key>
const T* find_by(const std::vector<T>& items, const Key& key) {
  auto it = std::find_if(items.begin(), items.end(), [&](const T& item) { return key(item); });
  return it == items.end() ? nullptr : &*it;
}

void compare_text(std::vector<TextChange>& out, const std::string& name, const std::optional<std::string>& base,
                  const std::optional<std::string>& head) {
  if (base != head) out.push_back({name, base, head});
}

// Every key of either map whose value differs (absent counts as different).
void compare_maps(std::vector<TextChange>& out, const std::string& prefix, const std::map<std::string, std::string>& base,
                  const std::map<std::string, std::string>& head) {
  std::map<std::string, std::pair<std::optional<std::string>, std::optional<std::string>>> all;
  for (const auto& [k, v] : base) all[k].first = v;
  for (const auto& [k, v] : head) all[k].second = v;
  for (const auto& [k, v] : all) compare_text(out, prefix + k, v.first, v.second);
}

std::map<std::string, std::string> last_values(const std::vector<std::pair<std::string, std::string>>& pairs) {
  std::map<std::string, std::string> out;
  for (const auto& [k, v] : pairs) out[k] = v;
  return out;
}

std::map<std::string, std::string> assumption_map(const DesignReport& d) {
  std::map<std::string, std::string> out;
  for (const auto& a : d.assumptions) out[a.name] = a.value;
  return out;
}

std::optional<std::string> stop_rule(const RunReport& r) {
  if (!r.rel_error_target) return std::string("none");
  return model::format_shortest(*r.rel_error_target);
}

std::vector<LineChange> line_changes(const DesignReport* base, const DesignReport* head) {
  std::vector<LineChange> out;
  static const std::vector<LineReport> kNone;
  const auto& base_lines = base ? base->lines : kNone;
  const auto& head_lines = head ? head->lines : kNone;
  auto same = [](const LineReport& l) { return [&l](const LineReport& o) { return o.meter == l.meter && o.line == l.line; }; };
  for (const auto& b : base_lines) {
    const LineReport* h = find_by(head_lines, same(b));
    out.push_back({b.meter, b.line, h ? Presence::both : Presence::removed,
                   mean_change(b.cost_usd_mean, b.cost_usd_std_error, h ? h->cost_usd_mean : 0,
                               h ? h->cost_usd_std_error : 0)});
  }
  for (const auto& h : head_lines) {
    if (find_by(base_lines, same(h))) continue;
    out.push_back({h.meter, h.line, Presence::added, mean_change(0, 0, h.cost_usd_mean, h.cost_usd_std_error)});
  }
  return out;
}

DesignChange design_change(const DesignReport* base, const DesignReport* head) {
  DesignChange out;
  out.name = base ? base->name : head->name;
  out.presence = base && head ? Presence::both : base ? Presence::removed : Presence::added;
  out.monthly_cost = mean_change(base ? base->monthly_cost_usd.mean : 0, base ? base->monthly_cost_usd.std_error : 0,
                                 head ? head->monthly_cost_usd.mean : 0, head ? head->monthly_cost_usd.std_error : 0);
  out.lines = line_changes(base, head);
  return out;
}

std::optional<std::string> scenario_sha(const RunReport& r) {
  auto it = r.input_files.find(r.scenario_file);
  if (it == r.input_files.end()) return std::nullopt;
  return it->second;
}

}  // namespace

MeanChange mean_change(double base_mean, double base_std_error, double head_mean, double head_std_error) {
  MeanChange c;
  c.base_usd = base_mean;
  c.head_usd = head_mean;
  c.delta_usd = head_mean - base_mean;
  const double half = sim::kZ975 * std::sqrt(base_std_error * base_std_error + head_std_error * head_std_error);
  c.ci95_low_usd = c.delta_usd - half;
  c.ci95_high_usd = c.delta_usd + half;
  c.significant = c.ci95_low_usd > 0 || c.ci95_high_usd < 0;
  return c;
}

RunDiff diff_runs(const RunReport& base, const RunReport& head) {
  RunDiff d;
  d.base_scenario = base.scenario;
  d.head_scenario = head.scenario;
  const auto sha = scenario_sha(base);
  d.same_random_numbers = base.seed == head.seed && sha && sha == scenario_sha(head);
  for (const auto& b : base.designs) {
    const DesignReport* h = find_by(head.designs, [&](const DesignReport& o) { return o.name == b.name; });
    d.designs.push_back(design_change(&b, h));
  }
  for (const auto& h : head.designs)
    if (!find_by(base.designs, [&](const DesignReport& o) { return o.name == h.name; }))
      d.designs.push_back(design_change(nullptr, &h));

  compare_maps(d.inputs, "", base.input_files, head.input_files);

  compare_text(d.settings, "seed", std::to_string(base.seed), std::to_string(head.seed));
  compare_text(d.settings, "draws", std::to_string(base.draws), std::to_string(head.draws));
  compare_text(d.settings, "executions_per_draw", std::to_string(base.executions_per_draw),
               std::to_string(head.executions_per_draw));
  compare_text(d.settings, "rel_error_target", stop_rule(base), stop_rule(head));
  compare_text(d.settings, "free_tier", base.free_tier ? "true" : "false", head.free_tier ? "true" : "false");
  compare_text(d.settings, "tool_version", base.tool_version, head.tool_version);
  for (const auto& b : base.designs) {
    const DesignReport* h = find_by(head.designs, [&](const DesignReport& o) { return o.name == b.name; });
    if (h) compare_maps(d.settings, b.name + ": ", assumption_map(b), assumption_map(*h));
  }

  compare_maps(d.overrides, "", last_values(base.overrides), last_values(head.overrides));

  compare_text(d.prices, "name", base.prices.name, head.prices.name);
  compare_text(d.prices, "effective_date", base.prices.effective_date, head.prices.effective_date);
  compare_text(d.prices, "region", base.prices.region, head.prices.region);
  compare_text(d.prices, "sha256", base.prices.sha256, head.prices.sha256);
  return d;
}

}  // namespace flowcost::engine
