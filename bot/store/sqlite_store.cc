#include "store/sqlite_store.h"

#include <SQLiteCpp/SQLiteCpp.h>

namespace bot {
namespace {

// A session row's document and version, as a Session without messages.
MaybeError ReadSession(SQLite::Statement& select, Session* session) {
  const auto doc = nlohmann::json::parse(select.getColumn(0).getString(), nullptr, false);
  if (auto e = SessionFromDoc(doc, session)) return StorageError(e->message);
  session->version = select.getColumn(1).getInt64();
  return std::nullopt;
}

// The session row and the seq of its last message, in one statement (one snapshot).
MaybeError ReadSessionHead(SQLite::Database& db, const std::string& id, Session* session) {
  SQLite::Statement select(db,
                           "SELECT doc, version, (SELECT COALESCE(MAX(seq), 0) FROM messages "
                           "WHERE session_id = sessions.id) FROM sessions WHERE id = ?");
  select.bind(1, id);
  if (!select.executeStep()) return UnknownSession();
  if (auto e = ReadSession(select, session)) return e;
  session->last_seq = select.getColumn(2).getInt();
  return std::nullopt;
}

// The session row and its new messages; a VersionConflict when the row is not at the version the
// turn was computed from.
MaybeError WriteSession(SQLite::Database& db, const Session& s, int first_new_seq,
                        int64_t expected_version) {
  const std::string doc = SessionDocToJson(s).dump();
  SQLite::Statement write(
      db, expected_version == 0
              ? "INSERT INTO sessions (state, updated_ms, doc, id, client_id, slack_user, "
                "created_ms, version) VALUES (?, ?, ?, ?, ?, ?, ?, 1) ON CONFLICT(id) DO NOTHING"
              : "UPDATE sessions SET state = ?, updated_ms = ?, doc = ?, version = version + 1 "
                "WHERE id = ? AND version = ?");
  write.bind(1, ToString(s.state));
  write.bind(2, static_cast<int64_t>(s.updated_ms));
  write.bind(3, doc);
  write.bind(4, s.id);
  if (expected_version == 0) {
    write.bind(5, s.client_id);
    write.bind(6, s.slack_user);
    write.bind(7, static_cast<int64_t>(s.created_ms));
  } else {
    write.bind(5, static_cast<int64_t>(expected_version));
  }
  if (write.exec() == 0) return VersionConflict(s.id, expected_version);
  SQLite::Statement insert(db, "INSERT INTO messages (session_id, seq, doc) VALUES (?, ?, ?)");
  for (const auto& m : s.messages) {
    if (m.seq < first_new_seq) continue;
    insert.bind(1, s.id);
    insert.bind(2, m.seq);
    insert.bind(3, MessageToJson(m).dump());
    insert.exec();
    insert.reset();
  }
  return std::nullopt;
}

void Enqueue(SQLite::Database& db, const std::vector<OutboxItem>& items) {
  SQLite::Statement insert(db,
                           "INSERT INTO outbox (kind, target, body, attempts, next_attempt_ms, "
                           "last_error, status, delivery_id) VALUES (?, ?, ?, 0, ?, '', 'pending', ?) "
                           "ON CONFLICT(delivery_id) DO NOTHING");
  for (const auto& item : items) {
    insert.bind(1, item.kind);
    insert.bind(2, item.target);
    insert.bind(3, item.body);
    insert.bind(4, static_cast<int64_t>(item.next_attempt_ms));
    if (item.delivery_id.empty()) {
      insert.bind(5);  // NULL: no de-duplication
    } else {
      insert.bind(5, item.delivery_id);
    }
    insert.exec();
    insert.reset();
  }
}

// One turn's rows, without a transaction of its own.
MaybeError Apply(SQLite::Database& db, const TurnWrite& w) {
  if (w.session) {
    if (auto e = WriteSession(db, *w.session, w.first_new_seq, w.expected_version)) return e;
  }
  if (w.inbox_done) {
    SQLite::Statement done(db, "UPDATE inbox SET done = 1 WHERE id = ? AND done = 0");
    done.bind(1, static_cast<int64_t>(*w.inbox_done));
    if (done.exec() == 0) return AlreadyProcessed(*w.inbox_done);
  }
  Enqueue(db, w.outbox);
  return std::nullopt;
}

}  // namespace

std::unique_ptr<SqliteStore> SqliteStore::Open(const std::string& path, int connections,
                                               std::string* error) {
  auto database = SqliteDatabase::Open(path, connections, error);
  if (!database) return nullptr;
  return std::unique_ptr<SqliteStore>(new SqliteStore(std::move(database)));
}

MaybeError SqliteStore::Commit(const TurnWrite& w) {
  Queued mine{&w};
  std::unique_lock<std::mutex> l(queue_mu_);
  queue_.push_back(&mine);
  // Whoever finds no batch being written writes everything queued so far, its own turn included;
  // the others wait, and their turns ride in that batch or the next.
  while (!mine.done) {
    if (writing_) {
      committed_.wait(l);
      continue;
    }
    writing_ = true;
    std::vector<Queued*> batch;
    batch.swap(queue_);
    l.unlock();
    CommitBatch(batch);
    l.lock();
    ++transactions_;
    for (Queued* q : batch) q->done = true;
    writing_ = false;
    committed_.notify_all();
  }
  return mine.result;
}

int SqliteStore::queued_turns() {
  std::lock_guard<std::mutex> l(queue_mu_);
  return static_cast<int>(queue_.size());
}

int64_t SqliteStore::transactions() {
  std::lock_guard<std::mutex> l(queue_mu_);
  return transactions_;
}

void SqliteStore::CommitBatch(const std::vector<Queued*>& batch) {
  try {
    std::lock_guard<std::mutex> writing(database_->write_mutex());
    auto db = database_->Acquire();
    // Any exception leaves the transaction uncommitted: its destructor rolls all of it back.
    SQLite::Transaction tx(*db, SQLite::TransactionBehavior::IMMEDIATE);
    for (Queued* q : batch) {
      db->exec("SAVEPOINT turn");
      try {
        q->result = Apply(*db, *q->write);
      } catch (const std::exception& e) {
        q->result = StorageError(e.what());
      }
      if (q->result) db->exec("ROLLBACK TO turn");
      db->exec("RELEASE turn");
    }
    tx.commit();
  } catch (const std::exception& e) {
    const Error failed = StorageError(e.what());
    for (Queued* q : batch) {
      if (!q->result) q->result = failed;
    }
  }
}

MaybeError SqliteStore::Load(const std::string& id, Session* session) {
  try {
    auto db = database_->Acquire();
    Session s;
    if (auto e = ReadSessionHead(*db, id, &s)) return e;
    SQLite::Statement messages(*db, "SELECT doc FROM messages WHERE session_id = ? ORDER BY seq");
    messages.bind(1, id);
    while (messages.executeStep()) {
      Message m;
      const auto doc = nlohmann::json::parse(messages.getColumn(0).getString(), nullptr, false);
      if (auto e = MessageFromJson(doc, &m)) return StorageError(e->message);
      s.messages.push_back(std::move(m));
    }
    *session = std::move(s);
    return std::nullopt;
  } catch (const std::exception& e) {
    return StorageError(e.what());
  }
}

MaybeError SqliteStore::LoadForTurn(const std::string& id, Session* session) {
  try {
    auto db = database_->Acquire();
    Session s;
    if (auto e = ReadSessionHead(*db, id, &s)) return e;
    *session = std::move(s);
    return std::nullopt;
  } catch (const std::exception& e) {
    return StorageError(e.what());
  }
}

MaybeError SqliteStore::ListByClient(const std::string& client_id, int limit,
                                     std::vector<Session>* sessions) {
  try {
    auto db = database_->Acquire();
    SQLite::Statement select(*db,
                             "SELECT doc, version FROM sessions WHERE client_id = ? "
                             "ORDER BY created_ms DESC LIMIT ?");
    select.bind(1, client_id);
    select.bind(2, limit);
    std::vector<Session> out;
    while (select.executeStep()) {
      out.emplace_back();
      if (auto e = ReadSession(select, &out.back())) return e;
    }
    *sessions = std::move(out);
    return std::nullopt;
  } catch (const std::exception& e) {
    return StorageError(e.what());
  }
}

MaybeError SqliteStore::ActiveSlackSession(const std::string& slack_user, std::string* id) {
  try {
    auto db = database_->Acquire();
    SQLite::Statement select(*db,
                             "SELECT id FROM sessions WHERE slack_user = ? AND state != 'finished' "
                             "ORDER BY created_ms DESC LIMIT 1");
    select.bind(1, slack_user);
    *id = select.executeStep() ? select.getColumn(0).getString() : "";
    return std::nullopt;
  } catch (const std::exception& e) {
    return StorageError(e.what());
  }
}

MaybeError SqliteStore::AnswersTo(const std::string& question_id, int limit,
                                  std::vector<std::string>* answers) {
  try {
    auto db = database_->Acquire();
    SQLite::Statement select(*db,
                             "SELECT json_extract(q.value, '$.answer') FROM sessions, "
                             "json_each(sessions.doc, '$.questions') AS q "
                             "WHERE json_extract(q.value, '$.id') = ? "
                             "AND json_extract(q.value, '$.answer') != '' "
                             "ORDER BY sessions.created_ms DESC, sessions.id, q.key LIMIT ?");
    select.bind(1, question_id);
    select.bind(2, limit);
    std::vector<std::string> out;
    while (select.executeStep()) out.push_back(select.getColumn(0).getString());
    *answers = std::move(out);
    return std::nullopt;
  } catch (const std::exception& e) {
    return StorageError(e.what());
  }
}

MaybeError SqliteStore::CountActive(int* count) {
  try {
    auto db = database_->Acquire();
    *count = db->execAndGet("SELECT COUNT(*) FROM sessions WHERE state != 'finished'").getInt();
    return std::nullopt;
  } catch (const std::exception& e) {
    return StorageError(e.what());
  }
}

MaybeError SqliteStore::Check() {
  try {
    auto db = database_->Acquire();
    // A real write that changes no value: it takes the write lock and appends to the WAL, so a
    // read-only, locked or full database fails here, not only on the next interview's turn.
    SQLite::Transaction tx(*db, SQLite::TransactionBehavior::IMMEDIATE);
    db->exec("UPDATE schema_migrations SET applied_ms = applied_ms "
             "WHERE version = (SELECT MAX(version) FROM schema_migrations)");
    tx.commit();
    return std::nullopt;
  } catch (const std::exception& e) {
    return StorageError(e.what());
  }
}

}  // namespace bot
