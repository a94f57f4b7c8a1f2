#include "sim/design_factory.h"

#include "model/unpriced_call.h"

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

void add_design_diagnostics(const model::Scenario& scenario,
                            const std::vector<std::unique_ptr<DesignSimulator>>& simulators, bool strict,
                            model::Diagnostics& diags) {
  for (const auto& s : simulators) {
    for (const auto& entry : scenario.designs) {
      if (entry.name != s->name()) continue;
      for (const auto& w : s->warnings())  // named by its design unless it names one itself
        diags.warning(entry.loc, w.rfind("design \"", 0) == 0 ? w : "design \"" + entry.name + "\": " + w);
      model::report_unpriced(entry.name, entry.loc, s->unpriced(), strict, diags);
      break;
    }
  }
}

}  // namespace flowcost::sim
