// RateLimiter: a token bucket per client address, so one abusive client is held to its limit while
// others are served. Thread-safe. Time comes from the injected Clock.
#ifndef BOT_HTTP_RATE_LIMITER_H_
#define BOT_HTTP_RATE_LIMITER_H_

#include <mutex>
#include <string>
#include <unordered_map>

#include "core/clock.h"

namespace bot {

class RateLimiter {
 public:
  // `per_minute` requests a minute sustained, bursts up to `burst`; per_minute 0 disables it.
  RateLimiter(const Clock& clock, int per_minute, int burst)
      : clock_(clock), per_minute_(per_minute), burst_(burst) {}

  // True when the request may go ahead; otherwise *retry_after_seconds says when to try again.
  bool Allow(const std::string& client, int* retry_after_seconds);

 private:
  struct Bucket {
    double tokens;
    int64_t last_ms;
  };
  const Clock& clock_;
  const int per_minute_, burst_;
  std::mutex mu_;
  std::unordered_map<std::string, Bucket> buckets_;
};

}  // namespace bot

#endif  // BOT_HTTP_RATE_LIMITER_H_
