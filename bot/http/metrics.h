// Metrics: the server's Prometheus counters and histogram (requests by route, method and status,
// answers scored, scoring latency). Every label value comes from a fixed set. Thread-safe.
#ifndef BOT_HTTP_METRICS_H_
#define BOT_HTTP_METRICS_H_

#include <array>
#include <atomic>
#include <map>
#include <mutex>
#include <string>
#include <tuple>

namespace bot {

class Metrics {
 public:
  // `route` is a label of the route table (or "unmatched"); the method is counted as one of GET,
  // HEAD, POST, PUT, PATCH, DELETE, OPTIONS or "other", so no client text reaches a label.
  void CountRequest(const std::string& route, const std::string& method, int status);
  static const char* MethodLabel(const std::string& method);
  void ObserveScoring(double seconds);
  // Prometheus text exposition; `active_sessions` is read by the caller from the store.
  std::string Render(int active_sessions) const;

 private:
  static constexpr std::array<double, 10> kBuckets = {0.0005, 0.001, 0.0025, 0.005, 0.01,
                                                      0.025,  0.05,  0.1,    0.25,  1.0};
  mutable std::mutex mu_;
  std::map<std::tuple<std::string, std::string, int>, long> requests_;
  std::array<long, kBuckets.size()> bucket_counts_{};
  long scored_ = 0;
  double scoring_sum_ = 0;
};

}  // namespace bot

#endif  // BOT_HTTP_METRICS_H_
