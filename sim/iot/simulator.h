#pragma once
// The IoT rules simulator: one sample = one message through every rule of the design (sim/iot/factory.h
// is the public entry point). Internal pieces shared by compile.cpp, actions.cpp and simulator.cpp.
#include <functional>
#include <memory>
#include <vector>

#include "model/diagnostics.h"
#include "model/event_meters.h"
#include "model/metering.h"
#include "model/scenario/iot_rules_design.h"
#include "model/scenario/scenario.h"
#include "sim/execution.h"
#include "sim/iot/plan.h"

namespace flowcost::sim::iot {

// Builds the simulator of a design that a step_functions action starts, given the design without its
// trigger (sim::sfn::make_simulator in production; tests may pass their own).
using SubdesignFactory =
    std::function<std::unique_ptr<DesignSimulator>(const model::StepFunctionsDesign&, model::Diagnostics&)>;

// A compiled design plus the sub-designs its step_functions actions start.
struct CompiledDesign {
  DesignPlan plan;
  std::vector<std::unique_ptr<DesignSimulator>> subdesigns;
  std::vector<std::uint32_t> subdesign_error_offset;  // error id = offset + the sub-design's error id
};

// Compiles a parsed design; problems go to `diags`.
CompiledDesign compile_design(const model::Scenario& scenario, const model::IotRulesDesign& design,
                              const SubdesignFactory& subdesigns, model::Diagnostics& diags);

// Everything one message needs while its actions run.
struct MessageContext {
  const DrawValues& values;
  const model::MeteringRules& metering;
  const model::EventMeters& meters;  // one metering function per billable event
  std::uint64_t seed = 0, draw = 0, sample = 0;
  double payload_bytes = 0;  // sampled sizes (metering rounds them up per event)
  double topic_bytes = 0;
  std::vector<std::unique_ptr<DrawSimulator>>& subdraws;
  const std::vector<std::uint32_t>& subdesign_error_offset;
  ExecutionRecord& scratch;  // for a step_functions execution
};

struct ActionOutcome {
  enum class Status {
    ok,               // done
    failed,           // the rules engine saw the action fail: the rule's error action applies
    lost,             // the event was dropped downstream (Lambda async retries ran out): no error action
    workflow_failed,  // a started Step Functions execution failed
  } status = Status::ok;
  std::int64_t executions = 0;  // actions executed (each try counts)
  double completed_ms = 0;      // time from the rule firing until the action is done
  std::uint32_t error_id = 0;
};

ActionOutcome run_action(const ActionPlan& action, MessageContext& ctx, ExecutionRecord& rec);

std::unique_ptr<DesignSimulator> make_simulator_with(const model::Scenario& scenario,
                                                     const model::DesignEntry& design,
                                                     const model::MeteringRules& metering,
                                                     model::Diagnostics& diags, const SubdesignFactory& subdesigns);

}  // namespace flowcost::sim::iot
