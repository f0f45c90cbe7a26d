#include "fakes/memory_store.h"

#include <algorithm>

namespace bot {

MaybeError MemoryStore::Fail() const {
  if (fail_) return Error{ErrorKind::kStorage, "storage", "the memory store was told to fail", ""};
  return std::nullopt;
}

MaybeError MemoryStore::Commit(const TurnWrite& w) {
  std::lock_guard<std::mutex> l(mu_);
  if (auto e = Fail()) return e;
  if (w.session) {
    auto it = sessions_.find(w.session->id);
    const int64_t stored = it == sessions_.end() ? 0 : it->second.version;
    if (stored != w.expected_version) return VersionConflict(w.session->id, w.expected_version);
  }
  if (w.inbox_done && (!inbox_.count(*w.inbox_done) || inbox_done_.count(*w.inbox_done))) {
    return AlreadyProcessed(*w.inbox_done);
  }
  // Checked first, applied now: all of the write or none of it.
  if (w.session) {
    Session& stored = sessions_[w.session->id];
    std::vector<Message> messages = std::move(stored.messages);
    for (const auto& m : w.session->messages) {
      if (m.seq >= w.first_new_seq) messages.push_back(m);
    }
    stored = *w.session;
    stored.messages = std::move(messages);
    stored.version = w.expected_version + 1;
  }
  if (w.inbox_done) inbox_done_.insert(*w.inbox_done);
  for (const auto& item : w.outbox) {
    const bool queued = !item.delivery_id.empty() &&
                        std::any_of(outbox_.begin(), outbox_.end(), [&](const OutboxItem& o) {
                          return o.delivery_id == item.delivery_id;
                        });
    if (queued) continue;
    outbox_.push_back(item);
    outbox_.back().id = static_cast<int64_t>(outbox_.size());
  }
  ++commits_;
  return std::nullopt;
}

MaybeError MemoryStore::Load(const std::string& id, Session* session) {
  std::lock_guard<std::mutex> l(mu_);
  if (auto e = Fail()) return e;
  auto it = sessions_.find(id);
  if (it == sessions_.end()) return UnknownSession();
  *session = it->second;
  session->last_seq = session->messages.empty() ? 0 : session->messages.back().seq;
  return std::nullopt;
}

MaybeError MemoryStore::LoadForTurn(const std::string& id, Session* session) {
  if (auto e = Load(id, session)) return e;
  session->messages.clear();
  return std::nullopt;
}

MaybeError MemoryStore::ListByClient(const std::string& client_id, int limit,
                                     std::vector<Session>* sessions) {
  std::lock_guard<std::mutex> l(mu_);
  if (auto e = Fail()) return e;
  std::vector<Session> out;
  for (const auto& [id, s] : sessions_) {
    if (s.client_id == client_id) {
      out.push_back(s);
      out.back().messages.clear();
    }
  }
  std::sort(out.begin(), out.end(),
            [](const Session& a, const Session& b) { return a.created_ms > b.created_ms; });
  if (static_cast<int>(out.size()) > limit) out.resize(limit);
  *sessions = std::move(out);
  return std::nullopt;
}

MaybeError MemoryStore::ActiveSlackSession(const std::string& slack_user, std::string* id) {
  std::lock_guard<std::mutex> l(mu_);
  if (auto e = Fail()) return e;
  id->clear();
  int64_t newest = -1;
  for (const auto& [session_id, s] : sessions_) {
    if (s.slack_user == slack_user && s.state != SessionState::kFinished && s.created_ms > newest) {
      *id = session_id;
      newest = s.created_ms;
    }
  }
  return std::nullopt;
}

MaybeError MemoryStore::AnswersTo(const std::string& question_id, int limit,
                                  std::vector<std::string>* answers) {
  std::lock_guard<std::mutex> l(mu_);
  if (auto e = Fail()) return e;
  std::vector<const Session*> newest_first;
  for (const auto& [id, s] : sessions_) newest_first.push_back(&s);
  std::stable_sort(newest_first.begin(), newest_first.end(),
                   [](const Session* a, const Session* b) { return a->created_ms > b->created_ms; });
  answers->clear();
  for (const Session* s : newest_first) {
    for (const auto& q : s->questions) {
      if (static_cast<int>(answers->size()) == limit) return std::nullopt;
      if (q.id == question_id && !q.answer.empty()) answers->push_back(q.answer);
    }
  }
  return std::nullopt;
}

MaybeError MemoryStore::CountActive(int* count) {
  std::lock_guard<std::mutex> l(mu_);
  if (auto e = Fail()) return e;
  *count = static_cast<int>(std::count_if(sessions_.begin(), sessions_.end(), [](const auto& kv) {
    return kv.second.state != SessionState::kFinished;
  }));
  return std::nullopt;
}

MaybeError MemoryStore::AddInbound(const InboxItem& item, int64_t, bool* duplicate) {
  std::lock_guard<std::mutex> l(mu_);
  if (auto e = Fail()) return e;
  *duplicate = !inbox_keys_.insert(item.dedupe_key).second;
  if (*duplicate) return std::nullopt;
  const int64_t id = static_cast<int64_t>(inbox_.size()) + 1;
  inbox_[id] = item;
  inbox_[id].id = id;
  return std::nullopt;
}

MaybeError MemoryStore::PendingInbound(int limit, std::vector<InboxItem>* items) {
  std::lock_guard<std::mutex> l(mu_);
  if (auto e = Fail()) return e;
  items->clear();
  for (const auto& [id, item] : inbox_) {
    if (static_cast<int>(items->size()) == limit) break;
    if (!inbox_done_.count(id)) items->push_back(item);
  }
  return std::nullopt;
}

MaybeError MemoryStore::DueOutbound(int64_t now_ms, int limit, std::vector<OutboxItem>* items) {
  std::lock_guard<std::mutex> l(mu_);
  if (auto e = Fail()) return e;
  items->clear();
  for (const auto& item : outbox_) {
    if (static_cast<int>(items->size()) == limit) break;
    if (!outbox_done_.count(item.id) && item.next_attempt_ms <= now_ms) items->push_back(item);
  }
  return std::nullopt;
}

MaybeError MemoryStore::MarkSent(int64_t id) {
  std::lock_guard<std::mutex> l(mu_);
  if (auto e = Fail()) return e;
  outbox_done_.insert(id);
  outbox_[id - 1].attempts += 1;
  return std::nullopt;
}

MaybeError MemoryStore::MarkFailed(int64_t id, int64_t next_attempt_ms, const std::string& error,
                                   bool give_up) {
  std::lock_guard<std::mutex> l(mu_);
  if (auto e = Fail()) return e;
  OutboxItem& item = outbox_[id - 1];
  item.attempts += 1;
  item.next_attempt_ms = next_attempt_ms;
  item.last_error = error;
  if (give_up) outbox_done_.insert(id);
  return std::nullopt;
}

MaybeError MemoryStore::NextDueMs(int64_t* next_ms) {
  std::lock_guard<std::mutex> l(mu_);
  if (auto e = Fail()) return e;
  *next_ms = -1;
  for (const auto& item : outbox_) {
    if (outbox_done_.count(item.id)) continue;
    if (*next_ms < 0 || item.next_attempt_ms < *next_ms) *next_ms = item.next_attempt_ms;
  }
  return std::nullopt;
}

MaybeError MemoryStore::Prune(int64_t) {
  std::lock_guard<std::mutex> l(mu_);
  return Fail();  // keeps everything: tests read the whole history
}

}  // namespace bot
