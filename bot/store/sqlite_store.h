// SqliteStore: the SessionStore on an embedded SQLite file (store/sqlite_database.h). Commit is one
// IMMEDIATE transaction: the session row's version is checked and bumped, new messages appended,
// the inbox row marked and outbox rows inserted together. Thread-safe. SQLiteCpp's exceptions stop
// here and become storage Errors; their text goes to the log only.
#ifndef BOT_STORE_SQLITE_STORE_H_
#define BOT_STORE_SQLITE_STORE_H_

#include <memory>
#include <string>
#include <vector>

#include "core/session_store.h"
#include "store/sqlite_database.h"

namespace bot {

class SqliteStore : public SessionStore {
 public:
  // Opens (creating the file and its directory when missing) and migrates. nullptr and *error set
  // when the database cannot be opened or migrated.
  static std::unique_ptr<SqliteStore> Open(const std::string& path, int connections,
                                           std::string* error);

  MaybeError Commit(const TurnWrite& write) override;
  MaybeError Load(const std::string& id, Session* session) override;
  MaybeError ListByClient(const std::string& client_id, int limit,
                          std::vector<Session>* sessions) override;
  MaybeError ActiveSlackSession(const std::string& slack_user, std::string* id) override;
  MaybeError AnswersTo(const std::string& question_id, int limit,
                       std::vector<std::string>* answers) override;
  MaybeError CountActive(int* count) override;
  MaybeError Check() override;

  // The file's connections, shared with SqliteDeliveryQueue.
  SqliteDatabase& database() { return *database_; }

 private:
  explicit SqliteStore(std::unique_ptr<SqliteDatabase> database) : database_(std::move(database)) {}

  std::unique_ptr<SqliteDatabase> database_;
};

}  // namespace bot

#endif  // BOT_STORE_SQLITE_STORE_H_
