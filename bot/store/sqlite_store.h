// SqliteStore: the SessionStore on an embedded SQLite file (SQLiteCpp). Versioned schema
// migrations run at Open; WAL with synchronous=FULL, so a save that returned is durable; a busy
// timeout; a guarded pool of connections, one per concurrent caller. Thread-safe. SQLiteCpp's
// exceptions stop here and become Errors.
#ifndef BOT_STORE_SQLITE_STORE_H_
#define BOT_STORE_SQLITE_STORE_H_

#include <condition_variable>
#include <memory>
#include <mutex>
#include <vector>

#include "core/session_store.h"

namespace SQLite {
class Database;
}

namespace bot {

class SqliteStore : public SessionStore {
 public:
  // Opens (creating the file and its directory when missing) and migrates. nullptr and *error set
  // when the database cannot be opened or migrated.
  static std::unique_ptr<SqliteStore> Open(const std::string& path, int connections,
                                           std::string* error);
  ~SqliteStore() override;

  MaybeError Save(const Session& session, int first_new_seq) override;
  MaybeError Load(const std::string& id, Session* session) override;
  std::vector<Session> ListByClient(const std::string& client_id, int limit) override;
  std::string ActiveSlackSession(const std::string& slack_user) override;
  std::vector<std::string> AnswersTo(const std::string& question_id, int limit) override;
  int CountActive() override;
  MaybeError Check() override;

  // The schema version after migrations.
  int SchemaVersion();

  // A connection from the pool, returned on destruction. Public for the Slack tables' code.
  class Lease {
   public:
    Lease(SqliteStore* store, SQLite::Database* db) : store_(store), db_(db) {}
    Lease(Lease&& o) noexcept : store_(o.store_), db_(o.db_) { o.db_ = nullptr; }
    ~Lease();
    SQLite::Database& operator*() const { return *db_; }
    SQLite::Database* operator->() const { return db_; }

   private:
    SqliteStore* store_;
    SQLite::Database* db_;
  };
  Lease Acquire();

 private:
  SqliteStore() = default;
  void Release(SQLite::Database* db);

  std::vector<std::unique_ptr<SQLite::Database>> all_;
  std::vector<SQLite::Database*> free_;
  std::mutex mu_;
  std::condition_variable cv_;
  // Writers take turns here rather than in SQLite's busy handler, which sleeps up to 100 ms
  // between tries and turns write contention into second-long tails.
  std::mutex write_mu_;
};

// The storage error callers see; the exception text goes to the log, never to clients.
Error StorageError(const char* what);

}  // namespace bot

#endif  // BOT_STORE_SQLITE_STORE_H_
