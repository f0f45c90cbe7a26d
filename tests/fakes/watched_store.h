// WatchedStore: a SessionStore that forwards to another and watches the turns on each session: from
// a thread's Load (or LoadForTurn) of a session to its next Commit. A Load while another thread's
// turn on the same session is open is an overlap: two turns computing from the same state at once.
// Each Load holds its turn open a little longer so that overlaps, were turns not serialised, would
// show; and a hook runs before each Commit so tests can slip in a competing write. For tests whose
// turns all end in a Commit (a turn that fails stays open until its thread's next Load).
// Thread-safe.
#ifndef TESTS_FAKES_WATCHED_STORE_H_
#define TESTS_FAKES_WATCHED_STORE_H_

#include <chrono>
#include <functional>
#include <map>
#include <mutex>
#include <thread>

#include "core/session_store.h"

namespace bot {

class WatchedStore : public SessionStore {
 public:
  WatchedStore(SessionStore& inner, std::chrono::milliseconds hold) : inner_(inner), hold_(hold) {}

  // Runs before each Commit is forwarded (not under any lock of this class).
  void BeforeCommit(std::function<void(const TurnWrite&)> hook) { before_commit_ = std::move(hook); }
  int overlaps() const { std::lock_guard<std::mutex> l(mu_); return overlaps_; }
  int conflicts() const { std::lock_guard<std::mutex> l(mu_); return conflicts_; }

  MaybeError Commit(const TurnWrite& write) override {
    if (before_commit_) before_commit_(write);
    MaybeError e = inner_.Commit(write);
    std::lock_guard<std::mutex> l(mu_);
    if (e && e->kind == ErrorKind::kConflict) ++conflicts_;
    if (write.session) open_.erase(std::this_thread::get_id());
    return e;
  }
  MaybeError Load(const std::string& id, Session* session) override {
    Open(id);
    return inner_.Load(id, session);
  }
  MaybeError LoadForTurn(const std::string& id, Session* session) override {
    Open(id);
    return inner_.LoadForTurn(id, session);
  }
  MaybeError ListByClient(const std::string& client_id, int limit,
                          std::vector<Session>* sessions) override {
    return inner_.ListByClient(client_id, limit, sessions);
  }
  MaybeError ActiveSlackSession(const std::string& slack_user, std::string* id) override {
    return inner_.ActiveSlackSession(slack_user, id);
  }
  MaybeError AnswersTo(const std::string& question_id, int limit,
                       std::vector<std::string>* answers) override {
    return inner_.AnswersTo(question_id, limit, answers);
  }
  MaybeError CountActive(int* count) override { return inner_.CountActive(count); }
  MaybeError Check() override { return inner_.Check(); }

 private:
  // Opens this thread's turn on `id`, counting an overlap with another thread's open turn on it.
  void Open(const std::string& id) {
    {
      std::lock_guard<std::mutex> l(mu_);
      for (const auto& [thread, session_id] : open_) {
        if (session_id == id && thread != std::this_thread::get_id()) ++overlaps_;
      }
      open_[std::this_thread::get_id()] = id;
    }
    std::this_thread::sleep_for(hold_);
  }
  SessionStore& inner_;
  const std::chrono::milliseconds hold_;
  std::function<void(const TurnWrite&)> before_commit_;
  mutable std::mutex mu_;
  std::map<std::thread::id, std::string> open_;  // each thread's open turn: its session id
  int overlaps_ = 0, conflicts_ = 0;
};

}  // namespace bot

#endif  // TESTS_FAKES_WATCHED_STORE_H_
