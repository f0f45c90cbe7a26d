// MemoryStore: the in-memory SessionStore for tests. Thread-safe. It records how many saves it
// took, and can be told to fail, so tests see what callers do with errors.
#ifndef TESTS_FAKES_MEMORY_STORE_H_
#define TESTS_FAKES_MEMORY_STORE_H_

#include <map>
#include <mutex>

#include "core/session_store.h"

namespace bot {

class MemoryStore : public SessionStore {
 public:
  MaybeError Save(const Session& session, int first_new_seq) override;
  MaybeError Load(const std::string& id, Session* session) override;
  std::vector<Session> ListByClient(const std::string& client_id, int limit) override;
  std::string ActiveSlackSession(const std::string& slack_user) override;
  std::vector<std::string> AnswersTo(const std::string& question_id, int limit) override;
  int CountActive() override;
  MaybeError Check() override { return std::nullopt; }

  void FailSaves(bool fail) { std::lock_guard<std::mutex> l(mu_); fail_saves_ = fail; }
  int saves() { std::lock_guard<std::mutex> l(mu_); return saves_; }

 private:
  std::mutex mu_;
  std::map<std::string, Session> sessions_;
  bool fail_saves_ = false;
  int saves_ = 0;
};

}  // namespace bot

#endif  // TESTS_FAKES_MEMORY_STORE_H_
