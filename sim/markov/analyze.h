#pragma once
// The analytic Markov engine (docs/cli.md "explain"): expected visits, transitions, attempts and meters per
// state of a Step Functions design at its base input values (sim/markov/base_values.h), without drawing
// executions. Each scope (the top of the machine, every Parallel branch, every Map processor) is an
// absorbing Markov chain over its states; N = (I - Q)^-1 gives the expected visits from StartAt
// (solved sparse with Eigen's SparseLU, sim/markov/chain_solve.h), N R the probabilities of ending in success or with each error.
//
// Exact: Pass/Wait/Succeed/Fail, weighted Choices, Choice rules over input fields that are constants or
// discrete distributions (the whole chain is solved per combination of those values and mixed),
// per-attempt error probabilities, Retry (sim/markov/retries.h), Catch, loops, and Parallel/Map inner
// transitions when no branch or iteration fails.
// Estimated: Choice rules over fields of other distributions and timeouts of distributed durations
// (kMeanSamples variates of a fixed stream each); a failing Parallel branch or Map iteration that stops
// its siblings early (the engine counts every branch and iteration in full); Map item counts that are
// distributions (their mean); Lambda billed duration (the duration's mean rounded up to the billing
// granularity, whereas `run` rounds each invocation).
// Not covered (noted in AnalyticResult::notes): child executions of startExecution Tasks, mocked Tasks,
// Express workflow duration (GB-s), heartbeat timeouts, IoT triggers.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "model/asl/state_machine.h"
#include "model/diagnostics.h"
#include "model/meters.h"
#include "model/metering.h"
#include "model/scenario/scenario.h"
#include "sim/sfn/plan.h"

namespace flowcost::sim::markov {

struct StateExpectation {
  std::uint32_t state = 0;  // index into Plan::states
  std::string name;
  model::asl::StateType type = model::asl::StateType::pass;
  std::uint32_t depth = 0;  // 0 = top level; +1 per enclosing Parallel/Map
  double visits = 0;        // expected entries per execution
  double attempts_per_visit = 1;
  double transitions = 0;   // per execution: entries + retries (+ one per Distributed Map child)
  double p_reach = 0;       // P(entered at least once); nested states: within one run of their scope, times
                            // the parent's P(reach)
  model::MeterTotals meters;  // per execution, billing units (model/meters.h)
};

struct AnalyticResult {
  std::vector<StateExpectation> states;  // depth-first in definition order
  double transitions = 0;                // per execution (the sum over states)
  double p_success = 0;
  std::map<std::string, double> failures;  // error name -> P(the execution fails with it)
  model::MeterTotals meters;               // per execution: the states' meters, the trigger's, per execution
  bool express = false;
  bool success_reachable = true;
  std::vector<std::string> notes;
  std::vector<model::UnpricedCall> unpriced;  // calls no meter counts (sfn::Plan::unpriced)
};

// `values`: every Plan::values entry at the base inputs (base_values()).
AnalyticResult analyze(const sfn::Plan& plan, const std::vector<double>& values, const model::MeteringRules& metering);

// Compiles the design (a step_functions entry loaded by model::load_scenario), then analyzes it at the
// scenario's base inputs. Problems go to `diags`; the result is then empty.
AnalyticResult analyze_design(const model::Scenario& scenario, const model::DesignEntry& design,
                              const model::MeteringRules& metering, model::Diagnostics& diags);

}  // namespace flowcost::sim::markov
