#include "store/sqlite_delivery_queue.h"

#include <SQLiteCpp/SQLiteCpp.h>

namespace bot {

MaybeError SqliteDeliveryQueue::ExecEach(std::initializer_list<const char*> statements,
                                         int64_t value) {
  try {
    std::lock_guard<std::mutex> writing(database_.write_mutex());
    auto db = database_.Acquire();
    SQLite::Transaction tx(*db, SQLite::TransactionBehavior::IMMEDIATE);
    for (const char* sql : statements) {
      SQLite::Statement statement(*db, sql);
      statement.bind(1, value);
      statement.exec();
    }
    tx.commit();
    return std::nullopt;
  } catch (const std::exception& e) {
    return StorageError(e.what());
  }
}

MaybeError SqliteDeliveryQueue::AddInbound(const InboxItem& item, int64_t now_ms, bool* duplicate) {
  try {
    std::lock_guard<std::mutex> writing(database_.write_mutex());
    auto db = database_.Acquire();
    SQLite::Statement insert(*db,
                             "INSERT INTO inbox (dedupe_key, kind, payload, received_ms, done) "
                             "VALUES (?, ?, ?, ?, 0) ON CONFLICT(dedupe_key) DO NOTHING");
    insert.bind(1, item.dedupe_key);
    insert.bind(2, item.kind);
    insert.bind(3, item.payload);
    insert.bind(4, static_cast<int64_t>(now_ms));
    *duplicate = insert.exec() == 0;
    return std::nullopt;
  } catch (const std::exception& e) {
    return StorageError(e.what());
  }
}

MaybeError SqliteDeliveryQueue::PendingInbound(int limit, std::vector<InboxItem>* items) {
  try {
    auto db = database_.Acquire();
    SQLite::Statement select(*db,
                             "SELECT id, dedupe_key, kind, payload FROM inbox WHERE done = 0 "
                             "ORDER BY id LIMIT ?");
    select.bind(1, limit);
    std::vector<InboxItem> out;
    while (select.executeStep()) {
      out.push_back({select.getColumn(0).getInt64(), select.getColumn(1).getString(),
                     select.getColumn(2).getString(), select.getColumn(3).getString()});
    }
    *items = std::move(out);
    return std::nullopt;
  } catch (const std::exception& e) {
    return StorageError(e.what());
  }
}

MaybeError SqliteDeliveryQueue::DueOutbound(int64_t now_ms, int limit, std::vector<OutboxItem>* items) {
  try {
    auto db = database_.Acquire();
    SQLite::Statement select(*db,
                             "SELECT id, kind, target, body, attempts, next_attempt_ms, last_error, "
                             "COALESCE(delivery_id, '') FROM outbox WHERE status = 'pending' AND "
                             "next_attempt_ms <= ? ORDER BY id LIMIT ?");
    select.bind(1, static_cast<int64_t>(now_ms));
    select.bind(2, limit);
    std::vector<OutboxItem> out;
    while (select.executeStep()) {
      OutboxItem item;
      item.id = select.getColumn(0).getInt64();
      item.kind = select.getColumn(1).getString();
      item.target = select.getColumn(2).getString();
      item.body = select.getColumn(3).getString();
      item.attempts = select.getColumn(4).getInt();
      item.next_attempt_ms = select.getColumn(5).getInt64();
      item.last_error = select.getColumn(6).getString();
      item.delivery_id = select.getColumn(7).getString();
      out.push_back(std::move(item));
    }
    *items = std::move(out);
    return std::nullopt;
  } catch (const std::exception& e) {
    return StorageError(e.what());
  }
}

MaybeError SqliteDeliveryQueue::MarkSent(int64_t id) {
  return ExecEach({"UPDATE outbox SET status = 'sent', attempts = attempts + 1 WHERE id = ?"}, id);
}

MaybeError SqliteDeliveryQueue::MarkFailed(int64_t id, int64_t next_attempt_ms,
                                           const std::string& error, bool give_up) {
  try {
    std::lock_guard<std::mutex> writing(database_.write_mutex());
    auto db = database_.Acquire();
    SQLite::Statement update(*db,
                             "UPDATE outbox SET attempts = attempts + 1, next_attempt_ms = ?, "
                             "last_error = ?, status = ? WHERE id = ?");
    update.bind(1, static_cast<int64_t>(next_attempt_ms));
    update.bind(2, error);
    update.bind(3, give_up ? "dead" : "pending");
    update.bind(4, static_cast<int64_t>(id));
    update.exec();
    return std::nullopt;
  } catch (const std::exception& e) {
    return StorageError(e.what());
  }
}

MaybeError SqliteDeliveryQueue::NextDueMs(int64_t* next_ms) {
  try {
    auto db = database_.Acquire();
    *next_ms = db->execAndGet("SELECT COALESCE(MIN(next_attempt_ms), -1) FROM outbox WHERE "
                              "status = 'pending'")
                   .getInt64();
    return std::nullopt;
  } catch (const std::exception& e) {
    return StorageError(e.what());
  }
}

MaybeError SqliteDeliveryQueue::Prune(int64_t before_ms) {
  return ExecEach({"DELETE FROM inbox WHERE done = 1 AND received_ms < ?",
                   "DELETE FROM outbox WHERE status = 'sent' AND next_attempt_ms < ?"},
                  before_ms);
}

}  // namespace bot
