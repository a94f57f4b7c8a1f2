#include <catch2/catch.hpp>

#include <mutex>
#include <set>
#include <thread>
#include <vector>

#include "sim/cpu_binding.h"
#include "sim/work_crew.h"

using namespace flowcost::sim;

// Catch2 assertions are made from one thread at a time: the test's own thread waits in join().

TEST_CASE("a thread bound to one CPU runs only there, and a scoped binding gives its CPUs back") {
  // In a thread of its own, so that the test process keeps its CPUs whatever happens.
  std::thread([] {
    const std::vector<int> all = allowed_cpus();
    CHECK_FALSE(all.empty());  // (no REQUIRE here: it would throw out of the thread)
    if (all.empty()) return;
    {
      ScopedBinding bound(all.back());
      CHECK(allowed_cpus() == std::vector<int>{all.back()});
    }
    CHECK(allowed_cpus() == all);
    CHECK(bind_this_thread(all.front()));
    CHECK(allowed_cpus() == std::vector<int>{all.front()});
    CHECK_FALSE(bind_this_thread(-1));  // refused: nothing changes
    CHECK(allowed_cpus() == std::vector<int>{all.front()});
  }).join();
}

TEST_CASE("a crew with a member per allowed CPU binds each member to its own CPU for the crew's lifetime") {
  std::thread([] {
    const std::vector<int> all = allowed_cpus();
    CHECK_FALSE(all.empty());  // (no REQUIRE here: it would throw out of the thread)
    if (all.empty()) return;
    std::mutex m;
    std::vector<std::vector<int>> seen(all.size());
    std::vector<int> between_rounds;
    {
      WorkCrew crew(static_cast<unsigned>(all.size()) - 1);
      between_rounds = allowed_cpus();
      crew.round(
          [&](unsigned member) {
            std::lock_guard<std::mutex> lock(m);
            seen.at(member) = allowed_cpus();
          },
          [] {});
    }
    // Member 0 (the calling thread) keeps the CPU it ran on when the crew started, from then on; the
    // helpers take the others, in order; no two members share one.
    CHECK(seen[0].size() == 1);
    if (seen[0].size() != 1) return;
    CHECK(between_rounds == seen[0]);
    std::vector<int> others;
    for (int cpu : all)
      if (cpu != seen[0][0]) others.push_back(cpu);
    for (std::size_t i = 1; i < all.size(); ++i) CHECK(seen[i] == std::vector<int>{others.at(i - 1)});
    CHECK(allowed_cpus() == all);  // the calling thread has its CPUs back once the crew has ended

    // A crew with more members than CPUs binds none: every member keeps every CPU.
    std::vector<std::vector<int>> unbound(all.size() + 1);
    {
      WorkCrew crew(static_cast<unsigned>(all.size()));
      crew.round(
          [&](unsigned member) {
            std::lock_guard<std::mutex> lock(m);
            unbound.at(member) = allowed_cpus();
          },
          [] {});
    }
    for (const auto& cpus : unbound) CHECK(cpus == all);
  }).join();
}
