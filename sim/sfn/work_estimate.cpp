#include "sim/sfn/work_estimate.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace flowcost::sim::sfn {

namespace {

class Estimator {
 public:
  Estimator(const Plan& plan, const std::function<double(std::uint32_t)>& mean_of)
      : plan_(plan), mean_of_(mean_of), machine_states_(plan.machines.size(), -1) {}

  double machine(std::uint32_t index) {
    if (machine_states_[index] >= 0) return machine_states_[index];
    machine_states_[index] = 0;  // a machine that starts itself counts its own states once
    const double states = scope(plan_.machines[index].top);
    machine_states_[index] = states;
    return states;
  }

 private:
  double scope(std::uint32_t index) {
    const PlanScope& s = plan_.scopes[index];
    double states = 0;
    for (std::uint32_t i = s.first; i < s.first + s.count; ++i) states += state(plan_.states[i]);
    return states;
  }

  double state(const PlanState& s) {
    double states = 1;
    using model::asl::StateType;
    if (s.type == StateType::parallel) {
      for (std::uint32_t b = 0; b < s.scopes_count; ++b) states += scope(plan_.scope_lists[s.scopes_first + b]);
    } else if (s.type == StateType::map) {
      const PlanMap& m = plan_.maps[s.detail];
      const double items = m.items == kNone ? 0 : std::max(0.0, mean_of_(m.items));
      double runs = items;
      if (m.distributed) {  // child executions; a sampled visit simulates only the sample (plan.h)
        runs = std::ceil(items / m.batch_size);
        if (plan_.map_sample_children > 0 && runs > static_cast<double>(plan_.map_sample_above))
          runs = static_cast<double>(plan_.map_sample_children);
      }
      states += runs * scope(m.processor);
    } else if (s.type == StateType::task && s.detail != kNone) {
      const PlanTask& t = plan_.tasks[s.detail];
      if (t.child_machine != kNone) states += machine(t.child_machine);
    }
    return states;
  }

  const Plan& plan_;
  const std::function<double(std::uint32_t)>& mean_of_;
  std::vector<double> machine_states_;
};

}  // namespace

double states_per_execution(const Plan& plan, const std::function<double(std::uint32_t)>& mean_of) {
  if (plan.machines.empty()) return 1;
  return std::max(1.0, Estimator(plan, mean_of).machine(0));
}

}  // namespace flowcost::sim::sfn
