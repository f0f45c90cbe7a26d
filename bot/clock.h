// Clock: the time source, behind an interface so tests control it. RealClock reads the system
// clock; FakeClock returns what the test sets. Both are thread-safe.
#ifndef BOT_CLOCK_H_
#define BOT_CLOCK_H_

#include <atomic>
#include <cstdint>
#include <string>

namespace bot {

class Clock {
 public:
  virtual ~Clock() = default;
  // Milliseconds since the Unix epoch.
  virtual int64_t NowMs() const = 0;
};

class RealClock : public Clock {
 public:
  int64_t NowMs() const override;
};

class FakeClock : public Clock {
 public:
  explicit FakeClock(int64_t now_ms = 1764352800000) : now_ms_(now_ms) {}  // 2025-11-28T18:00:00Z
  int64_t NowMs() const override { return now_ms_.load(); }
  void Set(int64_t ms) { now_ms_ = ms; }
  void Advance(int64_t ms) { now_ms_ += ms; }

 private:
  std::atomic<int64_t> now_ms_;
};

// "2026-11-28T18:00:00Z" (seconds precision, UTC).
std::string Iso8601(int64_t ms);

}  // namespace bot

#endif  // BOT_CLOCK_H_
