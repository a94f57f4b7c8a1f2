#pragma once
// One scope's absorbing Markov chain solved sparse (analyze.h): the transient part Q as triplets, the
// expected visits from the start state (the start row of N = (I - Q)^-1) and the diagonal of N, without a
// dense matrix anywhere, so the work grows with the edges, not with the cube of the states.
//
// - Visits from the start: one solve of (I - Q)^T x = e_start with Eigen's SparseLU.
// - N(i,i), the expected visits to i per entry into i: a path from i back to i never leaves i's strongly
//   connected component, so N(i,i) is 1 for a state on no cycle, 1 / (1 - Q(i,i)) for a state whose only
//   cycle is its own loop, and otherwise the diagonal of that component's own (I - Q_C)^-1, solved per
//   component (SparseLU of the component, identity columns in blocks).
// A chain in which some state cannot reach the scope's end (no path of edges with positive probability to
// an exit) has no N: that is a loop that is never left (`never_left` names the first such state).
#include <cstdint>
#include <optional>
#include <vector>

namespace flowcost::sim::markov::detail {

struct ChainEntry {
  std::uint32_t from = 0, to = 0;  // state indices within the scope, 0..states-1
  double probability = 0;          // Q(from, to); repeated (from, to) pairs are summed
};

struct ScopeChain {
  std::uint32_t states = 0;
  std::uint32_t start = 0;
  std::vector<ChainEntry> entries;  // transitions between the scope's states
  std::vector<bool> exits;          // per state: leaves the scope (ends it, or fails) with positive probability
};

struct ChainSolution {
  std::vector<double> visits_from_start;  // N(start, i)
  std::vector<double> self_visits;        // N(i, i)
  std::optional<std::uint32_t> never_left;  // set when N does not exist (the other fields are then empty)
};

ChainSolution solve_chain(const ScopeChain& chain);

}  // namespace flowcost::sim::markov::detail
