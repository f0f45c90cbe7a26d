// SqliteDeliveryQueue: DeliveryQueue on the tables `inbox` and `outbox` of the session database
// (migration v2 in sqlite_store.cc), sharing SqliteStore's connections. Thread-safe.
#ifndef BOT_STORE_SQLITE_DELIVERY_QUEUE_H_
#define BOT_STORE_SQLITE_DELIVERY_QUEUE_H_

#include <initializer_list>

#include "core/delivery_queue.h"
#include "store/sqlite_store.h"

namespace bot {

class SqliteDeliveryQueue : public DeliveryQueue {
 public:
  explicit SqliteDeliveryQueue(SqliteStore& store) : store_(store) {}

  MaybeError AddInbound(const InboxItem& item, int64_t now_ms, bool* duplicate) override;
  std::vector<InboxItem> PendingInbound(int limit) override;
  MaybeError FinishInbound(int64_t id) override;
  MaybeError Enqueue(const OutboxItem& item) override;
  std::vector<OutboxItem> DueOutbound(int64_t now_ms, int limit) override;
  MaybeError MarkSent(int64_t id) override;
  MaybeError MarkFailed(int64_t id, int64_t next_attempt_ms, const std::string& error,
                        bool give_up) override;
  int64_t NextDueMs() override;
  MaybeError Prune(int64_t before_ms) override;

 private:
  // Runs each of `statements`, its one parameter bound to `value`, on one connection.
  MaybeError ExecEach(std::initializer_list<const char*> statements, int64_t value);

  SqliteStore& store_;
};

}  // namespace bot

#endif  // BOT_STORE_SQLITE_DELIVERY_QUEUE_H_
