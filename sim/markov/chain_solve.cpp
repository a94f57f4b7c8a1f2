// A scope's chain solved sparse: visits from the start, and N(i,i) per strongly connected component
// (chain_solve.h).
#include "sim/markov/chain_solve.h"

#include <Eigen/SparseCore>
#include <Eigen/SparseLU>

#include <algorithm>

namespace flowcost::sim::markov::detail {

namespace {

using SparseMatrix = Eigen::SparseMatrix<double, Eigen::ColMajor, int>;
using Solver = Eigen::SparseLU<SparseMatrix, Eigen::COLAMDOrdering<int>>;

constexpr Eigen::Index kDiagonalBlock = 64;  // identity columns per solve when a component's diagonal is needed

struct Adjacency {
  std::vector<std::uint32_t> first;    // states + 1 offsets into `targets`
  std::vector<std::uint32_t> targets;
};

// Compressed adjacency over the entries with positive probability; `reversed` swaps the direction.
Adjacency adjacency(const ScopeChain& chain, bool reversed) {
  Adjacency a;
  a.first.assign(chain.states + 1, 0);
  for (const ChainEntry& e : chain.entries)
    if (e.probability > 0) ++a.first[(reversed ? e.to : e.from) + 1];
  for (std::uint32_t i = 0; i < chain.states; ++i) a.first[i + 1] += a.first[i];
  a.targets.resize(a.first[chain.states]);
  std::vector<std::uint32_t> fill(a.first.begin(), a.first.end() - 1);
  for (const ChainEntry& e : chain.entries)
    if (e.probability > 0) a.targets[fill[reversed ? e.to : e.from]++] = reversed ? e.from : e.to;
  return a;
}

// The first state (in index order) with no path of positive-probability edges to an exit.
std::optional<std::uint32_t> first_never_left(const ScopeChain& chain) {
  const Adjacency into = adjacency(chain, true);
  std::vector<bool> leaves(chain.states, false);
  std::vector<std::uint32_t> stack;
  for (std::uint32_t i = 0; i < chain.states; ++i)
    if (chain.exits[i]) {
      leaves[i] = true;
      stack.push_back(i);
    }
  while (!stack.empty()) {
    const std::uint32_t s = stack.back();
    stack.pop_back();
    for (std::uint32_t k = into.first[s]; k < into.first[s + 1]; ++k)
      if (!leaves[into.targets[k]]) {
        leaves[into.targets[k]] = true;
        stack.push_back(into.targets[k]);
      }
  }
  for (std::uint32_t i = 0; i < chain.states; ++i)
    if (!leaves[i]) return i;
  return std::nullopt;
}

// Strongly connected components (Tarjan, iterative): component id per state.
std::vector<std::uint32_t> components(const ScopeChain& chain, std::uint32_t& count) {
  const Adjacency out = adjacency(chain, false);
  constexpr std::uint32_t kUnset = UINT32_MAX;
  std::vector<std::uint32_t> index(chain.states, kUnset), low(chain.states, 0), component(chain.states, kUnset);
  std::vector<std::uint32_t> open;  // Tarjan's stack
  std::vector<bool> on_open(chain.states, false);
  std::vector<std::pair<std::uint32_t, std::uint32_t>> calls;  // (state, next edge)
  std::uint32_t next_index = 0;
  count = 0;
  for (std::uint32_t root = 0; root < chain.states; ++root) {
    if (index[root] != kUnset) continue;
    calls.push_back({root, out.first[root]});
    index[root] = low[root] = next_index++;
    open.push_back(root);
    on_open[root] = true;
    while (!calls.empty()) {
      auto& [v, edge] = calls.back();
      if (edge < out.first[v + 1]) {
        const std::uint32_t w = out.targets[edge++];
        if (index[w] == kUnset) {
          index[w] = low[w] = next_index++;
          open.push_back(w);
          on_open[w] = true;
          calls.push_back({w, out.first[w]});
        } else if (on_open[w]) {
          low[v] = std::min(low[v], index[w]);
        }
        continue;
      }
      const std::uint32_t done = v;
      calls.pop_back();
      if (!calls.empty()) low[calls.back().first] = std::min(low[calls.back().first], low[done]);
      if (low[done] == index[done]) {
        std::uint32_t w = 0;
        do {
          w = open.back();
          open.pop_back();
          on_open[w] = false;
          component[w] = count;
        } while (w != done);
        ++count;
      }
    }
  }
  return component;
}

// I - Q over the listed states (`local` maps a scope state to its row, or UINT32_MAX when not listed).
SparseMatrix identity_minus_q(const ScopeChain& chain, const std::vector<std::uint32_t>& local, Eigen::Index n) {
  std::vector<Eigen::Triplet<double, int>> triplets;
  triplets.reserve(chain.entries.size() + static_cast<std::size_t>(n));
  for (Eigen::Index i = 0; i < n; ++i) triplets.emplace_back(static_cast<int>(i), static_cast<int>(i), 1.0);
  for (const ChainEntry& e : chain.entries) {
    const std::uint32_t r = local[e.from], c = local[e.to];
    if (r != UINT32_MAX && c != UINT32_MAX)
      triplets.emplace_back(static_cast<int>(r), static_cast<int>(c), -e.probability);
  }
  SparseMatrix a(n, n);
  a.setFromTriplets(triplets.begin(), triplets.end());  // sums repeated entries
  a.makeCompressed();
  return a;
}

bool factorize(Solver& solver, const SparseMatrix& a) {
  solver.analyzePattern(a);
  solver.factorize(a);
  return solver.info() == Eigen::Success;
}

}  // namespace

ChainSolution solve_chain(const ScopeChain& chain) {
  ChainSolution out;
  if (chain.states == 0) return out;
  if (const auto stuck = first_never_left(chain)) {
    out.never_left = stuck;
    return out;
  }
  const auto n = static_cast<Eigen::Index>(chain.states);
  std::vector<std::uint32_t> all(chain.states);
  for (std::uint32_t i = 0; i < chain.states; ++i) all[i] = i;

  // Row `start` of N: (I - Q)^T x = e_start.
  Solver solver;
  const SparseMatrix a_t = SparseMatrix(identity_minus_q(chain, all, n).transpose());
  if (!factorize(solver, a_t)) {
    out.never_left = chain.start;
    return out;
  }
  Eigen::VectorXd e_start = Eigen::VectorXd::Zero(n);
  e_start(static_cast<Eigen::Index>(chain.start)) = 1.0;
  const Eigen::VectorXd row = solver.solve(e_start);
  out.visits_from_start.assign(row.data(), row.data() + n);

  // N(i, i) per strongly connected component.
  std::uint32_t count = 0;
  const std::vector<std::uint32_t> component = components(chain, count);
  std::vector<std::vector<std::uint32_t>> members(count);
  for (std::uint32_t i = 0; i < chain.states; ++i) members[component[i]].push_back(i);
  std::vector<double> self_loop(chain.states, 0.0);
  for (const ChainEntry& e : chain.entries)
    if (e.from == e.to) self_loop[e.from] += e.probability;
  out.self_visits.assign(chain.states, 1.0);
  std::vector<std::uint32_t> local(chain.states, UINT32_MAX);
  for (const auto& states : members) {
    if (states.size() == 1) {
      out.self_visits[states[0]] = 1.0 / (1.0 - self_loop[states[0]]);
      continue;
    }
    const auto k = static_cast<Eigen::Index>(states.size());
    for (std::uint32_t r = 0; r < states.size(); ++r) local[states[r]] = r;
    Solver part;
    if (!factorize(part, identity_minus_q(chain, local, k))) {
      out = ChainSolution{};
      out.never_left = states[0];
      return out;
    }
    for (Eigen::Index first = 0; first < k; first += kDiagonalBlock) {
      const Eigen::Index width = std::min(kDiagonalBlock, k - first);
      Eigen::MatrixXd columns = Eigen::MatrixXd::Zero(k, width);
      for (Eigen::Index c = 0; c < width; ++c) columns(first + c, c) = 1.0;
      const Eigen::MatrixXd solved = part.solve(columns);
      for (Eigen::Index c = 0; c < width; ++c) out.self_visits[states[static_cast<std::size_t>(first + c)]] = solved(first + c, c);
    }
    for (const std::uint32_t s : states) local[s] = UINT32_MAX;
  }
  return out;
}

}  // namespace flowcost::sim::markov::detail
