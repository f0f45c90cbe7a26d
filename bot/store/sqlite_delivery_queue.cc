#include "store/sqlite_delivery_queue.h"

#include <SQLiteCpp/SQLiteCpp.h>

namespace bot {

MaybeError SqliteDeliveryQueue::ExecEach(std::initializer_list<const char*> statements,
                                         int64_t value) {
  try {
    auto db = store_.Acquire();
    for (const char* sql : statements) {
      SQLite::Statement statement(*db, sql);
      statement.bind(1, value);
      statement.exec();
    }
    return std::nullopt;
  } catch (const std::exception& e) {
    return StorageError(e.what());
  }
}

MaybeError SqliteDeliveryQueue::AddInbound(const InboxItem& item, int64_t now_ms, bool* duplicate) {
  try {
    auto db = store_.Acquire();
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

std::vector<InboxItem> SqliteDeliveryQueue::PendingInbound(int limit) {
  std::vector<InboxItem> items;
  try {
    auto db = store_.Acquire();
    SQLite::Statement select(*db,
                             "SELECT id, dedupe_key, kind, payload FROM inbox WHERE done = 0 "
                             "ORDER BY id LIMIT ?");
    select.bind(1, limit);
    while (select.executeStep()) {
      items.push_back({select.getColumn(0).getInt64(), select.getColumn(1).getString(),
                       select.getColumn(2).getString(), select.getColumn(3).getString()});
    }
  } catch (const std::exception& e) {
    StorageError(e.what());
  }
  return items;
}

MaybeError SqliteDeliveryQueue::FinishInbound(int64_t id) {
  return ExecEach({"UPDATE inbox SET done = 1 WHERE id = ?"}, id);
}

MaybeError SqliteDeliveryQueue::Enqueue(const OutboxItem& item) {
  try {
    auto db = store_.Acquire();
    SQLite::Statement insert(*db,
                             "INSERT INTO outbox (kind, target, body, attempts, next_attempt_ms, "
                             "last_error, status) VALUES (?, ?, ?, 0, ?, '', 'pending')");
    insert.bind(1, item.kind);
    insert.bind(2, item.target);
    insert.bind(3, item.body);
    insert.bind(4, static_cast<int64_t>(item.next_attempt_ms));
    insert.exec();
    return std::nullopt;
  } catch (const std::exception& e) {
    return StorageError(e.what());
  }
}

std::vector<OutboxItem> SqliteDeliveryQueue::DueOutbound(int64_t now_ms, int limit) {
  std::vector<OutboxItem> items;
  try {
    auto db = store_.Acquire();
    SQLite::Statement select(*db,
                             "SELECT id, kind, target, body, attempts, next_attempt_ms, last_error "
                             "FROM outbox WHERE status = 'pending' AND next_attempt_ms <= ? "
                             "ORDER BY id LIMIT ?");
    select.bind(1, static_cast<int64_t>(now_ms));
    select.bind(2, limit);
    while (select.executeStep()) {
      OutboxItem item;
      item.id = select.getColumn(0).getInt64();
      item.kind = select.getColumn(1).getString();
      item.target = select.getColumn(2).getString();
      item.body = select.getColumn(3).getString();
      item.attempts = select.getColumn(4).getInt();
      item.next_attempt_ms = select.getColumn(5).getInt64();
      item.last_error = select.getColumn(6).getString();
      items.push_back(std::move(item));
    }
  } catch (const std::exception& e) {
    StorageError(e.what());
  }
  return items;
}

MaybeError SqliteDeliveryQueue::MarkSent(int64_t id) {
  return ExecEach({"UPDATE outbox SET status = 'sent', attempts = attempts + 1 WHERE id = ?"}, id);
}

MaybeError SqliteDeliveryQueue::MarkFailed(int64_t id, int64_t next_attempt_ms,
                                           const std::string& error, bool give_up) {
  try {
    auto db = store_.Acquire();
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

int64_t SqliteDeliveryQueue::NextDueMs() {
  try {
    auto db = store_.Acquire();
    SQLite::Statement select(*db,
                             "SELECT COALESCE(MIN(next_attempt_ms), -1) FROM outbox WHERE status = "
                             "'pending'");
    select.executeStep();
    return select.getColumn(0).getInt64();
  } catch (const std::exception& e) {
    StorageError(e.what());
    return -1;
  }
}

MaybeError SqliteDeliveryQueue::Prune(int64_t before_ms) {
  return ExecEach({"DELETE FROM inbox WHERE done = 1 AND received_ms < ?",
                   "DELETE FROM outbox WHERE status = 'sent' AND next_attempt_ms < ?"},
                  before_ms);
}

}  // namespace bot
