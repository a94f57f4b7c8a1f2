#pragma once
// The scenario at its base input values, for the analytic engine (sim/markov/analyze.h): every uncertain
// input at its mean, and every number of a compiled Step Functions plan at its mean at those inputs.
//
// Means: Sampler::mean() where the distribution has a closed form; otherwise (e.g. an empirical sample
// file or a clipped kind) the average of kMeanSamples variates of a fixed stream (seed 0, site
// "markov:mean"), so the result is deterministic. Expressions are evaluated at the means of their
// operands (exact for linear expressions only). A distribution whose parameters name inputs is taken at
// those parameters' base values (`{bernoulli: rate}` has mean E[rate], exact; a lognormal's mean at the
// base median is not its mean over the draws).
#include <cstdint>
#include <vector>

#include "model/scenario/scenario.h"
#include "sim/execution.h"
#include "sim/sampler.h"
#include "sim/scenario_values.h"
#include "sim/sfn/plan.h"

namespace flowcost::sim::markov {

inline constexpr std::uint64_t kMeanSamples = 100'000;

// Where the analytic engine resolves distributions whose parameters name inputs (their messages say so).
inline constexpr const char* kAtBaseInputs = "at the base inputs";

// The sampler's analytic mean, or the average of kMeanSamples variates of a fixed stream.
double mean_of(const Sampler& sampler);

// The mean of max(0, round(X)), the count the simulator takes from a variate X (a Map's items): exact for
// a numeric discrete distribution and a constant, else the average over kMeanSamples variates of a fixed
// stream (seed 0, site "markov:count").
double mean_count_of(const Sampler& sampler);
// The same for value `value` of `plan` whose base value is `base`: a distribution or a per-event workload
// item by its sampler; a number or an expression rounded at its base value.
double mean_count(const sfn::Plan& plan, std::uint32_t value, double base);

// Every input (uncertain ones at their means), events_per_month and the per-draw workload items.
DrawInputs base_inputs(const model::Scenario& scenario);

// The base value of every Plan::values entry (index for index); the plan's distributions resolved at
// `inputs` first (resolve_distributions, sim/value_compiler.h).
std::vector<double> base_values(const sfn::Plan& plan, const CompiledScenarioValues& scenario_values,
                                const DrawInputs& inputs);

}  // namespace flowcost::sim::markov
