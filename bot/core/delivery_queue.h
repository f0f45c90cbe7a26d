// DeliveryQueue: the durable inbox (Slack deliveries acknowledged but not yet processed, unique by
// a dedupe key such as the event_id) and outbox (posts to Slack and webhooks, retried with backoff
// until delivered). SqliteDeliveryQueue keeps both in the session database (migration v2), so
// nothing acknowledged or queued is lost on restart. Implementations are thread-safe.
#ifndef BOT_CORE_DELIVERY_QUEUE_H_
#define BOT_CORE_DELIVERY_QUEUE_H_

#include <cstdint>
#include <string>
#include <vector>

#include "core/error.h"

namespace bot {

struct InboxItem {
  int64_t id = 0;
  std::string dedupe_key, kind, payload;  // kind: command, event, interaction
};

struct OutboxItem {
  int64_t id = 0;
  std::string kind;    // slack_api, response_url, webhook
  std::string target;  // Slack API method, or URL
  std::string body;    // JSON
  int attempts = 0;
  int64_t next_attempt_ms = 0;
  std::string last_error;
  bool operator==(const OutboxItem& o) const {
    return id == o.id && kind == o.kind && target == o.target && body == o.body &&
           attempts == o.attempts && next_attempt_ms == o.next_attempt_ms &&
           last_error == o.last_error;
  }
};

class DeliveryQueue {
 public:
  virtual ~DeliveryQueue() = default;
  // Durable when it returns no error. *duplicate is set when the key was seen before (a Slack
  // retry); the item is then not added again.
  virtual MaybeError AddInbound(const InboxItem& item, int64_t now_ms, bool* duplicate) = 0;
  // Oldest unprocessed first.
  virtual std::vector<InboxItem> PendingInbound(int limit) = 0;
  // Keeps the row (for de-duplication) but never returns it again.
  virtual MaybeError FinishInbound(int64_t id) = 0;

  virtual MaybeError Enqueue(const OutboxItem& item) = 0;
  // Undelivered items whose next attempt is due, oldest first.
  virtual std::vector<OutboxItem> DueOutbound(int64_t now_ms, int limit) = 0;
  virtual MaybeError MarkSent(int64_t id) = 0;
  // Counts an attempt; `give_up` parks the item as dead (kept for inspection).
  virtual MaybeError MarkFailed(int64_t id, int64_t next_attempt_ms, const std::string& error,
                                bool give_up) = 0;
  // Earliest next_attempt_ms of an undelivered item, or -1 when none.
  virtual int64_t NextDueMs() = 0;
  // Forgets processed inbox rows received before `before_ms` and delivered outbox items last due
  // before it. Unprocessed, undelivered and dead items stay.
  virtual MaybeError Prune(int64_t before_ms) = 0;
};

}  // namespace bot

#endif  // BOT_CORE_DELIVERY_QUEUE_H_
