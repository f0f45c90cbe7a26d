// SessionStore: where sessions and their messages live, and the one write of a turn. Commit applies
// a TurnWrite (the session change, the outbox items it causes, the inbox delivery it answers) in one
// transaction, with optimistic versioning: several processes may share one database, and a turn
// computed from a stale copy is refused instead of overwriting another's. Implementations: SQLite
// (store/sqlite_store.h), PostgreSQL (store/pg_store.h) and an in-memory fake (tests/fakes/memory_store.h); a new database is a new
// implementation of this and of DeliveryQueue on the same database. Thread-safe; errors are values.
#ifndef BOT_CORE_SESSION_STORE_H_
#define BOT_CORE_SESSION_STORE_H_

#include <optional>
#include <string>
#include <vector>

#include "core/delivery_queue.h"
#include "core/error.h"
#include "core/session.h"

namespace bot {

// Everything one turn writes. Written as a brace list ({&session} stores a new session): every
// member has a default.
struct TurnWrite {
  // The session after the turn, or null when the turn changes none (a Slack notice).
  const Session* session = nullptr;
  // Messages with seq >= this are new: appended, never rewritten.
  int first_new_seq = 1;
  // The version the turn was computed from: the stored one must still be it. 0: a new session,
  // which must not exist yet. After a commit the stored version is expected_version + 1.
  int64_t expected_version = 0;
  // Posts caused by the turn: replies to Slack, completion webhooks.
  std::vector<OutboxItem> outbox{};
  // The inbox delivery this turn answers, marked processed with it: a delivery is applied once.
  std::optional<int64_t> inbox_done{};
};

class SessionStore {
 public:
  virtual ~SessionStore() = default;

  // Applies all of `write` atomically, or none of it: when it returns no error, all of it is
  // durable. Errors: kConflict when the stored version is not expected_version (the session changed
  // meanwhile, or already exists); kDuplicate when the inbox delivery was already processed;
  // kStorage when the database failed. Outbox items whose delivery_id is already queued are skipped.
  virtual MaybeError Commit(const TurnWrite& write) = 0;
  // A session with all its messages and its stored version; kNotFound unknown_session when none.
  virtual MaybeError Load(const std::string& id, Session* session) = 0;
  // What a turn needs: as Load, but without the stored messages (`messages` empty, `last_seq` set).
  // A turn reads none of them, and they are most of a session's bytes (each score's result).
  virtual MaybeError LoadForTurn(const std::string& id, Session* session) = 0;
  // The client's sessions, newest first, without their messages.
  virtual MaybeError ListByClient(const std::string& client_id, int limit,
                                  std::vector<Session>* sessions) = 0;
  // The id of the Slack user's unfinished session, or "" when there is none.
  virtual MaybeError ActiveSlackSession(const std::string& slack_user, std::string* id) = 0;
  // The main answers (not follow-ups) candidates gave to the question `question_id`, newest session
  // first, at most `limit`; skipped questions have none.
  virtual MaybeError AnswersTo(const std::string& question_id, int limit,
                               std::vector<std::string>* answers) = 0;
  // Sessions not finished.
  virtual MaybeError CountActive(int* count) = 0;
  // Health: an error when the store does not accept a write (a cheap write that changes nothing).
  virtual MaybeError Check() = 0;
};

// The errors every implementation returns, with the same texts: Load's kNotFound, Commit's
// kConflict and kDuplicate.
Error UnknownSession();
Error VersionConflict(const std::string& session_id, int64_t expected_version);
Error AlreadyProcessed(int64_t inbox_id);

}  // namespace bot

#endif  // BOT_CORE_SESSION_STORE_H_
