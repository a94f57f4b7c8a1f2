// `flowcost advise`: simulate the scenario's designs and the derived alternatives in one replication,
// price them draw by draw, pair each alternative with its design (engine/advise.h).
#include "engine/advise.h"

#include <algorithm>
#include <cmath>
#include <memory>
#include <variant>

#include "engine/draw_pricing.h"
#include "engine/scenario_prices.h"
#include "engine/work_bound.h"
#include "model/errors.h"
#include "model/number_format.h"
#include "pricing/borrowed_prices.h"
#include "sim/design_factory.h"
#include "sim/replication.h"
#include "sim/sfn/factory.h"

namespace flowcost::engine {

namespace {

CostStats stats_of(const std::vector<double>& per_draw) {
  const sim::Summary s = sim::summarize(per_draw);
  return {s.mean, s.p05, s.p50, s.p95};
}

std::string percent(std::uint64_t part, std::uint64_t whole) {
  return model::format_fixed(whole == 0 ? 0.0 : 100.0 * double(part) / double(whole), 2) + "%";
}

// The error the alternative fails with most often beyond the design's own failures.
std::string main_new_error(const sim::OutcomeCounts& design, const sim::OutcomeCounts& alternative) {
  std::string name;
  std::uint64_t most = 0;
  for (const auto& [error, count] : alternative.failed_by_error) {
    auto it = design.failed_by_error.find(error);
    const std::uint64_t extra = count - std::min(count, it == design.failed_by_error.end() ? 0 : it->second);
    if (extra > most) {
      most = extra;
      name = error;
    }
  }
  return name;
}

void check_priced(const sim::DesignResult& result, const std::string& design_name, const model::SourceLocation& loc,
                  const pricing::PriceTable& table, model::Diagnostics& diags) {
  if (const auto meters = unpriced_meters(result, table); !meters.empty())
    diags.error(loc, unpriced_meters_message(design_name, meters, table));
}

// "$1,234.56", "-$2.62"; no sign on an amount that shows as $0.00.
std::string money(double usd) {
  const std::string digits = model::format_grouped(std::fabs(usd), 2);
  return (usd < 0 && digits != "0.00" ? "-$" : "$") + digits;
}

}  // namespace

std::string verdict(const DesignAdvice& design) {
  const int n = design.patterns.count();
  if (n >= 2) return std::to_string(n) + " of 3 patterns: Step Functions fits";
  const std::string head = std::to_string(n) + (n == 1 ? " pattern" : " patterns");
  const AlternativeAdvice* best = nullptr;
  for (const auto& a : design.alternatives)
    if (a.allowed && a.saving_usd && a.saving_usd->saving_mean > 0 &&
        (!best || a.saving_usd->saving_mean > best->saving_usd->saving_mean))
      best = &a;
  if (!best) return head + ": no allowed alternative is cheaper";
  const sim::Paired& s = *best->saving_usd;
  return head + ": the cheapest alternative (" + best->name + ") saves " + money(s.saving_mean) +
         " a month (90% interval " + money(s.saving_p05) + " to " + money(s.saving_p95) + ")";
}

std::vector<DesignAdvice> price_alternatives(
    const model::Scenario& scenario, const pricing::PriceTable& table, const RunSettings& settings,
    const std::vector<AdviceInput>& derived) {
  model::Diagnostics diags;
  std::vector<std::unique_ptr<sim::DesignSimulator>> sims = sim::make_design_simulators(scenario, table.metering, diags);
  diags.throw_if_errors();
  if (sims.size() != scenario.designs.size()) throw model::InternalError("a design did not compile");

  // The simulator of each alternative: a new one for a modified copy, the scenario's own for a design of it.
  std::vector<std::vector<std::optional<std::size_t>>> alternative_sim(derived.size());
  for (std::size_t i = 0; i < derived.size(); ++i) {
    for (const auto& a : derived[i].alternatives) {
      std::optional<std::size_t> index;
      if (a.allowed && a.design) {
        auto s = sim::sfn::make_simulator(scenario, *a.design, table.metering, diags);
        if (s) {
          sims.push_back(std::move(s));
          index = sims.size() - 1;
        }
      } else if (a.allowed && a.scenario_design) {
        index = *a.scenario_design;
      }
      alternative_sim[i].push_back(index);
    }
  }
  diags.throw_if_errors();

  std::vector<const sim::DesignSimulator*> pointers;
  for (const auto& s : sims) pointers.push_back(s.get());
  const std::uint64_t seed = settings.seed.value_or(scenario.run.seed);
  const std::uint64_t executions = settings.executions.value_or(scenario.run.executions);
  const std::uint64_t draws = settings.draws.value_or(scenario.run.draws);
  check_work_bound(scenario, pointers, {seed, draws, executions, settings.max_states.value_or(kDefaultMaxStates)});
  sim::Replicator replicator(scenario, pointers, {seed, executions, settings.threads.value_or(0)});
  sim::RunResult run;
  replicator.run_draws(0, draws, run);

  for (std::size_t i = 0; i < scenario.designs.size(); ++i)
    check_priced(run.designs[i], scenario.designs[i].name, scenario.designs[i].loc, table, diags);
  for (std::size_t i = 0; i < derived.size(); ++i)
    for (const auto& index : alternative_sim[i])
      if (index && *index >= scenario.designs.size())
        check_priced(run.designs[*index], scenario.designs[derived[i].index].name,
                     scenario.designs[derived[i].index].loc, table, diags);
  diags.throw_if_errors();

  const pricing::CostOptions cost_options{settings.free_tier || scenario.free_tier};
  std::vector<PricedDesign> priced;
  for (const auto& d : run.designs) priced.push_back(price_design(d, table, cost_options));

  std::vector<DesignAdvice> out;
  for (std::size_t i = 0; i < derived.size(); ++i) {
    const std::size_t index = derived[i].index;
    const model::StepFunctionsDesign& design = derived[i].design;
    DesignAdvice advice;
    advice.name = scenario.designs[index].name;
    advice.monthly_cost_usd_per_draw = priced[index].monthly_cost_usd;
    advice.monthly_cost_usd = stats_of(advice.monthly_cost_usd_per_draw);
    advice.patterns = model::find_flow_patterns(design);
    for (std::size_t k = 0; k < derived[i].alternatives.size(); ++k) {
      const DerivedAlternative& a = derived[i].alternatives[k];
      AlternativeAdvice alt{a.name, a.kind, a.allowed, a.reason, {}, {}, {}, {}};
      if (const auto& sim_index = alternative_sim[i][k]) {
        const sim::DesignResult& base = run.designs[index];
        const sim::DesignResult& cand = run.designs[*sim_index];
        if (a.kind != AlternativeKind::iot_rules && cand.outcomes.failed > base.outcomes.failed) {
          const std::string error = main_new_error(base.outcomes, cand.outcomes);
          alt.allowed = false;
          alt.reason = "not allowed: it fails " + percent(cand.outcomes.failed, cand.executions) +
                       " of the simulated executions against " + percent(base.outcomes.failed, base.executions) +
                       " for the design" + (error.empty() ? "" : " (mostly " + error + ")");
        } else {
          alt.monthly_cost_usd_per_draw = priced[*sim_index].monthly_cost_usd;
          alt.monthly_cost_usd = stats_of(alt.monthly_cost_usd_per_draw);
          alt.saving_usd = sim::compare_paired(advice.monthly_cost_usd_per_draw, alt.monthly_cost_usd_per_draw);
          for (std::size_t d = 0; d < alt.monthly_cost_usd_per_draw.size(); ++d)
            alt.saving_usd_per_draw.push_back(advice.monthly_cost_usd_per_draw[d] - alt.monthly_cost_usd_per_draw[d]);
        }
      }
      advice.alternatives.push_back(std::move(alt));
    }
    advice.verdict = verdict(advice);
    out.push_back(std::move(advice));
  }
  return out;
}

AdviceReport advise(const model::Scenario& scenario, const pricing::PriceTable& table, const RunSettings& settings) {
  std::vector<AdviceInput> derived;
  for (std::size_t i = 0; i < scenario.designs.size(); ++i) {
    if (scenario.designs[i].kind != "step_functions") continue;
    AdviceInput in;
    in.index = i;
    in.design = parsed_design(scenario, i);
    in.alternatives = derive_alternatives(scenario, in.design);
    derived.push_back(std::move(in));
  }
  if (derived.empty())
    throw model::InputError(model::SourceLocation{scenario.file, 0, 0},
                            "scenario \"" + scenario.id + "\" has no Step Functions design to advise on");

  AdviceReport r;
  r.scenario = scenario.id;
  r.title = scenario.title;
  r.seed = settings.seed.value_or(scenario.run.seed);
  r.tool_version = FLOWCOST_VERSION;
  r.prices_name = table.name;
  r.prices_effective_date = table.effective_date;
  r.free_tier = settings.free_tier || scenario.free_tier;
  r.draws = settings.draws.value_or(scenario.run.draws);
  r.executions_per_draw = settings.executions.value_or(scenario.run.executions);
  r.designs = price_alternatives(scenario, table, settings, derived);
  for (const auto& w : table.warnings) r.warnings.push_back("price table: " + model::diagnostic_headline(w));
  // Its borrowed prices (the table's assumed:, docs/price-tables.md "Borrowed prices"), which --strict-prices refuses.
  for (const auto& [meter, b] : table.assumed)
    r.warnings.push_back("price table: " + pricing::borrowed_price_note(table, meter, b));
  return r;
}

}  // namespace flowcost::engine
