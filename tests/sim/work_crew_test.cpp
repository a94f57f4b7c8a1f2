#include <catch2/catch.hpp>

#include <atomic>
#include <future>
#include <stdexcept>
#include <thread>
#include <vector>

#include "sim/work_crew.h"

using namespace flowcost::sim;

TEST_CASE("an errand runs on the first helper while the calling thread goes on") {
  WorkCrew crew(2);
  const std::thread::id caller = std::this_thread::get_id();
  std::atomic<bool> go{false};
  std::thread::id ran_on;
  // The errand waits for the calling thread: it can only end if aside() returned before it ran.
  std::future<void> errand = crew.aside([&] {
    while (!go.load()) std::this_thread::yield();
    ran_on = std::this_thread::get_id();
  });
  go.store(true);
  crew.wait(errand);
  CHECK(ran_on != caller);

  // A round that starts while the helper runs an errand waits for it: every member works once.
  std::atomic<bool> release{false};
  std::future<void> slow = crew.aside([&] {
    while (!release.load()) std::this_thread::yield();
  });
  std::vector<int> worked(crew.members(), 0);
  crew.round([&](unsigned member) { worked.at(member) += 1; }, [&] { release.store(true); });
  CHECK(worked == std::vector<int>{1, 1, 1});
  crew.wait(slow);
}

TEST_CASE("an errand's exception reaches the caller's wait") {
  WorkCrew crew(1);
  std::future<void> errand = crew.aside([] { throw std::runtime_error("no table"); });
  CHECK_THROWS_WITH(crew.wait(errand), "no table");
}

TEST_CASE("without helpers, or after release(), an errand runs at once on the calling thread") {
  const std::thread::id caller = std::this_thread::get_id();
  std::thread::id ran_on;
  WorkCrew alone(0);
  std::future<void> a = alone.aside([&] { ran_on = std::this_thread::get_id(); });
  CHECK(ran_on == caller);  // before aside() returned
  alone.wait(a);

  WorkCrew released(1);
  released.release();
  ran_on = {};
  std::future<void> b = released.aside([&] { ran_on = std::this_thread::get_id(); });
  CHECK(ran_on == caller);
  released.wait(b);
}

TEST_CASE("an errand queued just before release() still runs before the helper ends") {
  for (int i = 0; i < 50; ++i) {
    std::atomic<int> ran{0};
    std::future<void> errand;
    {
      WorkCrew crew(1);
      errand = crew.aside([&] { ran.fetch_add(1); });
      crew.release();
    }  // the destructor joins the helper
    CHECK(ran.load() == 1);
    errand.get();
  }
}

TEST_CASE("rounds after rounds: every member works in every round, the side work once per round") {
  WorkCrew crew(3);
  std::vector<std::atomic<int>> worked(crew.members());
  int sides = 0;
  for (int r = 0; r < 200; ++r)
    crew.round([&](unsigned member) { worked.at(member).fetch_add(1); }, [&] { ++sides; });
  for (const auto& w : worked) CHECK(w.load() == 200);
  CHECK(sides == 200);
}

TEST_CASE("a crew with more members than CPUs works as one that polls, only sleeping at once") {
  // 8 members on any machine of fewer CPUs: they never poll (a polling member would take a CPU from one
  // that works); every round and errand is done all the same.
  WorkCrew crew(7);
  std::vector<std::atomic<int>> worked(crew.members());
  for (int r = 0; r < 50; ++r) crew.round([&](unsigned member) { worked.at(member).fetch_add(1); }, [] {});
  for (const auto& w : worked) CHECK(w.load() == 50);
  std::atomic<int> ran{0};
  std::future<void> errand = crew.aside([&] { ran.fetch_add(1); });
  crew.wait(errand);
  CHECK(ran.load() == 1);
}
