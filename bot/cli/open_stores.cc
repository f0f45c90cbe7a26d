#include "cli/open_stores.h"

#include <algorithm>

#include "store/pg_delivery_queue.h"
#include "store/pg_store.h"
#include "store/sqlite_delivery_queue.h"
#include "store/sqlite_store.h"

namespace bot {

bool IsPostgresUrl(const std::string& url) {
  return url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0;
}

bool OpenStores(const std::string& database_url, const std::string& db_path, int threads,
                Stores* stores, std::string* error) {
  if (!database_url.empty()) {
    auto pg = PgStore::Open(database_url, std::min(threads, kPgConnections), error);
    if (!pg) return false;
    stores->queue = std::make_unique<PgDeliveryQueue>(*pg);
    stores->sessions = std::move(pg);
    stores->description = "PostgreSQL (DATABASE_URL)";
    return true;
  }
  auto sqlite = SqliteStore::Open(db_path, threads, error);
  if (!sqlite) return false;
  stores->queue = std::make_unique<SqliteDeliveryQueue>(*sqlite);
  stores->sessions = std::move(sqlite);
  stores->description = db_path;
  return true;
}

}  // namespace bot
