#include "sim/design_factory.h"

#include "sim/iot/factory.h"
#include "sim/sfn/factory.h"

namespace flowcost::sim {

std::vector<std::unique_ptr<DesignSimulator>> make_design_simulators(const model::Scenario& scenario,
                                                                     const model::MeteringRules& metering,
                                                                     model::Diagnostics& diags) {
  std::vector<std::unique_ptr<DesignSimulator>> out;
  for (const auto& entry : scenario.designs) {
    std::unique_ptr<DesignSimulator> sim;
    if (entry.kind == "step_functions") {
      sim = sfn::make_simulator(scenario, entry, metering, diags);
    } else if (entry.kind == "iot_rules") {
      sim = iot::make_simulator(scenario, entry, metering, diags);
    } else {
      diags.error(entry.loc, "design \"" + entry.name + "\" has unknown kind \"" + entry.kind +
                                 "\"; expected step_functions or iot_rules");
    }
    if (sim) out.push_back(std::move(sim));
  }
  return out;
}

}  // namespace flowcost::sim
