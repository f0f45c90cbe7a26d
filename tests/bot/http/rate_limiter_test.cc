// RateLimiter directly, on a fake clock: the burst, the refill rate, Retry-After, other clients'
// own budgets, "0 disables", and the table that forgets full buckets.
#include "http/rate_limiter.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "fakes/fake_clock.h"

namespace bot {
namespace {

// How many of `n` requests from `client` are allowed, at the clock's current time.
int Allowed(RateLimiter& limiter, const std::string& client, int n, int* retry_after = nullptr) {
  int allowed = 0, retry = -1;
  for (int i = 0; i < n; ++i) allowed += limiter.Allow(client, &retry);
  if (retry_after) *retry_after = retry;
  return allowed;
}

}  // namespace

TEST_CASE("A client gets its burst at once, then the sustained rate; others keep their own budget") {
  FakeClock clock;
  RateLimiter limiter(clock, 60, 20);  // one a second, bursts of 20
  int retry_after = 0;
  CHECK(Allowed(limiter, "10.0.0.1", 25, &retry_after) == 20);
  CHECK(retry_after == 1);
  CHECK(Allowed(limiter, "10.0.0.2", 25) == 20);  // a different address is not held back
  clock.Advance(999);
  CHECK(Allowed(limiter, "10.0.0.1", 1) == 0);
  clock.Advance(1);
  CHECK(Allowed(limiter, "10.0.0.1", 2) == 1);  // one token a second
  clock.Advance(5000);
  CHECK(Allowed(limiter, "10.0.0.1", 10) == 5);
  clock.Advance(3600 * 1000);
  CHECK(Allowed(limiter, "10.0.0.1", 30) == 20);  // refills to the burst, never above
}

TEST_CASE("Retry-After says when the next token is there, in whole seconds, at least 1") {
  struct Case {
    int per_minute, burst;
    int64_t wait_ms;  // after the burst is spent
    int retry_after;
  };
  const std::vector<Case> cases = {
      {60, 1, 0, 1},     // 1 s per token
      {6, 1, 0, 10},     // 10 s per token
      {6, 1, 4000, 6},   // 4 s of the 10 already waited
      {6000, 5, 0, 1},   // 10 ms per token: rounded up to a second
  };
  for (const auto& c : cases) {
    CAPTURE(c.per_minute);
    CAPTURE(c.wait_ms);
    FakeClock clock;
    RateLimiter limiter(clock, c.per_minute, c.burst);
    REQUIRE(Allowed(limiter, "a", c.burst) == c.burst);
    clock.Advance(c.wait_ms);
    int retry_after = -1;
    CHECK_FALSE(limiter.Allow("a", &retry_after));
    CHECK(retry_after == c.retry_after);
  }
}

TEST_CASE("A limit of 0 lets everything through") {
  FakeClock clock;
  RateLimiter limiter(clock, 0, 0);
  CHECK(Allowed(limiter, "a", 10000) == 10000);
}

TEST_CASE("Under address churn the table is swept of full buckets only: a limited client stays limited") {
  FakeClock clock;
  RateLimiter limiter(clock, 60, 2);
  REQUIRE(Allowed(limiter, "abuser", 5) == 2);
  for (int i = 0; i <= 100000; ++i) {
    int retry = 0;
    limiter.Allow("10." + std::to_string(i), &retry);  // one token left each
  }
  clock.Advance(1000);  // the others are full again; the abuser has one token
  int retry = 0;
  CHECK(limiter.Allow("one more", &retry));  // over 100,000 buckets: the sweep runs
  CHECK(Allowed(limiter, "abuser", 3) == 1);  // remembered: a fresh bucket would allow 2
}

}  // namespace bot
