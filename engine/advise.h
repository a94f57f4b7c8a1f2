#pragma once
// `flowcost advise` (docs/cli.md "advise"): the article's decision, automated. For every Step Functions
// design of a scenario: the three patterns of model/scenario/flow_patterns.h, and the alternatives that can
// be derived from the parsed design (workflow type, Distributed Map children's type, Lambda architecture,
// Lambda memory, the IoT Core rules design), each allowed or refused with the reason. The allowed ones are
// simulated in ONE replication with the scenario's own designs (the same seed, draws and sample indices:
// common random numbers), priced draw by draw, and compared with sim::compare_paired, so each saving is
// paired: saving per draw = design cost - alternative cost on the same draw.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "engine/run_settings.h"
#include "model/scenario/flow_patterns.h"
#include "model/scenario/scenario.h"
#include "pricing/price_table.h"
#include "sim/statistics.h"

namespace flowcost::engine {

enum class AlternativeKind { workflow, map_children, lambda_arch, lambda_memory, iot_rules };
const char* to_string(AlternativeKind kind);

// An alternative derived from a design before any simulation: a modified copy of the parsed design, or an
// existing design of the scenario (IoT rules), or nothing to simulate (refused, or not derivable).
struct DerivedAlternative {
  std::string name;
  AlternativeKind kind = AlternativeKind::workflow;
  bool allowed = false;
  std::string reason;
  std::optional<model::StepFunctionsDesign> design;  // the modified copy to simulate
  std::optional<std::size_t> scenario_design;         // index into Scenario::designs
};

// The parsed design of step_functions entry `index` (throws model::InputError with its problems).
model::StepFunctionsDesign parsed_design(const model::Scenario& scenario, std::size_t index);

// Every alternative of `design` (a parsed step_functions design of `scenario`), in the order workflow,
// map_children, lambda_arch, lambda_memory, then one per iot_rules design of the scenario (or one
// iot_rules entry saying whether rule SQL could express the flow).
std::vector<DerivedAlternative> derive_alternatives(const model::Scenario& scenario,
                                                    const model::StepFunctionsDesign& design);

// A Step Functions design of the scenario (entry `index`, parsed) and its alternatives.
struct AdviceInput {
  std::size_t index = 0;
  model::StepFunctionsDesign design;
  std::vector<DerivedAlternative> alternatives;
};

struct CostStats {
  double mean = 0, p05 = 0, p50 = 0, p95 = 0;
};

struct AlternativeAdvice {
  std::string name;
  AlternativeKind kind = AlternativeKind::workflow;
  bool allowed = false;
  std::string reason;
  // Priced alternatives only (allowed, and simulated):
  std::optional<CostStats> monthly_cost_usd;
  std::optional<sim::Paired> saving_usd;              // design (baseline) vs alternative (candidate)
  std::vector<double> monthly_cost_usd_per_draw;
  std::vector<double> saving_usd_per_draw;            // design cost - alternative cost, draw by draw
};

struct DesignAdvice {
  std::string name;
  CostStats monthly_cost_usd;
  std::vector<double> monthly_cost_usd_per_draw;
  model::FlowPatterns patterns;
  std::vector<AlternativeAdvice> alternatives;
  std::string verdict;
};

struct AdviceReport {
  std::string scenario;
  std::string title;
  std::uint64_t seed = 0;
  std::string tool_version;
  std::string prices_name, prices_effective_date;
  bool free_tier = false;
  std::uint64_t draws = 0;
  std::uint64_t executions_per_draw = 0;
  std::vector<DesignAdvice> designs;  // the scenario's step_functions designs, in order
  std::vector<std::string> warnings;
};

// Simulates the scenario's designs and the alternatives of each Step Functions design in one replication
// and prices them. `settings.rel_error`/`max_draws` are not used (a fixed number of draws). Throws
// model::InputError for bad input (including a meter the table does not price).
AdviceReport advise(const model::Scenario& scenario, const pricing::PriceTable& table, const RunSettings& settings);

// The paired core, for tests too: alternatives `derived` of design `index`, simulated and priced with the
// scenario's designs in one replication. advise() is this for every Step Functions design.
std::vector<DesignAdvice> price_alternatives(const model::Scenario& scenario, const pricing::PriceTable& table,
                                             const RunSettings& settings, const std::vector<AdviceInput>& inputs);

// "2 of 3 patterns: Step Functions fits", or "1 pattern: the cheapest alternative (NAME) saves $X a month
// (90% interval $A to $B)", or "... no allowed alternative is cheaper".
std::string verdict(const DesignAdvice& design);

}  // namespace flowcost::engine
