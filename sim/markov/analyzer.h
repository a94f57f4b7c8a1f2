#pragma once
// Internals of the analytic engine (analyze.h): per-state outgoing edges and per-scope chains.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "model/event_meters.h"
#include "model/meters.h"
#include "model/metering.h"
#include "sim/markov/analyze.h"
#include "sim/markov/chain_solve.h"
#include "sim/markov/retries.h"
#include "sim/sfn/plan.h"

namespace flowcost::sim::markov::detail {

inline constexpr std::uint32_t kScopeEnd = sfn::kNone;  // an edge target: the scope ends successfully

struct Edge {
  std::uint32_t target = kScopeEnd;  // state index in the same scope, or kScopeEnd
  double probability = 0;
};

struct StateLocal {
  std::vector<Edge> edges;
  std::map<std::uint32_t, double> failures;  // error id -> P(a visit ends the scope with it)
  double attempts = 1;                       // per visit
  double transitions_per_visit = 1;          // entry + retries + Distributed Map children
  double child_runs_per_visit = 0;           // runs of each nested scope (Parallel branch, Map processor)
  double distributed_children_per_visit = 0;
  model::MeterTotals meters_per_visit;
  double visits_per_run = 0, reach_per_run = 0;  // within one run of the state's scope
};

struct ScopeSummary {
  double p_success = 1;
  std::map<std::uint32_t, double> failures;
};

class Analyzer {
 public:
  // `inputs`: fixed values of every Plan::inputs field (Choice rules then decide with certainty), or
  // nullptr to estimate rule probabilities by sampling the fields.
  Analyzer(const sfn::Plan& plan, const std::vector<double>& values, const model::MeteringRules& metering,
           const std::vector<double>* inputs);

  ScopeSummary solve_scope(std::uint32_t scope);
  // The scope's chain as solve_scope solves it (its states' edges are built by solve_scope).
  ScopeChain chain_of(std::uint32_t scope) const;
  void propagate(std::uint32_t scope, double runs, double reach, std::uint32_t depth, AnalyticResult& out) const;
  const std::vector<std::string>& notes() const { return notes_; }

 private:
  void build_state(std::uint32_t state);
  std::vector<AttemptError> task_attempt(const sfn::PlanTask& task);
  std::vector<AttemptError> parallel_attempt(const sfn::PlanState& s);
  std::vector<AttemptError> map_attempt(const sfn::PlanState& s, StateLocal& local);
  void choice_edges(const sfn::PlanChoice& c, StateLocal& local);
  void task_meters(const sfn::PlanTask& task, const VisitOutcome& visit, StateLocal& local);
  bool rule_matches(std::uint32_t rule, const std::vector<double>& inputs) const;
  void note(const std::string& text);

  const sfn::Plan& plan_;
  const std::vector<double>& values_;
  const model::MeteringRules& metering_;
  model::EventMeters meters_;
  const std::vector<double>* inputs_;
  std::vector<StateLocal> local_;
  std::vector<bool> solved_;
  std::vector<ScopeSummary> summaries_;
  std::vector<std::string> notes_;
};

// Error probabilities of a body that fails with probability 1 - p_success, split as `failures` says
// (normalized).
std::vector<AttemptError> split_failure(double p_success, const std::map<std::uint32_t, double>& failures);

}  // namespace flowcost::sim::markov::detail
