// MemoryStore: the in-memory SessionStore and DeliveryQueue of tests, with the same contract as
// SQLite's (versioned commits, one inbox mark, outbox de-duplication by delivery id), each Commit
// applied under one lock. It counts commits, records the outbox, and can be told to fail, so tests
// see what callers do with errors. Thread-safe.
#ifndef TESTS_FAKES_MEMORY_STORE_H_
#define TESTS_FAKES_MEMORY_STORE_H_

#include <map>
#include <mutex>
#include <set>

#include "core/delivery_queue.h"
#include "core/session_store.h"

namespace bot {

class MemoryStore : public SessionStore, public DeliveryQueue {
 public:
  MaybeError Commit(const TurnWrite& write) override;
  MaybeError Load(const std::string& id, Session* session) override;
  MaybeError LoadForTurn(const std::string& id, Session* session) override;
  MaybeError ListByClient(const std::string& client_id, int limit,
                          std::vector<Session>* sessions) override;
  MaybeError ActiveSlackSession(const std::string& slack_user, std::string* id) override;
  MaybeError AnswersTo(const std::string& question_id, int limit,
                       std::vector<std::string>* answers) override;
  MaybeError CountActive(int* count) override;
  MaybeError Check() override { return Fail(); }

  MaybeError AddInbound(const InboxItem& item, int64_t now_ms, bool* duplicate) override;
  MaybeError PendingInbound(int limit, std::vector<InboxItem>* items) override;
  MaybeError DueOutbound(int64_t now_ms, int limit, std::vector<OutboxItem>* items) override;
  MaybeError MarkSent(int64_t id) override;
  MaybeError MarkFailed(int64_t id, int64_t next_attempt_ms, const std::string& error,
                        bool give_up) override;
  MaybeError NextDueMs(int64_t* next_ms) override;
  MaybeError Prune(int64_t before_ms) override;

  // While set, every call fails with a storage error.
  void FailAll(bool fail) { std::lock_guard<std::mutex> l(mu_); fail_ = fail; }
  int commits() { std::lock_guard<std::mutex> l(mu_); return commits_; }
  // Every item ever queued, in order, with its status.
  std::vector<OutboxItem> Outbox() { std::lock_guard<std::mutex> l(mu_); return outbox_; }

 private:
  MaybeError Fail() const;

  std::mutex mu_;
  std::map<std::string, Session> sessions_;
  std::map<int64_t, InboxItem> inbox_;
  std::set<int64_t> inbox_done_;
  std::set<std::string> inbox_keys_;
  std::vector<OutboxItem> outbox_;
  std::set<int64_t> outbox_done_;
  bool fail_ = false;
  int commits_ = 0;
};

}  // namespace bot

#endif  // TESTS_FAKES_MEMORY_STORE_H_
