#include "engine/merge.h"

#include <algorithm>
#include <map>

#include "engine/priced_run.h"
#include "model/errors.h"

namespace flowcost::engine {

namespace {

std::string shard_text(const ShardSpec& s) { return std::to_string(s.index) + "/" + std::to_string(s.count); }

std::string optional_text(const std::optional<std::string>& s) { return s ? "\"" + *s + "\"" : "(none)"; }

std::string set_text(const std::vector<std::pair<std::string, std::string>>& set) {
  std::string out;
  for (const auto& [name, value] : set) out += (out.empty() ? "" : " ") + name + "=" + value;
  return out.empty() ? "(none)" : out;
}

// What differs between two shards' settings, as "seed 2, not 1; ...", or "" when the settings agree.
std::string settings_difference(const PartialRun& a, const PartialRun& b) {
  std::vector<std::string> diffs;
  auto number = [&](const char* name, std::uint64_t x, std::uint64_t y) {
    if (x != y) diffs.push_back(std::string(name) + " " + std::to_string(x) + ", not " + std::to_string(y));
  };
  if (a.scenario_path != b.scenario_path) diffs.push_back("scenario " + a.scenario_path + ", not " + b.scenario_path);
  number("seed", a.settings.seed.value_or(0), b.settings.seed.value_or(0));
  number("executions", a.settings.executions.value_or(0), b.settings.executions.value_or(0));
  number("draws", a.settings.draws.value_or(0), b.settings.draws.value_or(0));
  if (a.settings.set != b.settings.set) diffs.push_back("--set " + set_text(a.settings.set) + ", not " + set_text(b.settings.set));
  if (a.settings.prices != b.settings.prices)
    diffs.push_back("--prices " + optional_text(a.settings.prices) + ", not " + optional_text(b.settings.prices));
  if (a.settings.free_tier != b.settings.free_tier) diffs.push_back("free tier differs");
  if (a.settings.strict != b.settings.strict) diffs.push_back("--strict differs");
  if (a.settings.max_states != b.settings.max_states) diffs.push_back("--max-states differs");
  std::string out;
  for (const auto& d : diffs) out += (out.empty() ? "" : "; ") + d;
  return out;
}

void check_set(const std::vector<std::pair<std::string, PartialRun>>& parts) {
  if (parts.empty()) throw model::InputError({"command line", 0, 0}, "merge needs the partial results of every shard");
  const auto& [first_path, first] = parts.front();
  for (const auto& [path, part] : parts) {
    const model::SourceLocation where{path, 0, 0};
    if (part.tool_version != FLOWCOST_VERSION)
      throw model::InputError(where, "written by flowcost " + part.tool_version + "; this is flowcost " +
                                         FLOWCOST_VERSION + ": merge with the version that ran the shards");
    if (part.config_hash != first.config_hash) {
      const std::string diff = settings_difference(part, first);
      throw model::InputError(where, "not a shard of the same run as " + first_path + ": " +
                                         (diff.empty() ? "the scenario or its input files differ (configuration " +
                                                             part.config_hash.substr(0, 12) + ", not " +
                                                             first.config_hash.substr(0, 12) + ")"
                                                       : diff));
    }
    if (part.shard.count != first.shard.count)
      throw model::InputError(where, "shard " + shard_text(part.shard) + ", but " + first_path + " is shard " +
                                         shard_text(first.shard) + ": every shard of a run has the same count");
  }
  std::map<std::uint64_t, std::string> seen;
  for (const auto& [path, part] : parts) {
    auto [it, inserted] = seen.emplace(part.shard.index, path);
    if (!inserted)
      throw model::InputError({path, 0, 0}, "shard " + shard_text(part.shard) + " given twice (also " + it->second + ")");
  }
  std::string missing;
  for (std::uint64_t i = 0; i < first.shard.count; ++i)
    if (!seen.count(i)) missing += (missing.empty() ? "" : ", ") + std::to_string(i);
  if (!missing.empty())
    throw model::InputError({"command line", 0, 0}, "shards missing: " + missing + " of 0.." +
                                                        std::to_string(first.shard.count - 1) + " (" +
                                                        std::to_string(parts.size()) + " partial results given)");
  for (const auto& [path, part] : parts) {
    const ShardSlice slice = shard_slice(part.settings.draws.value_or(0), part.shard);
    bool ok = part.first_draw == slice.first && part.run.designs.size() == first.run.designs.size();
    for (const auto& d : part.run.designs) {
      ok = ok && d.draws.size() == slice.count;
      for (std::size_t k = 0; ok && k < d.draws.size(); ++k) ok = d.draws[k].draw == slice.first + k;
    }
    if (!ok)
      throw model::InputError({path, 0, 0}, "a damaged flowcost partial result (its draws are not those of shard " +
                                                shard_text(part.shard) + ")");
  }
}

// `part`'s design appended to `into` (draws in order, columns by name, accumulators added).
void append_design(sim::DesignResult& into, const sim::DesignResult& part) {
  std::vector<std::size_t> column;
  for (const auto& m : part.meters) column.push_back(into.add_column(m));
  for (const auto& r : part.draws) {
    sim::DrawRecord out = r;
    out.monthly.assign(into.meters.size(), 0.0);
    for (std::size_t c = 0; c < r.monthly.size(); ++c) out.monthly[column[c]] = r.monthly[c];
    into.draws.push_back(std::move(out));
  }
  into.execution_totals += part.execution_totals;
  into.latency_ms.merge(part.latency_ms);
  into.outcomes.succeeded += part.outcomes.succeeded;
  into.outcomes.failed += part.outcomes.failed;
  into.outcomes.lost += part.outcomes.lost;
  into.outcomes.caught += part.outcomes.caught;
  for (const auto& [name, n] : part.outcomes.failed_by_error) into.outcomes.failed_by_error[name] += n;
  into.executions += part.executions;
  into.transitions += part.transitions;
  into.retries += part.retries;
  for (const auto& w : part.warnings)
    if (std::find(into.warnings.begin(), into.warnings.end(), w) == into.warnings.end()) into.warnings.push_back(w);
}

void append_priced(PricedDesign& into, PricedDesign part, const std::vector<std::pair<std::string, std::string>>& order,
                   const std::vector<std::string>& units) {
  align_lines(part, order, units);
  auto append = [](std::vector<double>& a, const std::vector<double>& b) { a.insert(a.end(), b.begin(), b.end()); };
  append(into.monthly_cost_usd, part.monthly_cost_usd);
  append(into.events_per_month, part.events_per_month);
  append(into.draw_std_error_usd, part.draw_std_error_usd);
  for (std::size_t i = 0; i < into.lines.size(); ++i) {
    append(into.lines[i].quantity, part.lines[i].quantity);
    append(into.lines[i].cost_usd, part.lines[i].cost_usd);
  }
}

}  // namespace

ScenarioRun merge_partial_runs(const std::vector<std::pair<std::string, PartialRun>>& given) {
  check_set(given);
  std::vector<const std::pair<std::string, PartialRun>*> parts;
  for (const auto& p : given) parts.push_back(&p);
  std::sort(parts.begin(), parts.end(), [](auto* a, auto* b) { return a->second.shard.index < b->second.shard.index; });
  const auto& [first_path, first] = *parts.front();

  ScenarioSession session(first.scenario_path, first.settings);
  session.fix_inputs({});
  const std::string now = session.config_hash(first.settings);
  if (now != first.config_hash)
    throw model::InputError({first_path, 0, 0}, "the scenario " + first.scenario_path +
                                                    " or a file it reads changed since the shards ran (configuration " +
                                                    now.substr(0, 12) + " now, " + first.config_hash.substr(0, 12) +
                                                    " in the partial results)");

  sim::RunResult run;
  run.seed = first.run.seed;
  run.executions_per_draw = first.run.executions_per_draw;
  const auto unpriced = session.unpriced_calls();
  for (std::size_t d = 0; d < first.run.designs.size(); ++d) {
    sim::DesignResult design;
    design.name = first.run.designs[d].name;
    if (d < unpriced.size()) design.unpriced = unpriced[d];
    run.designs.push_back(std::move(design));
  }
  for (const auto* p : parts) {
    const PartialRun& part = p->second;
    for (std::size_t d = 0; d < run.designs.size(); ++d) append_design(run.designs[d], part.run.designs[d]);
    run.simulated_executions += part.run.simulated_executions;
    run.simulated_transitions += part.run.simulated_transitions;
    run.wall_seconds += part.run.wall_seconds;
  }

  const pricing::CostOptions options{session.effective_settings(first.settings).free_tier};
  std::vector<PricedDesign> priced(run.designs.size());
  for (std::size_t d = 0; d < run.designs.size(); ++d) {
    PricedDesign& out = priced[d];
    out.name = run.designs[d].name;
    out.meters = priced_meters(run.designs[d].meters, session.table());
    // The lines every draw of the whole run has: those of the union of the shards' meters, in table order.
    model::MeterTotals zeros;
    for (const auto& m : out.meters) zeros[m] = 0;
    std::vector<std::pair<std::string, std::string>> order;
    std::vector<std::string> units;
    for (const auto& item : pricing::cost(zeros, session.table(), options).lines) {
      order.emplace_back(item.meter, item.line);
      units.push_back(item.unit);
    }
    align_lines(out, order, units);
    for (const auto* p : parts) append_priced(out, p->second.priced[d], order, units);
  }
  return session.report(first.settings, run, priced);
}

}  // namespace flowcost::engine
