#include "store/pg_database.h"

#include <libpq-fe.h>

#include <algorithm>
#include <cstdlib>
#include <iostream>

namespace bot {
namespace {

// Each entry moves the schema one version up; never edit a released entry, append a new one. The
// same tables as SQLite's (store/sqlite_database.cc) at its latest version, plus the outbox claim.
const std::vector<std::vector<const char*>>& Migrations() {
  static const std::vector<std::vector<const char*>> migrations = {
      {
          "CREATE TABLE sessions (id TEXT PRIMARY KEY, client_id TEXT NOT NULL, "
          "slack_user TEXT NOT NULL, state TEXT NOT NULL, created_ms BIGINT NOT NULL, "
          "updated_ms BIGINT NOT NULL, version BIGINT NOT NULL, doc TEXT NOT NULL)",
          "CREATE INDEX sessions_by_client ON sessions(client_id, created_ms)",
          "CREATE INDEX sessions_by_slack_user ON sessions(slack_user, state)",
          "CREATE TABLE messages (session_id TEXT NOT NULL REFERENCES sessions(id), "
          "seq INTEGER NOT NULL, doc TEXT NOT NULL, PRIMARY KEY (session_id, seq))",
          // Slack deliveries, committed before the 200 ack; the unique key recognises a retry on
          // any replica.
          "CREATE TABLE inbox (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, "
          "dedupe_key TEXT NOT NULL UNIQUE, kind TEXT NOT NULL, payload TEXT NOT NULL, "
          "received_ms BIGINT NOT NULL, done BOOLEAN NOT NULL)",
          "CREATE INDEX inbox_pending ON inbox(done, id)",
          // claimed_until_ms: the replica that took an item for delivery holds it until then; a
          // crashed replica's claims lapse and another delivers.
          "CREATE TABLE outbox (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, "
          "kind TEXT NOT NULL, target TEXT NOT NULL, body TEXT NOT NULL, attempts INTEGER NOT NULL, "
          "next_attempt_ms BIGINT NOT NULL, last_error TEXT NOT NULL, status TEXT NOT NULL, "
          "delivery_id TEXT UNIQUE, claimed_until_ms BIGINT NOT NULL DEFAULT 0)",
          "CREATE INDEX outbox_due ON outbox(status, next_attempt_ms)",
      },
  };
  return migrations;
}

// Any constant: replicas starting together take turns to migrate.
constexpr int64_t kMigrationLock = 0x696e746276;

MaybeError Migrate(PgConnection& c) {
  MaybeError e;
  PgTransaction tx(c, &e);
  if (e) return e;
  if ((e = c.Exec("SELECT pg_advisory_xact_lock($1)", {kMigrationLock}))) return e;
  if ((e = c.Exec("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
                  "applied_ms BIGINT NOT NULL)"))) {
    return e;
  }
  PgResult current;
  if ((e = c.Exec("SELECT COALESCE(MAX(version), 0) FROM schema_migrations", {}, &current))) return e;
  const auto& migrations = Migrations();
  for (size_t v = current.Int(0, 0); v < migrations.size(); ++v) {
    for (const char* sql : migrations[v]) {
      if ((e = c.Exec(sql))) return e;
    }
    if ((e = c.Exec("INSERT INTO schema_migrations VALUES ($1, "
                    "(EXTRACT(EPOCH FROM now()) * 1000)::BIGINT)",
                    {static_cast<int>(v + 1)}))) {
      return e;
    }
  }
  return tx.Commit();
}

}  // namespace

Error DatabaseUnavailable() {
  return Error{ErrorKind::kUnavailable, "database_unavailable",
               "the database cannot be reached; try again shortly", ""};
}

PgResult::PgResult(pg_result* result) : result_(result) {}
void PgResult::Clear::operator()(pg_result* r) const { PQclear(r); }
int PgResult::rows() const { return result_ ? PQntuples(result_.get()) : 0; }
int64_t PgResult::affected() const {
  return result_ ? std::strtoll(PQcmdTuples(result_.get()), nullptr, 10) : 0;
}
std::string PgResult::Text(int row, int column) const {
  return PQgetvalue(result_.get(), row, column);
}
int64_t PgResult::Int(int row, int column) const {
  return std::strtoll(PQgetvalue(result_.get(), row, column), nullptr, 10);
}

std::unique_ptr<PgConnection> PgConnection::Connect(const std::string& url, std::string* error) {
  // Keywords later in the list win: a connect_timeout in the URL overrides this default.
  const char* keywords[] = {"connect_timeout", "dbname", nullptr};
  const char* values[] = {"5", url.c_str(), nullptr};
  pg_conn* conn = PQconnectdbParams(keywords, values, 1);
  if (PQstatus(conn) != CONNECTION_OK) {
    *error = PQerrorMessage(conn);
    while (!error->empty() && error->back() == '\n') error->pop_back();
    PQfinish(conn);
    return nullptr;
  }
  // The server's notices ("relation ... already exists, skipping") are not errors; libpq would print
  // each to stderr.
  PQsetNoticeProcessor(conn, [](void*, const char*) {}, nullptr);
  return std::unique_ptr<PgConnection>(new PgConnection(conn));
}

PgConnection::~PgConnection() { PQfinish(conn_); }

bool PgConnection::EnsureOpen() {
  if (PQstatus(conn_) == CONNECTION_OK) return true;
  PQreset(conn_);
  return PQstatus(conn_) == CONNECTION_OK;
}

MaybeError PgConnection::Exec(const char* sql, std::initializer_list<PgParam> params,
                              PgResult* result) {
  std::vector<const char*> values;
  for (const auto& p : params) values.push_back(p.value ? p.value->c_str() : nullptr);
  const bool first = statements_++ == 0;
  lost_before_work_ = false;
  PgResult r(PQexecParams(conn_, sql, static_cast<int>(values.size()), nullptr, values.data(),
                          nullptr, nullptr, 0));
  const auto status = PQresultStatus(r.result_.get());
  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) {
    if (result) *result = std::move(r);
    return std::nullopt;
  }
  if (PQstatus(conn_) != CONNECTION_OK) {
    lost_before_work_ = first;
    std::cerr << "interview-bot: database connection lost: " << PQerrorMessage(conn_);
    return DatabaseUnavailable();
  }
  return StorageError(PQerrorMessage(conn_));
}

PgTransaction::PgTransaction(PgConnection& connection, MaybeError* begin_error)
    : connection_(connection) {
  *begin_error = connection_.Exec("BEGIN");
  open_ = !*begin_error;
}

PgTransaction::~PgTransaction() {
  if (open_) connection_.Exec("ROLLBACK");
}

MaybeError PgTransaction::Commit() {
  open_ = false;
  return connection_.Exec("COMMIT");
}

std::unique_ptr<PgDatabase> PgDatabase::Open(const std::string& url, int connections,
                                             std::string* error) {
  std::unique_ptr<PgDatabase> database(new PgDatabase(url, std::max(1, connections)));
  auto first = PgConnection::Connect(url, error);
  if (!first) {
    *error = "cannot reach the database: " + *error;
    return nullptr;
  }
  if (auto e = Migrate(*first)) {
    *error = "cannot migrate the database: " + e->message;
    return nullptr;
  }
  database->free_.push_back(first.get());
  database->all_.push_back(std::move(first));
  database->opened_ = 1;
  return database;
}

PgDatabase::~PgDatabase() = default;

PgDatabase::Lease& PgDatabase::Lease::operator=(Lease&& o) noexcept {
  if (connection_) database_->Release(connection_);
  database_ = o.database_;
  connection_ = o.connection_;
  o.connection_ = nullptr;
  return *this;
}

PgDatabase::Lease::~Lease() {
  if (connection_) database_->Release(connection_);
}

MaybeError PgDatabase::Acquire(Lease* lease) {
  PgConnection* connection = nullptr;
  {
    std::unique_lock<std::mutex> l(mu_);
    cv_.wait(l, [&] { return !free_.empty() || opened_ < size_; });
    if (!free_.empty()) {
      connection = free_.back();
      free_.pop_back();
    } else {
      ++opened_;  // this slot is ours; connect without holding the pool
    }
  }
  if (!connection) {
    std::string error;
    auto opened = PgConnection::Connect(url_, &error);
    std::lock_guard<std::mutex> l(mu_);
    if (!opened) {
      --opened_;
      cv_.notify_one();
      std::cerr << "interview-bot: cannot reach the database: " << error << "\n";
      return DatabaseUnavailable();
    }
    connection = opened.get();
    all_.push_back(std::move(opened));
  }
  Lease leased(this, connection);
  connection->statements_ = 0;
  if (!connection->EnsureOpen()) return DatabaseUnavailable();
  *lease = std::move(leased);
  return std::nullopt;
}

void PgDatabase::Release(PgConnection* connection) {
  {
    std::lock_guard<std::mutex> l(mu_);
    free_.push_back(connection);
  }
  cv_.notify_one();
}

}  // namespace bot
