#include "engine/work_bound.h"

#include <string>

#include "model/errors.h"
#include "model/number_format.h"
#include "sim/replication.h"

namespace flowcost::engine {

namespace {

std::string about(double x) { return model::format_significant(x, 2); }

std::string grouped(std::uint64_t n) { return model::format_grouped(static_cast<double>(n), 0); }

}  // namespace

double check_work_bound(const model::Scenario& scenario, const std::vector<const sim::DesignSimulator*>& designs,
                        const WorkPlan& plan) {
  if (designs.empty()) return 0;
  const sim::DrawInputs inputs = sim::sample_draw_inputs(scenario, plan.seed, 0);
  double per_event = 0, largest = -1;
  std::size_t largest_index = 0;
  for (std::size_t i = 0; i < designs.size(); ++i) {
    const double states = designs[i]->states_per_event(inputs);
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
      where, "the run would enter about " + about(total) + " states (" + grouped(plan.draws) + " draws x " +
                 grouped(plan.executions) + " executions x about " + about(per_event) +
                 " states per event over all designs, Maps at their mean item counts; design \"" +
                 designs[largest_index]->name() + "\" alone about " + about(largest) + "), above the limit of " +
                 about(plan.max_states) +
                 " states (--max-states); lower --executions or --draws, simulate fewer Map items, or raise "
                 "--max-states");
}

}  // namespace flowcost::engine
