// OutboxSender: delivers due outbox items (Slack API posts, response_url posts, completion
// webhooks) and reschedules failures with exponential backoff (Retry-After wins when given), giving
// up after kMaxAttempts or on a permanent failure. Generic webhooks are signed per attempt and
// carry their delivery id (X-Interview-Bot-Delivery) for receivers to de-duplicate on. Called from
// the worker thread only; not meant for concurrent use, though the queue and clients it uses are
// thread-safe.
#ifndef BOT_SLACK_OUTBOX_SENDER_H_
#define BOT_SLACK_OUTBOX_SENDER_H_

#include <map>
#include <string>

#include "core/clock.h"
#include "core/delivery_queue.h"
#include "slack/http_poster.h"
#include "slack/slack_client.h"

namespace bot {

class OutboxSender {
 public:
  static constexpr int kMaxAttempts = 12;
  static constexpr int64_t kFirstBackoffMs = 1000;
  static constexpr int64_t kMaxBackoffMs = 3600 * 1000;

  // `slack` may be null when Slack is not configured (webhooks still go out).
  OutboxSender(DeliveryQueue& queue, SlackClient* slack, HttpPoster& poster,
               std::string webhook_secret, const Clock& clock)
      : queue_(queue), slack_(slack), poster_(poster), secret_(std::move(webhook_secret)),
        clock_(clock) {}

  // Attempts every due item once; returns how many it attempted.
  int SendDue();
  SlackResult Deliver(const OutboxItem& item);

  // Delay before attempt number `attempts + 1` after a failure.
  static int64_t BackoffMs(int attempts, int retry_after_seconds);

 private:
  DeliveryQueue& queue_;
  SlackClient* slack_;
  HttpPoster& poster_;
  std::string secret_;
  const Clock& clock_;
};

// The signature headers of a generic webhook body: X-Interview-Bot-Timestamp, and
// X-Interview-Bot-Signature: sha256=hex HMAC-SHA256 of "{timestamp}.{body}".
std::map<std::string, std::string> WebhookSignatureHeaders(const std::string& secret,
                                                           const std::string& body,
                                                           int64_t now_ms);

}  // namespace bot

#endif  // BOT_SLACK_OUTBOX_SENDER_H_
