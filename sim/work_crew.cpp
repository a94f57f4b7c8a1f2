#include "sim/work_crew.h"

#include <algorithm>
#include <optional>

#include "sim/cpu_binding.h"

namespace flowcost::sim {

unsigned thread_count(unsigned requested) {
  return requested != 0 ? requested : std::max(1u, std::thread::hardware_concurrency());
}

WorkCrew::WorkCrew(unsigned helpers) {
  if (helpers > 0) {
    std::vector<int> cpus = allowed_cpus();
    if (cpus.size() == std::size_t{helpers} + 1) cpus_ = std::move(cpus);
  }
  helpers_.reserve(helpers);
  for (unsigned i = 0; i < helpers; ++i)
    helpers_.emplace_back([this, i] {
      if (!cpus_.empty()) bind_this_thread(cpus_[i + 1]);
      serve(i + 1);
    });
}

WorkCrew::~WorkCrew() {
  release();
  for (auto& t : helpers_) t.join();
}

void WorkCrew::release() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stop_ = true;
  }
  start_.notify_all();
}

void WorkCrew::serve(unsigned member) {
  std::uint64_t seen = 0;
  for (;;) {
    const std::function<void(unsigned)>* work = nullptr;
    {
      std::unique_lock<std::mutex> lock(mutex_);
      start_.wait(lock, [&] { return stop_ || round_ != seen; });
      if (stop_) return;
      seen = round_;
      work = work_;
    }
    (*work)(member);
    {
      std::lock_guard<std::mutex> lock(mutex_);
      --busy_;
    }
    finished_.notify_one();
  }
}

void WorkCrew::round(const std::function<void(unsigned)>& work, const std::function<void()>& side) {
  // Only the calling thread writes stop_ (release()), so it reads it here without the lock.
  const bool helped = !helpers_.empty() && !stop_;
  std::optional<ScopedBinding> bound;
  if (helped && !cpus_.empty()) bound.emplace(cpus_[0]);
  if (helped) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      work_ = &work;
      busy_ = static_cast<unsigned>(helpers_.size());
      ++round_;
    }
    start_.notify_all();
  }
  side();
  work(0);
  if (helped) {
    std::unique_lock<std::mutex> lock(mutex_);
    finished_.wait(lock, [&] { return busy_ == 0; });
    work_ = nullptr;
  }
}

}  // namespace flowcost::sim
