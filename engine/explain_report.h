#pragma once
// The result of `flowcost explain` (docs/cli.md "explain"), already priced: per Step Functions design, the
// analytic expectation per state (sim/markov/analyze.h) priced at each meter's first-tier (marginal) price.
// engine/explain.h builds it; reports/explain_writers.h writes it.
#include <map>
#include <string>
#include <vector>

namespace flowcost::engine {

struct ExplainStateRow {
  std::string name;
  std::string type;        // "Task", "Choice", ...
  unsigned depth = 0;      // nesting under Parallel/Map
  double visits = 0;       // per execution
  double transitions = 0;  // per execution
  double attempts_per_visit = 1;
  double p_reach = 0;
  double cost_usd = 0;     // per execution, first-tier prices
};

struct ExplainDesign {
  std::string name;
  std::string note;  // non-empty: the design is not analyzed (e.g. an IoT design); only the note is shown
  std::vector<ExplainStateRow> states;
  double transitions_per_execution = 0;
  double p_success = 0;
  std::map<std::string, double> failures;     // error -> probability
  std::map<std::string, double> meters;       // per execution, billing units
  double cost_per_execution_usd = 0;          // every meter, first-tier prices
  double events_per_month = 0;                // at the base inputs
  double monthly_cost_usd = 0;                // events_per_month x cost_per_execution_usd
  std::vector<std::string> notes;
};

struct ExplainReport {
  std::string scenario;
  std::string price_table;
  std::vector<ExplainDesign> designs;
};

}  // namespace flowcost::engine
