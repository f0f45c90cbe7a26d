#include "http/rate_limiter.h"

#include <algorithm>
#include <cmath>

namespace bot {

bool RateLimiter::Allow(const std::string& client, int* retry_after_seconds) {
  if (per_minute_ <= 0) return true;
  const int64_t now = clock_.NowMs();
  const double per_ms = per_minute_ / 60000.0;
  std::lock_guard<std::mutex> l(mu_);
  if (buckets_.size() > 100000) {
    // Forget full buckets so the table cannot grow without bound under address churn.
    for (auto it = buckets_.begin(); it != buckets_.end();) {
      const double refilled = it->second.tokens + (now - it->second.last_ms) * per_ms;
      it = refilled >= burst_ ? buckets_.erase(it) : std::next(it);
    }
  }
  auto [it, inserted] = buckets_.try_emplace(client, Bucket{static_cast<double>(burst_), now});
  Bucket& b = it->second;
  b.tokens = std::min<double>(burst_, b.tokens + (now - b.last_ms) * per_ms);
  b.last_ms = now;
  if (b.tokens >= 1.0) {
    b.tokens -= 1.0;
    return true;
  }
  *retry_after_seconds = std::max(1, static_cast<int>(std::ceil((1.0 - b.tokens) / per_ms / 1000)));
  return false;
}

}  // namespace bot
