// SqliteStore: the SessionStore on an embedded SQLite file (store/sqlite_database.h). Each turn's
// write checks and bumps the session row's version, appends the new messages, marks the inbox row
// and inserts outbox rows together. Group commit: turns arriving while a commit is being written
// queue up, and the next writer commits all of them in one IMMEDIATE transaction (one fsync), each
// in a savepoint of its own so one turn's conflict undoes only that turn; no Commit returns before
// the transaction holding its turn is durable. Thread-safe. SQLiteCpp's exceptions stop here and
// become storage Errors; their text goes to the log only.
#ifndef BOT_STORE_SQLITE_STORE_H_
#define BOT_STORE_SQLITE_STORE_H_

#include <condition_variable>
#include <memory>
#include <mutex>
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
  MaybeError LoadForTurn(const std::string& id, Session* session) override;
  MaybeError ListByClient(const std::string& client_id, int limit,
                          std::vector<Session>* sessions) override;
  MaybeError ActiveSlackSession(const std::string& slack_user, std::string* id) override;
  MaybeError AnswersTo(const std::string& question_id, int limit,
                       std::vector<std::string>* answers) override;
  MaybeError CountActive(int* count) override;
  MaybeError Check() override;

  // Turns waiting for the writer, and write transactions Commit has made: with the count of turns,
  // how many turns share an fsync (tests and the benchmark read them).
  int queued_turns();
  int64_t transactions();

  // The file's connections, shared with SqliteDeliveryQueue.
  SqliteDatabase& database() { return *database_; }

 private:
  // A turn waiting for the writer, and its result once committed.
  struct Queued {
    const TurnWrite* write;
    MaybeError result{};
    bool done = false;
  };

  explicit SqliteStore(std::unique_ptr<SqliteDatabase> database) : database_(std::move(database)) {}
  // Writes `batch` in one transaction and sets each one's result.
  void CommitBatch(const std::vector<Queued*>& batch);

  std::unique_ptr<SqliteDatabase> database_;
  std::mutex queue_mu_;
  std::condition_variable committed_;
  std::vector<Queued*> queue_;  // waiting for the next batch
  bool writing_ = false;        // a batch is being written
  int64_t transactions_ = 0;
};

}  // namespace bot

#endif  // BOT_STORE_SQLITE_STORE_H_
