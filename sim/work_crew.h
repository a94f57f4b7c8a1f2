#pragma once
// A fixed crew of helper threads that work in rounds together with the calling thread (sim/replication.cpp).
// Threads are started once per crew, not once per round: a run has a round per window of draws, and starting
// threads in each would be a serial cost of its own. In a round the calling thread first does `side` (work
// that overlaps the round, such as merging the previous window), then works as one more member of the crew;
// round() returns when every member has finished. A crew of 0 helpers runs everything on the calling thread,
// in the same order.
//
// A member that waits (a helper for the next round or errand, the calling thread for the helpers at the end of
// a round or for an errand) polls for up to a millisecond before it sleeps on a condition variable: on a
// virtual machine a sleeping thread's CPU halts, and waking it again takes from tens of microseconds up to a
// millisecond, which a run would pay at every round (docs/performance.md "Threads"). A crew with more
// members than CPUs never polls: a polling member would take a CPU from one that works.
//
// Start a crew before the work that precedes its first round (`run` and `batch` start theirs before they
// read anything, engine::ScenarioSession its own before it reads the scenario): a new thread can wait up to a scheduler tick (about 4 ms here) before it first runs
// when the thread that started it stays busy, while a started helper that sleeps on the crew's condition
// variable is woken in tens of microseconds (docs/performance.md "Threads").
//
// A crew with as many members as the CPUs the calling thread may run on binds one member to each, for the
// crew's lifetime, so that two members never share a CPU (sim/cpu_binding.h): the calling thread (member 0)
// to the CPU it runs on when the crew starts, the helpers to the others in order. Make and end a crew on the
// same thread; it then gives that thread back its CPUs. A crew with fewer members than CPUs binds none: the
// kernel then chooses, around whatever else runs.
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <future>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "sim/cpu_binding.h"

namespace flowcost::sim {

// The most threads a run may ask for (`--threads`): a crew starts them all before any work.
inline constexpr unsigned kMaxThreads = 1024;

// The threads of a run that asks for `requested` (0 = every core).
unsigned thread_count(unsigned requested);

class WorkCrew {
 public:
  explicit WorkCrew(unsigned helpers);
  ~WorkCrew();
  WorkCrew(const WorkCrew&) = delete;
  WorkCrew& operator=(const WorkCrew&) = delete;

  // Runs `work(member)` on every helper (members 1..helpers) and, after `side()`, on the calling thread
  // (member 0). Neither may throw: record an error and return instead.
  void round(const std::function<void(unsigned)>& work, const std::function<void()>& side);

  // Runs `job` on the first helper while the calling thread goes on (reading the price table while the
  // scenario's designs are read: cli/scenario_inputs.cpp); the future is ready when `job` has ended and holds
  // what it threw. Without helpers, or after release(), `job` runs here before aside() returns. A round that
  // starts meanwhile waits for the first helper to finish its errands.
  std::future<void> aside(std::function<void()> job);

  // Waits for an errand of aside() (polling first, as members do) and rethrows what it threw.
  void wait(std::future<void>& errand) const;

  // Lets the helpers end now, without waiting for them: call it when the work is done (a command that has
  // simulated and now writes its report), so that their wake-up and exit overlap what follows instead of
  // the destructor waiting for them. round() runs everything on the calling thread afterwards.
  void release();

  unsigned members() const { return static_cast<unsigned>(helpers_.size()) + 1; }

 private:
  void serve(unsigned member);

  std::vector<int> cpus_;  // member i runs on cpus_[i]; empty: the threads are not bound
  std::optional<ScopedBinding> caller_binding_;  // the calling thread's, for the crew's lifetime
  bool poll_ = false;  // members poll before they sleep: no more members than CPUs
  std::vector<std::thread> helpers_;
  std::mutex mutex_;
  std::condition_variable start_, finished_;
  const std::function<void(unsigned)>* work_ = nullptr;
  std::uint64_t round_ = 0;
  std::atomic<unsigned> busy_{0};  // helpers still working in this round (written under mutex_)
  std::atomic<std::uint64_t> news_{0};  // counts rounds, errands and release(): what a polling helper waits for
  std::deque<std::packaged_task<void()>> errands_;  // aside()'s jobs, for the first helper
  bool stop_ = false;  // release() was called: written by the calling thread only
};

}  // namespace flowcost::sim
