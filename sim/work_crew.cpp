#include "sim/work_crew.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>

#include "sim/cpu_binding.h"

namespace flowcost::sim {

namespace {

// How long a waiting member polls before it sleeps on a condition variable.
constexpr std::chrono::microseconds kPollFor{1000};

void pause_briefly() {
#if defined(__x86_64__) || defined(__i386__)
  __builtin_ia32_pause();
#else
  std::this_thread::yield();
#endif
}

// Polls `ready` for up to kPollFor; the caller then waits on its condition variable as usual (at once, when
// `ready` came true).
template <class Ready>
void poll_until(const Ready& ready) {
  const auto until = std::chrono::steady_clock::now() + kPollFor;
  for (unsigned i = 1; !ready(); ++i) {
    pause_briefly();
    if (i % 64 == 0 && std::chrono::steady_clock::now() > until) return;
  }
}

}  // namespace

unsigned thread_count(unsigned requested) {
  return requested != 0 ? requested : std::max(1u, std::thread::hardware_concurrency());
}

WorkCrew::WorkCrew(unsigned helpers) {
  if (helpers > 0) {
    std::vector<int> cpus = allowed_cpus();
    const std::size_t cores = cpus.empty() ? std::thread::hardware_concurrency() : cpus.size();
    poll_ = std::size_t{helpers} + 1 <= cores;
    if (cpus.size() == std::size_t{helpers} + 1) {
      // The calling thread keeps the CPU it runs on; the helpers take the others.
      const auto here = std::find(cpus.begin(), cpus.end(), current_cpu());
      if (here != cpus.end()) std::rotate(cpus.begin(), here, here + 1);
      cpus_ = std::move(cpus);
      caller_binding_.emplace(cpus_[0]);
    }
  }
  helpers_.reserve(helpers);
  for (unsigned i = 0; i < helpers; ++i) {
    helpers_.emplace_back([this, i] { serve(i + 1); });
    if (!cpus_.empty()) bind_thread(helpers_.back(), cpus_[i + 1]);
  }
}

WorkCrew::~WorkCrew() {
  release();
  for (auto& t : helpers_) t.join();
}  // then caller_binding_ gives the calling thread back its CPUs

void WorkCrew::release() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stop_ = true;
    ++news_;
  }
  start_.notify_all();
}

std::future<void> WorkCrew::aside(std::function<void()> job) {
  std::packaged_task<void()> errand(std::move(job));
  std::future<void> done = errand.get_future();
  if (helpers_.empty() || stop_) {
    errand();
    return done;
  }
  {
    std::lock_guard<std::mutex> lock(mutex_);
    errands_.push_back(std::move(errand));
    ++news_;
  }
  start_.notify_all();
  return done;
}

void WorkCrew::wait(std::future<void>& errand) const {
  if (poll_) poll_until([&] { return errand.wait_for(std::chrono::seconds(0)) == std::future_status::ready; });
  errand.get();
}

void WorkCrew::serve(unsigned member) {
  // The first allocation of a thread makes its malloc arena (a few system calls and page faults): here,
  // while the caller is still parsing its command line, rather than in the first errand, which is on the
  // critical path (the price table: 0.03 ms of its 0.7 ms, measured).
  void* volatile first = std::malloc(1);  // volatile: the compiler may not drop the pair
  std::free(first);
  std::uint64_t seen = 0;
  std::uint64_t seen_news = 0;
  for (;;) {
    const std::function<void(unsigned)>* work = nullptr;
    if (poll_) poll_until([&] { return news_.load(std::memory_order_acquire) != seen_news; });
    {
      std::unique_lock<std::mutex> lock(mutex_);
      // An errand queued before release() still runs: its caller waits for it.
      const auto errand_waits = [&] { return member == 1 && !errands_.empty(); };
      start_.wait(lock, [&] { return errand_waits() || stop_ || round_ != seen; });
      seen_news = news_.load(std::memory_order_relaxed);
      if (errand_waits()) {
        std::packaged_task<void()> errand = std::move(errands_.front());
        errands_.pop_front();
        lock.unlock();
        errand();
        continue;
      }
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
  if (helped) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      work_ = &work;
      busy_ = static_cast<unsigned>(helpers_.size());
      ++round_;
      ++news_;
    }
    start_.notify_all();
  }
  side();
  work(0);
  if (helped) {
    if (poll_) poll_until([&] { return busy_.load(std::memory_order_acquire) == 0; });
    std::unique_lock<std::mutex> lock(mutex_);
    finished_.wait(lock, [&] { return busy_ == 0; });
    work_ = nullptr;
  }
}

}  // namespace flowcost::sim
