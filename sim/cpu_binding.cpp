#include "sim/cpu_binding.h"

#include <pthread.h>
#include <sched.h>

namespace flowcost::sim {

namespace {

bool set_thread(pthread_t thread, const std::vector<int>& cpus) {
  cpu_set_t set;
  CPU_ZERO(&set);
  for (int cpu : cpus) {
    if (cpu < 0 || cpu >= CPU_SETSIZE) return false;
    CPU_SET(cpu, &set);
  }
  return !cpus.empty() && pthread_setaffinity_np(thread, sizeof set, &set) == 0;
}

bool set_this_thread(const std::vector<int>& cpus) { return set_thread(pthread_self(), cpus); }

}  // namespace

std::vector<int> allowed_cpus() {
  cpu_set_t set;
  CPU_ZERO(&set);
  std::vector<int> out;
  if (pthread_getaffinity_np(pthread_self(), sizeof set, &set) != 0) return out;
  for (int cpu = 0; cpu < CPU_SETSIZE; ++cpu)
    if (CPU_ISSET(cpu, &set)) out.push_back(cpu);
  return out;
}

int current_cpu() { return sched_getcpu(); }

bool bind_this_thread(int cpu) { return set_this_thread({cpu}); }

bool bind_thread(std::thread& thread, int cpu) { return set_thread(thread.native_handle(), {cpu}); }

ScopedBinding::ScopedBinding(int cpu) {
  std::vector<int> before = allowed_cpus();
  if (!before.empty() && bind_this_thread(cpu)) before_ = std::move(before);
}

ScopedBinding::~ScopedBinding() {
  if (!before_.empty()) set_this_thread(before_);
}

}  // namespace flowcost::sim
