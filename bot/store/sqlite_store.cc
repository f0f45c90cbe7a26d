#include "store/sqlite_store.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <filesystem>
#include <iostream>

namespace bot {
namespace {

// Each entry moves the schema one version up; never edit a released entry, append a new one.
const std::vector<std::vector<const char*>>& Migrations() {
  static const std::vector<std::vector<const char*>> migrations = {
      {
          "CREATE TABLE sessions (id TEXT PRIMARY KEY, client_id TEXT NOT NULL, "
          "slack_user TEXT NOT NULL, state TEXT NOT NULL, created_ms INTEGER NOT NULL, "
          "updated_ms INTEGER NOT NULL, doc TEXT NOT NULL)",
          "CREATE INDEX sessions_by_client ON sessions(client_id, created_ms)",
          "CREATE INDEX sessions_by_slack_user ON sessions(slack_user, state)",
          "CREATE TABLE messages (session_id TEXT NOT NULL REFERENCES sessions(id), "
          "seq INTEGER NOT NULL, doc TEXT NOT NULL, PRIMARY KEY (session_id, seq)) WITHOUT ROWID",
      },
      {
          // Slack deliveries, committed before the 200 ack; rows stay after processing so a retry
          // of the same event_id is recognised even after a restart.
          "CREATE TABLE inbox (id INTEGER PRIMARY KEY AUTOINCREMENT, dedupe_key TEXT NOT NULL "
          "UNIQUE, kind TEXT NOT NULL, payload TEXT NOT NULL, received_ms INTEGER NOT NULL, "
          "done INTEGER NOT NULL)",
          "CREATE INDEX inbox_pending ON inbox(done, id)",
          // Posts to Slack and completion webhooks, retried with backoff until delivered.
          "CREATE TABLE outbox (id INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL, "
          "target TEXT NOT NULL, body TEXT NOT NULL, attempts INTEGER NOT NULL, "
          "next_attempt_ms INTEGER NOT NULL, last_error TEXT NOT NULL, status TEXT NOT NULL)",
          "CREATE INDEX outbox_due ON outbox(status, next_attempt_ms)",
      },
  };
  return migrations;
}

void Migrate(SQLite::Database& db) {
  db.exec("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
          "applied_ms INTEGER NOT NULL)");
  SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
  int version = db.execAndGet("SELECT COALESCE(MAX(version), 0) FROM schema_migrations").getInt();
  const auto& migrations = Migrations();
  for (size_t v = version; v < migrations.size(); ++v) {
    for (const char* sql : migrations[v]) db.exec(sql);
    SQLite::Statement insert(db,
                             "INSERT INTO schema_migrations VALUES (?, CAST(strftime('%s','now') "
                             "AS INTEGER) * 1000)");
    insert.bind(1, static_cast<int>(v + 1));
    insert.exec();
  }
  tx.commit();
}

constexpr int kPageCacheKiB = 512;

std::unique_ptr<SQLite::Database> Connect(const std::string& path) {
  auto db = std::make_unique<SQLite::Database>(
      path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE | SQLite::OPEN_FULLMUTEX, 5000);
  db->exec("PRAGMA journal_mode=WAL");
  db->exec("PRAGMA synchronous=FULL");
  db->exec("PRAGMA foreign_keys=ON");
  // The pool holds one connection per worker thread; at SQLite's default 2 MB page cache each, a
  // pool of 72 may hold 144 MB, filling slowly as rarely leased connections touch new pages. The
  // OS page cache holds the file anyway, so a small cache per connection costs little.
  db->exec("PRAGMA cache_size=-" + std::to_string(kPageCacheKiB));
  return db;
}

}  // namespace

Error StorageError(const char* what) {
  std::cerr << "interview-bot: storage error: " << what << "\n";
  return Error{500, "storage", "the database could not complete the request; try again", ""};
}

std::unique_ptr<SqliteStore> SqliteStore::Open(const std::string& path, int connections,
                                               std::string* error) {
  std::unique_ptr<SqliteStore> store(new SqliteStore());
  try {
    const std::filesystem::path parent = std::filesystem::path(path).parent_path();
    if (!parent.empty()) std::filesystem::create_directories(parent);
    for (int i = 0; i < std::max(1, connections); ++i) {
      store->all_.push_back(Connect(path));
      if (i == 0) Migrate(*store->all_[0]);
      store->free_.push_back(store->all_.back().get());
    }
  } catch (const std::exception& e) {
    *error = "cannot open the database " + path + ": " + e.what();
    return nullptr;
  }
  return store;
}

SqliteStore::~SqliteStore() = default;

SqliteStore::Lease::~Lease() {
  if (db_) store_->Release(db_);
}

SqliteStore::Lease SqliteStore::Acquire() {
  std::unique_lock<std::mutex> l(mu_);
  cv_.wait(l, [&] { return !free_.empty(); });
  SQLite::Database* db = free_.back();
  free_.pop_back();
  return Lease(this, db);
}

void SqliteStore::Release(SQLite::Database* db) {
  {
    std::lock_guard<std::mutex> l(mu_);
    free_.push_back(db);
  }
  cv_.notify_one();
}

MaybeError SqliteStore::Save(const Session& s, int first_new_seq) {
  try {
    std::lock_guard<std::mutex> writing(write_mu_);
    Lease db = Acquire();
    SQLite::Transaction tx(*db, SQLite::TransactionBehavior::IMMEDIATE);
    SQLite::Statement upsert(*db,
                             "INSERT INTO sessions VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO "
                             "UPDATE SET state = excluded.state, updated_ms = excluded.updated_ms, "
                             "doc = excluded.doc");
    upsert.bind(1, s.id);
    upsert.bind(2, s.client_id);
    upsert.bind(3, s.slack_user);
    upsert.bind(4, s.state);
    upsert.bind(5, static_cast<int64_t>(s.created_ms));
    upsert.bind(6, static_cast<int64_t>(s.updated_ms));
    upsert.bind(7, SessionDocToJson(s).dump());
    upsert.exec();
    SQLite::Statement insert(*db, "INSERT OR REPLACE INTO messages VALUES (?, ?, ?)");
    for (const auto& m : s.messages) {
      if (m.seq < first_new_seq) continue;
      insert.bind(1, s.id);
      insert.bind(2, m.seq);
      insert.bind(3, MessageToJson(m).dump());
      insert.exec();
      insert.reset();
    }
    tx.commit();
    return std::nullopt;
  } catch (const std::exception& e) {
    return StorageError(e.what());
  }
}

MaybeError SqliteStore::Load(const std::string& id, Session* session) {
  try {
    Lease db = Acquire();
    SQLite::Statement select(*db, "SELECT doc FROM sessions WHERE id = ?");
    select.bind(1, id);
    if (!select.executeStep()) return Error{404, "unknown_session", "no interview has this id", "id"};
    *session = SessionFromDoc(nlohmann::json::parse(select.getColumn(0).getString()));
    SQLite::Statement messages(*db, "SELECT doc FROM messages WHERE session_id = ? ORDER BY seq");
    messages.bind(1, id);
    while (messages.executeStep()) {
      session->messages.push_back(MessageFromJson(nlohmann::json::parse(messages.getColumn(0).getString())));
    }
    return std::nullopt;
  } catch (const std::exception& e) {
    return StorageError(e.what());
  }
}

std::vector<Session> SqliteStore::ListByClient(const std::string& client_id, int limit) {
  std::vector<Session> out;
  try {
    Lease db = Acquire();
    SQLite::Statement select(*db,
                             "SELECT doc FROM sessions WHERE client_id = ? ORDER BY created_ms DESC "
                             "LIMIT ?");
    select.bind(1, client_id);
    select.bind(2, limit);
    while (select.executeStep()) {
      out.push_back(SessionFromDoc(nlohmann::json::parse(select.getColumn(0).getString())));
    }
  } catch (const std::exception& e) {
    StorageError(e.what());
  }
  return out;
}

std::string SqliteStore::ActiveSlackSession(const std::string& slack_user) {
  try {
    Lease db = Acquire();
    SQLite::Statement select(*db,
                             "SELECT id FROM sessions WHERE slack_user = ? AND state != 'finished' "
                             "ORDER BY created_ms DESC LIMIT 1");
    select.bind(1, slack_user);
    if (select.executeStep()) return select.getColumn(0).getString();
  } catch (const std::exception& e) {
    StorageError(e.what());
  }
  return "";
}

std::vector<std::string> SqliteStore::AnswersTo(const std::string& question_id, int limit) {
  std::vector<std::string> out;
  try {
    Lease db = Acquire();
    SQLite::Statement select(*db,
                             "SELECT json_extract(q.value, '$.answer') FROM sessions, "
                             "json_each(sessions.doc, '$.questions') AS q "
                             "WHERE json_extract(q.value, '$.id') = ? "
                             "AND json_extract(q.value, '$.answer') != '' "
                             "ORDER BY sessions.created_ms DESC, sessions.id, q.key LIMIT ?");
    select.bind(1, question_id);
    select.bind(2, limit);
    while (select.executeStep()) out.push_back(select.getColumn(0).getString());
  } catch (const std::exception& e) {
    StorageError(e.what());
  }
  return out;
}

int SqliteStore::CountActive() {
  try {
    Lease db = Acquire();
    return db->execAndGet("SELECT COUNT(*) FROM sessions WHERE state != 'finished'").getInt();
  } catch (const std::exception& e) {
    StorageError(e.what());
    return -1;
  }
}

MaybeError SqliteStore::Check() {
  try {
    Lease db = Acquire();
    db->execAndGet("SELECT COUNT(*) FROM schema_migrations");
    return std::nullopt;
  } catch (const std::exception& e) {
    return StorageError(e.what());
  }
}

int SqliteStore::SchemaVersion() {
  Lease db = Acquire();
  return db->execAndGet("SELECT MAX(version) FROM schema_migrations").getInt();
}

}  // namespace bot
