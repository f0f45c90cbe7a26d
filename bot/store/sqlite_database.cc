#include "store/sqlite_database.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <filesystem>

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
      {
          // Optimistic versioning: a commit names the version it was computed from.
          "ALTER TABLE sessions ADD COLUMN version INTEGER NOT NULL DEFAULT 1",
          // Completion webhooks carry a stable id; one per id is ever queued (NULLs are distinct).
          "ALTER TABLE outbox ADD COLUMN delivery_id TEXT",
          "CREATE UNIQUE INDEX outbox_by_delivery_id ON outbox(delivery_id)",
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

std::unique_ptr<SqliteDatabase> SqliteDatabase::Open(const std::string& path, int connections,
                                                     std::string* error) {
  std::unique_ptr<SqliteDatabase> database(new SqliteDatabase());
  try {
    const std::filesystem::path parent = std::filesystem::path(path).parent_path();
    if (!parent.empty()) std::filesystem::create_directories(parent);
    for (int i = 0; i < std::max(1, connections); ++i) {
      database->all_.push_back(Connect(path));
      if (i == 0) Migrate(*database->all_[0]);
      database->free_.push_back(database->all_.back().get());
    }
  } catch (const std::exception& e) {
    *error = "cannot open the database " + path + ": " + e.what();
    return nullptr;
  }
  return database;
}

SqliteDatabase::~SqliteDatabase() = default;

SqliteDatabase::Lease::~Lease() {
  if (db_) database_->Release(db_);
}

SqliteDatabase::Lease SqliteDatabase::Acquire() {
  std::unique_lock<std::mutex> l(mu_);
  cv_.wait(l, [&] { return !free_.empty(); });
  SQLite::Database* db = free_.back();
  free_.pop_back();
  return Lease(this, db);
}

void SqliteDatabase::Release(SQLite::Database* db) {
  {
    std::lock_guard<std::mutex> l(mu_);
    free_.push_back(db);
  }
  cv_.notify_one();
}

}  // namespace bot
