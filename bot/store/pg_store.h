// PgStore: the SessionStore on PostgreSQL (store/pg_database.h), for several replicas sharing one
// database. Commit is one transaction: the session row updated WHERE version = expected (a
// concurrent turn on another replica waits for the row lock, then finds the version moved and is
// refused as a conflict, which the session service re-applies), messages appended, the inbox row
// marked WHERE NOT done, outbox rows inserted ON CONFLICT (delivery_id) DO NOTHING. Thread-safe.
#ifndef BOT_STORE_PG_STORE_H_
#define BOT_STORE_PG_STORE_H_

#include <memory>
#include <string>
#include <vector>

#include "core/session_store.h"
#include "store/pg_database.h"

namespace bot {

class PgStore : public SessionStore {
 public:
  // Connects to `url` (a libpq URL, postgresql://...) and migrates; the pool holds up to
  // `connections`. nullptr and *error when the database cannot be reached or migrated.
  static std::unique_ptr<PgStore> Open(const std::string& url, int connections, std::string* error);

  MaybeError Commit(const TurnWrite& write) override;
  MaybeError Load(const std::string& id, Session* session) override;
  MaybeError LoadForTurn(const std::string& id, Session* session) override;
  MaybeError ListByClient(const std::string& client_id, int limit,
                          std::vector<Session>* sessions) override;
  MaybeError ActiveSlackSession(const std::string& slack_user, std::string* id) override;
  MaybeError AnswersTo(const std::string& question_id, int limit,
                       std::vector<std::string>* answers) override;
  MaybeError CountActive(int* count) override;
  MaybeError Check() override;

  // The pool, shared with PgDeliveryQueue.
  PgDatabase& database() { return *database_; }

 private:
  explicit PgStore(std::unique_ptr<PgDatabase> database) : database_(std::move(database)) {}

  std::unique_ptr<PgDatabase> database_;
};

}  // namespace bot

#endif  // BOT_STORE_PG_STORE_H_
