#include "engine/merge.h"

#include <algorithm>
#include <map>

#include "engine/partial_json.h"
#include "engine/priced_run.h"
#include "model/errors.h"
#include "sim/whatif.h"

namespace flowcost::engine {

namespace {

// A part's stamp, named by the path it was given with.
template <class Part>
ShardHeader header_of(const std::string& path, const Part& p) {
  ShardHeader out = p.header;
  out.path = path;
  return out;
}

// How part `a`'s configuration differs from part `b`'s, "" when only files differ.
std::string run_difference(const std::string& path_a, const RunSettings& a, const std::string& path_b,
                           const RunSettings& b) {
  std::string out = path_a != path_b ? "scenario " + path_a + ", not " + path_b : "";
  const std::string settings = settings_difference(a, b);
  if (!settings.empty()) out += (out.empty() ? "" : "; ") + settings;
  return out;
}
std::string difference(const PartialRun& a, const PartialRun& b) {
  return run_difference(a.scenario_path, a.settings, b.scenario_path, b.settings);
}
std::string difference(const PartialBatch& a, const PartialBatch& b) {
  std::string out = settings_difference(a.settings, b.settings);
  if (a.scenarios != b.scenarios) out += std::string(out.empty() ? "" : "; ") + "another scenario list";
  return out;
}
std::string difference(const PartialSweep& a, const PartialSweep& b) {
  std::string out = run_difference(a.scenario_path, a.settings, b.scenario_path, b.settings);
  if (vary_text(a.vary) != vary_text(b.vary))
    out += (out.empty() ? "" : "; ") + ("--vary " + vary_text(a.vary) + ", not " + vary_text(b.vary));
  return out;
}

// engine/shard.h check_shard_set over `parts` of one verb; returns them in shard order.
template <class Part>
std::vector<const std::pair<std::string, Part>*> checked(const std::vector<std::pair<std::string, Part>>& parts) {
  if (parts.empty()) throw model::InputError({"command line", 0, 0}, "merge needs the partial results of every shard");
  std::vector<ShardHeader> headers;
  for (const auto& [path, part] : parts) headers.push_back(header_of(path, part));
  check_shard_set(headers, [&](std::size_t i) { return difference(parts[i].second, parts.front().second); });
  std::vector<const std::pair<std::string, Part>*> ordered(parts.front().second.header.shard.count, nullptr);
  for (const auto& p : parts) ordered[p.second.header.shard.index] = &p;
  return ordered;
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
    append(into.lines[i].draw_std_error_usd, part.lines[i].draw_std_error_usd);
  }
}

// The report of the run whose shards are `parts` (checked, in shard order): the scenario read again (it
// must not have changed), the draws put together in draw order, the priced lines aligned.
ScenarioRun report_of_shards(const std::vector<const std::pair<std::string, PartialRun>*>& parts) {
  const auto& [first_path, first] = *parts.front();
  ScenarioSession session(first.scenario_path, first.settings);
  session.fix_inputs({});
  check_scenario_unchanged(first_path, first.scenario_path, session.config_hash(first.settings), first.header.config_hash);

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

}  // namespace

void check_scenario_unchanged(const std::string& first_path, const std::string& scenario_path, const std::string& now,
                              const std::string& then) {
  if (now != then)
    throw model::InputError({first_path, 0, 0}, "the scenario " + scenario_path +
                                                    " or a file it reads changed since the shards ran (configuration " +
                                                    now.substr(0, 12) + " now, " + then.substr(0, 12) +
                                                    " in the partial results)");
}

ScenarioRun merge_partial_runs(const std::vector<std::pair<std::string, PartialRun>>& given) {
  const auto parts = checked(given);
  for (const auto* p : parts) {
    const auto& [path, part] = *p;
    const ShardSlice slice = shard_slice(part.settings.draws.value_or(0), part.header.shard);
    bool ok = part.first_draw == slice.first && part.run.designs.size() == parts.front()->second.run.designs.size();
    for (const auto& d : part.run.designs) {
      ok = ok && d.draws.size() == slice.count;
      for (std::size_t k = 0; ok && k < d.draws.size(); ++k) ok = d.draws[k].draw == slice.first + k;
    }
    if (!ok)
      throw model::InputError({path, 0, 0}, "a damaged flowcost partial result (its draws are not those of shard " +
                                                shard_text(part.header.shard) + ")");
  }
  return report_of_shards(parts);
}

std::vector<BatchScenario> merge_partial_batches(const std::vector<std::pair<std::string, PartialBatch>>& given) {
  std::vector<BatchScenario> out;
  for (const auto* p : checked(given))
    for (const auto& e : p->second.entries) {
      BatchScenario scenario{e.path, std::nullopt};
      if (e.run) {
        // Each scenario ran whole in its shard: its report is that of a run of one shard.
        const std::pair<std::string, PartialRun> whole{p->first, *e.run};
        scenario.run = report_of_shards({&whole});
      }
      out.push_back(std::move(scenario));
    }
  return out;
}

WhatIfRun<SweepReport> merge_partial_sweeps(const std::vector<std::pair<std::string, PartialSweep>>& given) {
  const auto parts = checked(given);
  const auto& [first_path, first] = *parts.front();
  // The scenario read again: unchanged, its files (never overwritten by -o) and its warnings.
  ScenarioSession session(first.scenario_path, first.settings);
  check_vary_name(session.scenario(), first.vary.name);
  session.fix_inputs(
      {{first.vary.name, sim::grid_points(first.vary.from, first.vary.to, first.vary.points, first.vary.scale).front()}});
  check_scenario_unchanged(first_path, first.scenario_path,
                           sweep_config_hash(session.config_hash(first.settings), first.vary), first.header.config_hash);
  WhatIfRun<SweepReport> run;
  run.input_paths = session.input_paths();
  run.warnings = session.warnings();
  SweepReport& out = run.report;
  out = first.report;
  out.points.clear();
  out.break_even.clear();
  out.basis.clear();
  std::vector<std::pair<std::pair<std::uint64_t, std::uint64_t>, BreakEven>> crossings;
  for (const auto* p : parts) {
    const SweepReport& r = p->second.report;
    if (r.points.empty()) continue;
    if (out.points.empty()) out.basis = r.basis;  // the first point's
    out.points.insert(out.points.end(), r.points.begin(), r.points.end());
    out.draws = r.draws;  // the last point's
    out.executions_per_draw = r.executions_per_draw;
    for (std::size_t i = 0; i < r.break_even.size(); ++i) crossings.emplace_back(p->second.break_even_at[i], r.break_even[i]);
  }
  // By comparison, then by bracket: the order of the unsharded sweep.
  std::stable_sort(crossings.begin(), crossings.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  for (const auto& c : crossings) out.break_even.push_back(c.second);
  for (std::size_t k = 0; k < out.points.front().comparisons.size(); ++k)
    if (std::none_of(crossings.begin(), crossings.end(), [&](const auto& c) { return c.first.first == k; }))
      out.without_break_even.push_back(without_break_even(out.points.front(), k));
  return run;
}

AnyPartial read_any_partial(const std::string& text, const std::string& path) {
  const nlohmann::json j = parse_partial(text, path);
  const ShardHeader header = partial_header(j, path);
  if (header.verb == "batch") return partial_batch_of(j, header);
  if (header.verb == "sweep") return partial_sweep_of(j, header);
  return partial_run_of(j, header);
}

MergedResult merge_partials(std::vector<std::pair<std::string, AnyPartial>> parts) {
  if (parts.empty()) throw model::InputError({"command line", 0, 0}, "merge needs the partial results of every shard");
  std::vector<ShardHeader> headers;
  for (const auto& entry : parts)  // not a structured binding: clang 14 cannot capture one in a lambda
    headers.push_back(std::visit([&](const auto& p) { return header_of(entry.first, p); }, entry.second));
  check_shard_set(headers, [&](std::size_t i) {
    return std::visit(
        [&](const auto& a) {
          using Part = std::decay_t<decltype(a)>;
          return difference(a, std::get<Part>(parts.front().second));  // same verb: check_shard_set checked it
        },
        parts[i].second);
  });
  auto of_verb = [&](auto tag) {
    using Part = decltype(tag);
    std::vector<std::pair<std::string, Part>> out;
    for (auto& [path, part] : parts) out.emplace_back(path, std::get<Part>(std::move(part)));
    return out;
  };
  if (headers.front().verb == "batch") return merge_partial_batches(of_verb(PartialBatch{}));
  if (headers.front().verb == "sweep") return merge_partial_sweeps(of_verb(PartialSweep{}));
  return merge_partial_runs(of_verb(PartialRun{}));
}

}  // namespace flowcost::engine
