// DeliveryQueue: the durable inbox (Slack deliveries acknowledged but not yet processed, unique by
// a dedupe key such as the event_id) and outbox (posts to Slack and webhooks, retried with backoff
// until delivered). Items enter the outbox, and leave the inbox, only through SessionStore::Commit,
// in the same transaction as the session change they belong to; this interface is the rest: taking
// deliveries in and working the outbox off. An implementation shares its database with the
// SessionStore it goes with (store/sqlite_delivery_queue.h), so nothing acknowledged or queued is
// lost on restart. Implementations are thread-safe; errors are values, never an empty answer.
#ifndef BOT_CORE_DELIVERY_QUEUE_H_
#define BOT_CORE_DELIVERY_QUEUE_H_

#include <cstdint>
#include <string>
#include <vector>

#include "core/error.h"

namespace bot {

// Written as brace lists in tests ({0, "webhook", url, body}): every member has a default.
struct InboxItem {
  int64_t id = 0;
  std::string dedupe_key{}, kind{}, payload{};  // kind: command, event, interaction
};

struct OutboxItem {
  int64_t id = 0;
  std::string kind{};    // slack_api, response_url, slack_webhook, webhook
  std::string target{};  // Slack API method, or URL
  std::string body{};    // JSON
  int attempts = 0;
  int64_t next_attempt_ms = 0;
  std::string last_error{};
  // Stable across retries and replicas, sent with the delivery so receivers can de-duplicate
  // ("interview.completed:{session}:{url index}"); an item whose id is already queued is not queued
  // again. "" for posts that need none (Slack replies).
  std::string delivery_id{};
  bool operator==(const OutboxItem& o) const {
    return id == o.id && kind == o.kind && target == o.target && body == o.body &&
           attempts == o.attempts && next_attempt_ms == o.next_attempt_ms &&
           last_error == o.last_error && delivery_id == o.delivery_id;
  }
};

class DeliveryQueue {
 public:
  virtual ~DeliveryQueue() = default;
  // Durable when it returns no error. *duplicate is set when the key was seen before (a Slack
  // retry); the item is then not added again.
  virtual MaybeError AddInbound(const InboxItem& item, int64_t now_ms, bool* duplicate) = 0;
  // Unprocessed deliveries, oldest first, at most `limit`. Commit's inbox_done processes one.
  virtual MaybeError PendingInbound(int limit, std::vector<InboxItem>* items) = 0;

  // Undelivered items whose next attempt is due, oldest first. A queue that several processes share
  // (PostgreSQL) claims what it returns for a lease: nobody else gets an item until MarkSent or
  // MarkFailed settles it, or the lease runs out (its holder died).
  virtual MaybeError DueOutbound(int64_t now_ms, int limit, std::vector<OutboxItem>* items) = 0;
  virtual MaybeError MarkSent(int64_t id) = 0;
  // Counts an attempt; `give_up` parks the item as dead (kept for inspection).
  virtual MaybeError MarkFailed(int64_t id, int64_t next_attempt_ms, const std::string& error,
                                bool give_up) = 0;
  // Earliest next_attempt_ms of an undelivered item, or -1 when none.
  virtual MaybeError NextDueMs(int64_t* next_ms) = 0;
  // Forgets processed inbox rows received before `before_ms` and delivered outbox items last due
  // before it. Unprocessed, undelivered and dead items stay.
  virtual MaybeError Prune(int64_t before_ms) = 0;
};

}  // namespace bot

#endif  // BOT_CORE_DELIVERY_QUEUE_H_
