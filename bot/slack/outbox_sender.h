// OutboxSender: delivers due outbox items (Slack API posts, response_url posts, completion
// webhooks) and reschedules failures with exponential backoff (Retry-After wins when given), giving
// up after kMaxAttempts or on a permanent failure. Generic webhooks are signed per attempt and
// carry their delivery id (X-Interview-Bot-Delivery) for receivers to de-duplicate on. Webhooks
// (generic and Slack's) go out concurrently, each on its own thread with the poster's timeouts, so a
// slow receiver never holds up Slack replies, and an item is never posted again while an attempt at
// it is still running. SendDue and WaitForWebhooks are called from one thread (the worker); the
// queue and clients it uses are thread-safe.
#ifndef BOT_SLACK_OUTBOX_SENDER_H_
#define BOT_SLACK_OUTBOX_SENDER_H_

#include <map>
#include <mutex>
#include <set>
#include <string>
#include <thread>

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
  ~OutboxSender() { WaitForWebhooks(); }

  // Attempts every due item once (webhooks: starts the attempt); returns how many it attempted.
  int SendDue();
  // Waits until every webhook attempt started by SendDue has finished (tests, shutdown).
  void WaitForWebhooks();
  SlackResult Deliver(const OutboxItem& item);

  // Delay before attempt number `attempts + 1` after a failure.
  static int64_t BackoffMs(int attempts, int retry_after_seconds);

 private:
  // Marks `item` sent, or failed and due again after its backoff.
  void Settle(const OutboxItem& item, const SlackResult& result);
  // Joins the threads of webhook attempts that have finished.
  void Reap();

  DeliveryQueue& queue_;
  SlackClient* slack_;
  HttpPoster& poster_;
  std::string secret_;
  const Clock& clock_;
  std::map<int64_t, std::thread> flights_;  // webhook attempts by outbox id (SendDue's thread only)
  std::mutex mu_;
  std::set<int64_t> landed_;  // attempts that have finished, to join
};

// The signature headers of a generic webhook body: X-Interview-Bot-Timestamp, and
// X-Interview-Bot-Signature: sha256=hex HMAC-SHA256 of "{timestamp}.{body}".
std::map<std::string, std::string> WebhookSignatureHeaders(const std::string& secret,
                                                           const std::string& body,
                                                           int64_t now_ms);

}  // namespace bot

#endif  // BOT_SLACK_OUTBOX_SENDER_H_
