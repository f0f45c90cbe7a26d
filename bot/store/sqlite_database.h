// SqliteDatabase: the embedded SQLite file that SqliteStore and SqliteDeliveryQueue share: versioned
// schema migrations run at Open; WAL with synchronous=FULL, so a commit that returned is durable; a
// busy timeout; a guarded pool of connections, one per concurrent caller; and one writer at a time.
// Thread-safe. SQLiteCpp's exceptions pass through; the store classes turn them into Errors.
#ifndef BOT_STORE_SQLITE_DATABASE_H_
#define BOT_STORE_SQLITE_DATABASE_H_

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace SQLite {
class Database;
}

namespace bot {

class SqliteDatabase {
 public:
  // Opens (creating the file and its directory when missing) and migrates. nullptr and *error set
  // when the database cannot be opened or migrated.
  static std::unique_ptr<SqliteDatabase> Open(const std::string& path, int connections,
                                              std::string* error);
  ~SqliteDatabase();

  // A connection from the pool, returned on destruction.
  class Lease {
   public:
    Lease(SqliteDatabase* database, SQLite::Database* db) : database_(database), db_(db) {}
    Lease(Lease&& o) noexcept : database_(o.database_), db_(o.db_) { o.db_ = nullptr; }
    ~Lease();
    SQLite::Database& operator*() const { return *db_; }
    SQLite::Database* operator->() const { return db_; }

   private:
    SqliteDatabase* database_;
    SQLite::Database* db_;
  };
  Lease Acquire();

  // Held by every write transaction: writers take turns here rather than in SQLite's busy handler,
  // which sleeps up to 100 ms between tries and turns write contention into second-long tails.
  std::mutex& write_mutex() { return write_mu_; }

 private:
  SqliteDatabase() = default;
  void Release(SQLite::Database* db);

  std::vector<std::unique_ptr<SQLite::Database>> all_;
  std::vector<SQLite::Database*> free_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::mutex write_mu_;
};

}  // namespace bot

#endif  // BOT_STORE_SQLITE_DATABASE_H_
