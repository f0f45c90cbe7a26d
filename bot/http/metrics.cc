#include "http/metrics.h"

#include <cstdio>

namespace bot {

const char* Metrics::MethodLabel(const std::string& method) {
  for (const char* known : {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"}) {
    if (method == known) return known;
  }
  return "other";
}

void Metrics::CountRequest(const std::string& route, const std::string& method, int status) {
  std::lock_guard<std::mutex> l(mu_);
  ++requests_[{route, MethodLabel(method), status}];
}

void Metrics::ObserveScoring(double seconds) {
  std::lock_guard<std::mutex> l(mu_);
  ++scored_;
  scoring_sum_ += seconds;
  for (size_t i = 0; i < kBuckets.size(); ++i) {
    if (seconds <= kBuckets[i]) ++bucket_counts_[i];
  }
}

std::string Metrics::Render(int active_sessions) const {
  std::lock_guard<std::mutex> l(mu_);
  std::string out =
      "# HELP interview_bot_http_requests_total HTTP requests by route, method and status.\n"
      "# TYPE interview_bot_http_requests_total counter\n";
  char line[512];
  for (const auto& [key, count] : requests_) {
    snprintf(line, sizeof line,
             "interview_bot_http_requests_total{route=\"%s\",method=\"%s\",status=\"%d\"} %ld\n",
             std::get<0>(key).c_str(), std::get<1>(key).c_str(), std::get<2>(key), count);
    out += line;
  }
  out += "# HELP interview_bot_answers_scored_total Answers scored (chat, follow-ups and /api/score).\n"
         "# TYPE interview_bot_answers_scored_total counter\n";
  out += "interview_bot_answers_scored_total " + std::to_string(scored_) + "\n";
  out += "# HELP interview_bot_scoring_seconds Time to score one answer.\n"
         "# TYPE interview_bot_scoring_seconds histogram\n";
  for (size_t i = 0; i < kBuckets.size(); ++i) {
    snprintf(line, sizeof line, "interview_bot_scoring_seconds_bucket{le=\"%g\"} %ld\n",
             kBuckets[i], bucket_counts_[i]);
    out += line;
  }
  out += "interview_bot_scoring_seconds_bucket{le=\"+Inf\"} " + std::to_string(scored_) + "\n";
  snprintf(line, sizeof line, "interview_bot_scoring_seconds_sum %.6f\n", scoring_sum_);
  out += line;
  out += "interview_bot_scoring_seconds_count " + std::to_string(scored_) + "\n";
  out += "# HELP interview_bot_active_sessions Interviews not finished.\n"
         "# TYPE interview_bot_active_sessions gauge\n";
  out += "interview_bot_active_sessions " + std::to_string(active_sessions) + "\n";
  return out;
}

}  // namespace bot
