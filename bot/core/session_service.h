// SessionService: the one way a transport changes an interview. It runs each turn as load ->
// Interview::Handle -> one SessionStore::Commit (the session, the transport's reply, the completion
// notice when the turn finished the interview, the inbox delivery it answers) and returns the new
// messages as typed data. Turns on one session are serialised twice over: a striped mutex per
// session id within this process, and the store's versioned commit across processes; a turn that
// finds its copy stale is computed again from a fresh load, up to kMaxAttempts times. HTTP and Slack
// only translate requests to it and its answers back. Thread-safe.
#ifndef BOT_CORE_SESSION_SERVICE_H_
#define BOT_CORE_SESSION_SERVICE_H_

#include <array>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "core/completion_notice.h"
#include "core/interview.h"
#include "core/session_store.h"

namespace bot {

// What a turn gave: the session after it and the messages it added (the candidate's first).
struct Turn {
  Session session;
  std::vector<Message> fresh;
  double handle_seconds = 0;  // time in Interview::Handle (scoring), for metrics
};

// What a transport asks to be committed with a turn.
struct TurnOptions {
  // The Slack inbox delivery the turn answers, marked processed in the same commit.
  std::optional<int64_t> inbox_done;
  // The transport's check of the loaded session before the turn (a web client may not answer in
  // a Slack interview): its error ends the turn unchanged. Saves the transport a load of its own.
  std::function<MaybeError(const Session&)> admit;
  // The transport's reply to queue with the turn (Slack posts its own), built from the session
  // after the turn and the new messages. Called once per attempt.
  std::function<std::vector<OutboxItem>(const Session&, const std::vector<Message>&)> reply;
};

class SessionService {
 public:
  static constexpr int kMaxAttempts = 5;

  // `notice` may be null (no completion webhooks).
  SessionService(const Interview& interview, SessionStore& store, const CompletionNotice* notice)
      : interview_(interview), store_(store), notice_(notice) {}

  // A new session from `request`, committed with `options`.
  MaybeError Start(const StartRequest& request, const TurnOptions& options, Turn* turn);
  // Applies `input` to the session `id`.
  MaybeError Handle(const std::string& id, const Input& input, const TurnOptions& options, Turn* turn);
  // Commits outbox items (and the inbox mark) that change no session: a notice in answer to a
  // delivery, or nothing at all for one that needs no answer.
  MaybeError Reply(std::vector<OutboxItem> outbox, std::optional<int64_t> inbox_done);

  // Reads, straight from the store.
  MaybeError Load(const std::string& id, Session* session) { return store_.Load(id, session); }
  MaybeError ListByClient(const std::string& client_id, int limit, std::vector<Session>* sessions) {
    return store_.ListByClient(client_id, limit, sessions);
  }
  MaybeError ActiveSlackSession(const std::string& slack_user, std::string* id) {
    return store_.ActiveSlackSession(slack_user, id);
  }
  MaybeError CountActive(int* count) { return store_.CountActive(count); }
  MaybeError Check() { return store_.Check(); }

  const Interview& interview() const { return interview_; }
  const rubric::Bank& bank() const { return interview_.bank(); }

 private:
  // Commits the turn that took the stored `expected_version` to `after`: its new messages, the
  // transport's reply, and the completion notice when it finished the interview.
  MaybeError Commit(Session after, int first_new_seq, int64_t expected_version, bool was_finished,
                    const TurnOptions& options, Turn* turn);
  std::mutex& LockFor(const std::string& id);

  const Interview& interview_;
  SessionStore& store_;
  const CompletionNotice* notice_;
  std::array<std::mutex, 64> locks_;
};

}  // namespace bot

#endif  // BOT_CORE_SESSION_SERVICE_H_
