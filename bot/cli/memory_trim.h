// Keeps a long-running server's resident memory flat under glibc malloc: a thread-per-connection
// server spreads its allocations over up to eight arenas per core, each keeping its own free
// pages, so RSS creeps up for hours. LimitMallocArenas caps the arenas; MemoryTrimmer hands free
// heap pages back to the OS every interval from its own thread, after freeing idle caches (the
// scorer's compiled questions) every few intervals. Thread-safe.
#ifndef BOT_CLI_MEMORY_TRIM_H_
#define BOT_CLI_MEMORY_TRIM_H_

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace bot {

// Call before any other thread starts.
void LimitMallocArenas(int arenas);

class MemoryTrimmer {
 public:
  // Calls `release` before every `release_every`-th trim (never if 0).
  explicit MemoryTrimmer(std::chrono::milliseconds interval, int release_every = 0,
                         std::function<void()> release = nullptr);
  ~MemoryTrimmer();  // stops and joins
  MemoryTrimmer(const MemoryTrimmer&) = delete;
  MemoryTrimmer& operator=(const MemoryTrimmer&) = delete;

  int trims() const;  // how many trims have run, for tests

 private:
  void Run();

  const std::chrono::milliseconds interval_;
  const int release_every_;
  const std::function<void()> release_;
  mutable std::mutex mu_;
  std::condition_variable cv_;
  bool stop_ = false;
  int trims_ = 0;
  std::thread thread_;
};

}  // namespace bot

#endif  // BOT_CLI_MEMORY_TRIM_H_
