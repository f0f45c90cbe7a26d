#include "slack/outbox_sender.h"

#include <algorithm>
#include <iostream>

#include "slack/hmac.h"

namespace bot {

std::map<std::string, std::string> WebhookSignatureHeaders(const std::string& secret,
                                                           const std::string& body,
                                                           int64_t now_ms) {
  const std::string ts = std::to_string(now_ms / 1000);
  return {{"X-Interview-Bot-Timestamp", ts},
          {"X-Interview-Bot-Signature", "sha256=" + HmacSha256Hex(secret, ts + "." + body)}};
}

int64_t OutboxSender::BackoffMs(int attempts, int retry_after_seconds) {
  if (retry_after_seconds >= 0) return std::min<int64_t>(retry_after_seconds * 1000LL, kMaxBackoffMs);
  return std::min(kMaxBackoffMs, kFirstBackoffMs << std::min(attempts, 20));
}

SlackResult OutboxSender::Deliver(const OutboxItem& item) {
  const nlohmann::json body = nlohmann::json::parse(item.body, nullptr, false);
  if (item.kind == "slack_api" || item.kind == "response_url") {
    if (!slack_) return {false, false, -1, "Slack is not configured", {}};
    return item.kind == "slack_api" ? slack_->Call(item.target, body)
                                    : slack_->PostToResponseUrl(item.target, body);
  }
  if (item.kind == "slack_webhook") {
    return ResultOfHttp(poster_.Post(item.target, {}, item.body, "application/json"));
  }
  if (item.kind == "webhook") {
    // Signed per attempt, so a receiver's freshness check also passes for late retries.
    auto headers = WebhookSignatureHeaders(secret_, item.body, clock_.NowMs());
    if (secret_.empty()) headers.erase("X-Interview-Bot-Signature");
    if (!item.delivery_id.empty()) headers["X-Interview-Bot-Delivery"] = item.delivery_id;
    return ResultOfHttp(poster_.Post(item.target, headers, item.body, "application/json"));
  }
  return {false, false, -1, "unknown outbox kind " + item.kind, {}};
}

void OutboxSender::Settle(const OutboxItem& item, const SlackResult& r) {
  if (r.ok) {
    queue_.MarkSent(item.id);
    return;
  }
  const bool give_up = !r.retryable || item.attempts + 1 >= kMaxAttempts;
  std::cerr << "interview-bot: outbox " << item.kind << " #" << item.id << " attempt "
            << item.attempts + 1 << " failed: " << r.error << (give_up ? " (giving up)" : "") << "\n";
  queue_.MarkFailed(item.id, clock_.NowMs() + BackoffMs(item.attempts, r.retry_after_seconds),
                    r.error, give_up);
}

void OutboxSender::Reap() {
  std::set<int64_t> landed;
  {
    std::lock_guard<std::mutex> l(mu_);
    landed.swap(landed_);
  }
  for (int64_t id : landed) {
    flights_[id].join();
    flights_.erase(id);
  }
}

void OutboxSender::WaitForWebhooks() {
  for (auto& [id, thread] : flights_) thread.join();
  flights_.clear();
  std::lock_guard<std::mutex> l(mu_);
  landed_.clear();
}

int OutboxSender::SendDue() {
  Reap();
  std::vector<OutboxItem> items;
  if (auto e = queue_.DueOutbound(clock_.NowMs(), 50, &items)) {
    std::cerr << "interview-bot: reading the outbox failed: " << e->message << "\n";
  }
  int attempted = 0;
  for (const auto& item : items) {
    if (item.kind != "webhook" && item.kind != "slack_webhook") {
      Settle(item, Deliver(item));
      ++attempted;
    } else if (flights_.count(item.id) == 0) {  // still in flight: not posted twice
      flights_.emplace(item.id, std::thread([this, item] {
        Settle(item, Deliver(item));
        std::lock_guard<std::mutex> l(mu_);
        landed_.insert(item.id);
      }));
      ++attempted;
    }
  }
  return attempted;
}

}  // namespace bot
