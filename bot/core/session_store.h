// SessionStore: where sessions and their messages live. One interface, a SQLite implementation
// (sqlite_store.h) and an in-memory fake (memory_store.h). Implementations are thread-safe; the
// caller serialises updates of one session (see SessionLocks).
#ifndef BOT_CORE_SESSION_STORE_H_
#define BOT_CORE_SESSION_STORE_H_

#include <string>
#include <vector>

#include "core/error.h"
#include "core/session.h"

namespace bot {

class SessionStore {
 public:
  virtual ~SessionStore() = default;

  // Writes the session document and appends its messages with seq >= first_new_seq, atomically:
  // when it returns no error, all of it is durable.
  virtual MaybeError Save(const Session& session, int first_new_seq) = 0;
  // Loads a session with all its messages; 404 unknown_session when there is none.
  virtual MaybeError Load(const std::string& id, Session* session) = 0;
  // The client's sessions, newest first, without their messages.
  virtual std::vector<Session> ListByClient(const std::string& client_id, int limit) = 0;
  // The id of the Slack user's unfinished session, or "".
  virtual std::string ActiveSlackSession(const std::string& slack_user) = 0;
  // The main answers (not follow-ups) candidates gave to the question `question_id`, newest session
  // first, at most `limit`; skipped questions have none.
  virtual std::vector<std::string> AnswersTo(const std::string& question_id, int limit) = 0;
  // Sessions not finished.
  virtual int CountActive() = 0;
  // Health: an error when the store cannot be read.
  virtual MaybeError Check() = 0;
};

}  // namespace bot

#endif  // BOT_CORE_SESSION_STORE_H_
