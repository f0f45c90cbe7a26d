#include "cli/memory_trim.h"

#include <malloc.h>

namespace bot {

void LimitMallocArenas(int arenas) { mallopt(M_ARENA_MAX, arenas); }

MemoryTrimmer::MemoryTrimmer(std::chrono::milliseconds interval)
    : interval_(interval), thread_([this] { Run(); }) {}

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
    l.unlock();
    malloc_trim(0);
    l.lock();
    ++trims_;
  }
}

}  // namespace bot
