#pragma once
// Binding threads to CPUs, for sim::WorkCrew. On a virtual machine the kernel may see an idle virtual CPU as
// busy (its host has descheduled it) and wake a crew's helper on the CPU where the calling thread runs; the
// two then share one CPU for several milliseconds until the load balancer moves one. A crew that uses every
// CPU the process may run on binds one member to each, so that cannot happen (docs/performance.md
// "Threads"). Binding never changes a result, only where the work runs; where the system refuses it, the
// threads stay as they were.
#include <thread>
#include <vector>

namespace flowcost::sim {

// The CPUs the calling thread may run on, in increasing order (empty when the system does not say).
std::vector<int> allowed_cpus();

// The CPU the calling thread runs on now (-1 when the system does not say).
int current_cpu();

// Binds the calling thread to `cpu`; false (and nothing changed) when the system refuses.
bool bind_this_thread(int cpu);

// Binds `thread` to `cpu`, from the thread that started it: a new thread placed on its starter's CPU waits
// there until the starter sleeps, unless it is moved before it first runs. False when the system refuses.
bool bind_thread(std::thread& thread, int cpu);

// Binds the calling thread to `cpu` for its lifetime, then gives the thread back the CPUs it had.
class ScopedBinding {
 public:
  explicit ScopedBinding(int cpu);
  ~ScopedBinding();
  ScopedBinding(const ScopedBinding&) = delete;
  ScopedBinding& operator=(const ScopedBinding&) = delete;

 private:
  std::vector<int> before_;  // empty: nothing to give back
};

}  // namespace flowcost::sim
