// OpenStores: the database serve runs on. PostgreSQL when a database URL is given (DATABASE_URL or
// --database-url, postgresql://...), for several replicas on one database; otherwise the embedded
// SQLite file at --db. Both are a SessionStore and a DeliveryQueue on one database.
#ifndef BOT_CLI_OPEN_STORES_H_
#define BOT_CLI_OPEN_STORES_H_

#include <memory>
#include <string>

#include "core/delivery_queue.h"
#include "core/session_store.h"

namespace bot {

struct Stores {
  // Declared in this order so the queue, which uses the store's connections, goes first.
  std::unique_ptr<SessionStore> sessions;
  std::unique_ptr<DeliveryQueue> queue;
  std::string description;  // for the start-up line; never the URL's password
};

// Connections per process to PostgreSQL: requests wait for one rather than open more, so N
// replicas hold at most N times this (PostgreSQL's default max_connections is 100).
constexpr int kPgConnections = 8;

// True for a URL OpenStores hands to PostgreSQL.
bool IsPostgresUrl(const std::string& url);

// PostgreSQL at `database_url` when it is not empty, otherwise SQLite at `db_path` with one
// connection per worker thread. False and *error when the database cannot be opened or migrated.
bool OpenStores(const std::string& database_url, const std::string& db_path, int threads,
                Stores* stores, std::string* error);

}  // namespace bot

#endif  // BOT_CLI_OPEN_STORES_H_
