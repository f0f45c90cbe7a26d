#include "cli/memory_trim.h"

#include <malloc.h>

namespace bot {

void LimitMallocArenas(int arenas) { mallopt(M_ARENA_MAX, arenas); }

MemoryTrimmer::MemoryTrimmer(std::chrono::milliseconds interval, int release_every,
                             std::function<void()> release)
    : interval_(interval),
      release_every_(release_every),
      release_(std::move(release)),
      thread_([this] { Run(); }) {}

MemoryTrimmer::~MemoryTrimmer() {
  {
    std::lock_guard<std::mutex> l(mu_);
    stop_ = true;
  }
  cv_.notify_all();
  thread_.join();
}

int MemoryTrimmer::trims() const {
  std::lock_guard<std::mutex> l(mu_);
  return trims_;
}

void MemoryTrimmer::Run() {
  std::unique_lock<std::mutex> l(mu_);
  while (!cv_.wait_for(l, interval_, [this] { return stop_; })) {
    const bool release = release_ && release_every_ > 0 && (trims_ + 1) % release_every_ == 0;
    l.unlock();
    if (release) release_();
    malloc_trim(0);
    l.lock();
    ++trims_;
  }
}

}  // namespace bot
