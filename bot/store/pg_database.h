// PgDatabase: a PostgreSQL database reached through libpq, shared by PgStore and PgDeliveryQueue:
// versioned schema migrations at Open (under an advisory lock, so replicas starting together
// migrate once), and a small pool of connections created as needed, each checked and reconnected
// when leased, so the process survives a database restart. Thread-safe. Errors are values: kStorage
// for a failed statement, kUnavailable while the database cannot be reached.
#ifndef BOT_STORE_PG_DATABASE_H_
#define BOT_STORE_PG_DATABASE_H_

#include <condition_variable>
#include <cstdint>
#include <initializer_list>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"

struct pg_conn;
struct pg_result;

namespace bot {

// One statement's rows, as text (libpq's text format); owns the PGresult.
class PgResult {
 public:
  PgResult() = default;
  explicit PgResult(pg_result* result);
  int rows() const;
  // Rows changed by an INSERT, UPDATE or DELETE.
  int64_t affected() const;
  std::string Text(int row, int column) const;
  int64_t Int(int row, int column) const;

 private:
  friend class PgConnection;
  struct Clear {
    void operator()(pg_result* r) const;
  };
  std::unique_ptr<pg_result, Clear> result_;
};

// A statement parameter: text, a number, or NULL.
struct PgParam {
  std::optional<std::string> value;
  PgParam(std::nullptr_t) {}  // NOLINT: NULL
  PgParam(const char* v) : value(v) {}  // NOLINT
  PgParam(const std::string& v) : value(v) {}  // NOLINT
  PgParam(int64_t v) : value(std::to_string(v)) {}  // NOLINT
  PgParam(int v) : value(std::to_string(v)) {}  // NOLINT
};

// One connection; not thread-safe (a lease gives it to one thread at a time).
class PgConnection {
 public:
  // A new connection, or nullptr and *error when the database cannot be reached.
  static std::unique_ptr<PgConnection> Connect(const std::string& url, std::string* error);
  ~PgConnection();

  // Runs one statement with $1.. bound to `params`. kUnavailable when the connection is lost,
  // kStorage for any other failure; the server's text goes to the log.
  MaybeError Exec(const char* sql, std::initializer_list<PgParam> params = {},
                  PgResult* result = nullptr);
  // Reconnects when the connection was lost; false when the database is still unreachable.
  bool EnsureOpen();
  // True when the last statement failed because the connection was lost and it was the first one
  // since the lease: nothing reached the database, so the work may be run again on a new connection.
  bool LostBeforeWork() const { return lost_before_work_; }

 private:
  friend class PgDatabase;
  explicit PgConnection(pg_conn* conn) : conn_(conn) {}
  pg_conn* conn_;
  int statements_ = 0;  // since the lease
  bool lost_before_work_ = false;
};

// BEGIN on construction; ROLLBACK on destruction unless Commit succeeded.
class PgTransaction {
 public:
  PgTransaction(PgConnection& connection, MaybeError* begin_error);
  ~PgTransaction();
  MaybeError Commit();

 private:
  PgConnection& connection_;
  bool open_ = false;
};

// The error every caller sees while the database cannot be reached.
Error DatabaseUnavailable();

class PgDatabase {
 public:
  // Connects once and migrates. nullptr and *error when the database cannot be reached or migrated.
  static std::unique_ptr<PgDatabase> Open(const std::string& url, int connections,
                                          std::string* error);
  ~PgDatabase();

  // A connection from the pool, returned on destruction.
  class Lease {
   public:
    Lease() = default;
    Lease(Lease&& o) noexcept : database_(o.database_), connection_(o.connection_) {
      o.connection_ = nullptr;
    }
    Lease& operator=(Lease&& o) noexcept;
    ~Lease();
    PgConnection& operator*() const { return *connection_; }
    PgConnection* operator->() const { return connection_; }

   private:
    friend class PgDatabase;
    Lease(PgDatabase* database, PgConnection* connection)
        : database_(database), connection_(connection) {}
    PgDatabase* database_ = nullptr;
    PgConnection* connection_ = nullptr;
  };
  // Waits for a free connection (opening one while under the pool's size) and checks it is open,
  // reconnecting when needed; DatabaseUnavailable() when it cannot.
  MaybeError Acquire(Lease* lease);
  // Runs `work` on a leased connection. When the pooled connection turns out to have been lost
  // before `work` sent anything (the database restarted meanwhile), runs it again on another, which
  // is reopened if it was lost too: after a restart every pooled connection is found dead once.
  template <typename Work>
  MaybeError Run(Work&& work) {
    for (int attempt = 0;; ++attempt) {
      Lease lease;
      if (auto e = Acquire(&lease)) return e;
      MaybeError e = work(*lease);
      if (!e || attempt > size_ || !lease->LostBeforeWork()) return e;
    }
  }

 private:
  PgDatabase(std::string url, int size) : url_(std::move(url)), size_(size) {}
  void Release(PgConnection* connection);

  const std::string url_;
  const int size_;
  std::mutex mu_;
  std::condition_variable cv_;
  int opened_ = 0;  // connections open or being opened
  std::vector<std::unique_ptr<PgConnection>> all_;
  std::vector<PgConnection*> free_;
};

}  // namespace bot

#endif  // BOT_STORE_PG_DATABASE_H_
