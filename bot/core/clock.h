// Clock: the time source, behind an interface so tests control it. RealClock reads the system
// clock (tests use FakeClock, tests/fakes/fake_clock.h). Thread-safe.
#ifndef BOT_CORE_CLOCK_H_
#define BOT_CORE_CLOCK_H_

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

// "2026-11-28T18:00:00Z" (seconds precision, UTC).
std::string Iso8601(int64_t ms);

}  // namespace bot

#endif  // BOT_CORE_CLOCK_H_
