// SqliteDeliveryQueue: DeliveryQueue on the tables `inbox` and `outbox` of the session database
// (store/sqlite_database.cc), sharing SqliteStore's connections; SqliteStore::Commit writes the
// rows this reads. Thread-safe.
#ifndef BOT_STORE_SQLITE_DELIVERY_QUEUE_H_
#define BOT_STORE_SQLITE_DELIVERY_QUEUE_H_

#include <initializer_list>

#include "core/delivery_queue.h"
#include "store/sqlite_store.h"

namespace bot {

class SqliteDeliveryQueue : public DeliveryQueue {
 public:
  explicit SqliteDeliveryQueue(SqliteStore& store) : database_(store.database()) {}

  MaybeError AddInbound(const InboxItem& item, int64_t now_ms, bool* duplicate) override;
  MaybeError PendingInbound(int limit, std::vector<InboxItem>* items) override;
  MaybeError DueOutbound(int64_t now_ms, int limit, std::vector<OutboxItem>* items) override;
  MaybeError MarkSent(int64_t id) override;
  MaybeError MarkFailed(int64_t id, int64_t next_attempt_ms, const std::string& error,
                        bool give_up) override;
  MaybeError NextDueMs(int64_t* next_ms) override;
  MaybeError Prune(int64_t before_ms) override;

 private:
  // Runs each of `statements`, its one parameter bound to `value`, in one write transaction.
  MaybeError ExecEach(std::initializer_list<const char*> statements, int64_t value);

  SqliteDatabase& database_;
};

}  // namespace bot

#endif  // BOT_STORE_SQLITE_DELIVERY_QUEUE_H_
