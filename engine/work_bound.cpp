#include "engine/work_bound.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "model/errors.h"
#include "model/number_format.h"
#include "sim/replication.h"

namespace flowcost::engine {

namespace {

std::string about(double x) { return model::format_significant(x, 2); }

std::string grouped(std::uint64_t n) { return model::format_grouped(static_cast<double>(n), 0); }

// The estimate before the run counts each state once (Maps at their mean items): a loop through a Choice
// or a Catch is not weighed. A pilot of draw 0's first events measures the states they enter (up to the
// execution limits, 12,500 transitions of a Standard execution), as many as keep it under kPilotStates by
// the estimate; the larger figure is the design's.
constexpr double kPilotEvents = 100;
constexpr double kPilotStates = 1e7;

double piloted_states(const sim::DesignSimulator& design, const sim::DrawInputs& inputs, double estimate) {
  if (!(estimate <= kPilotStates)) return estimate;  // one event alone is past the pilot's size
  const auto events = static_cast<std::uint64_t>(std::clamp(std::floor(kPilotStates / std::max(1.0, estimate)), 1.0, kPilotEvents));
  auto draw = design.prepare(inputs);
  sim::ExecutionRecord record;
  double transitions = 0;
  for (std::uint64_t e = 0; e < events; ++e) {
    record.clear();
    draw->simulate(e, record);
    transitions += static_cast<double>(record.transitions);
  }
  return std::max(estimate, transitions / static_cast<double>(events));
}

}  // namespace

double check_work_bound(const model::Scenario& scenario, const std::vector<const sim::DesignSimulator*>& designs,
                        const WorkPlan& plan) {
  if (designs.empty()) return 0;
  const sim::DrawInputs inputs = sim::sample_draw_inputs(scenario, plan.seed, 0);
  double per_event = 0, largest = -1;
  std::size_t largest_index = 0;
  for (std::size_t i = 0; i < designs.size(); ++i) {
    const double states = piloted_states(*designs[i], inputs, designs[i]->states_per_event(inputs));
    per_event += states;
    if (states > largest) {
      largest = states;
      largest_index = i;
    }
  }
  const double total = static_cast<double>(plan.draws) * static_cast<double>(plan.executions) * per_event;
  if (total <= plan.max_states) return total;
  const model::SourceLocation where = largest_index < scenario.designs.size()
                                          ? scenario.designs[largest_index].loc
                                          : model::SourceLocation{"command line", 0, 0};
  throw model::InputError(
      where, "the run would enter about " + about(total) + " states (" + grouped(plan.draws) +
                 (plan.draws == 1 ? " draw x " : " draws x ") + grouped(plan.executions) +
                 (plan.executions == 1 ? " execution x about " : " executions x about ") + about(per_event) +
                 " states per event over all designs, Maps at their mean item counts, loops as draw 0's first events "
                 "went; design \"" +
                 designs[largest_index]->name() + "\" alone about " + about(largest) + "), above the limit of " +
                 about(plan.max_states) +
                 " states (--max-states); lower --executions or --draws, simulate fewer Map items, or raise "
                 "--max-states");
}

}  // namespace flowcost::engine
