// FakeClock: the Clock of tests; it returns what the test sets and moves only when told.
// Thread-safe.
#ifndef TESTS_FAKES_FAKE_CLOCK_H_
#define TESTS_FAKES_FAKE_CLOCK_H_

#include <atomic>
#include <cstdint>

#include "core/clock.h"

namespace bot {

class FakeClock : public Clock {
 public:
  explicit FakeClock(int64_t now_ms = 1764352800000) : now_ms_(now_ms) {}  // 2025-11-28T18:00:00Z
  int64_t NowMs() const override { return now_ms_.load(); }
  void Set(int64_t ms) { now_ms_ = ms; }
  void Advance(int64_t ms) { now_ms_ += ms; }

 private:
  std::atomic<int64_t> now_ms_;
};

}  // namespace bot

#endif  // TESTS_FAKES_FAKE_CLOCK_H_
