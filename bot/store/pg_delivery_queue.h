// PgDeliveryQueue: DeliveryQueue on the tables `inbox` and `outbox` of PgStore's database, for
// several replicas at once. Slack retries are recognised on any replica by the inbox's unique
// dedupe_key. DueOutbound claims what it returns (FOR UPDATE SKIP LOCKED, so replicas polling
// together take different items) for kOutboxLeaseMs: MarkSent or MarkFailed settles an item, and a
// crashed replica's claims lapse so another delivers them. Thread-safe.
#ifndef BOT_STORE_PG_DELIVERY_QUEUE_H_
#define BOT_STORE_PG_DELIVERY_QUEUE_H_

#include "core/delivery_queue.h"
#include "store/pg_store.h"

namespace bot {

// Longer than any delivery takes (the poster's timeouts are seconds), short enough that a crashed
// replica's replies go out within a minute.
constexpr int64_t kOutboxLeaseMs = 60000;

class PgDeliveryQueue : public DeliveryQueue {
 public:
  explicit PgDeliveryQueue(PgStore& store) : database_(store.database()) {}

  MaybeError AddInbound(const InboxItem& item, int64_t now_ms, bool* duplicate) override;
  MaybeError PendingInbound(int limit, std::vector<InboxItem>* items) override;
  MaybeError DueOutbound(int64_t now_ms, int limit, std::vector<OutboxItem>* items) override;
  MaybeError MarkSent(int64_t id) override;
  MaybeError MarkFailed(int64_t id, int64_t next_attempt_ms, const std::string& error,
                        bool give_up) override;
  MaybeError NextDueMs(int64_t* next_ms) override;
  MaybeError Prune(int64_t before_ms) override;

 private:
  PgDatabase& database_;
};

}  // namespace bot

#endif  // BOT_STORE_PG_DELIVERY_QUEUE_H_
