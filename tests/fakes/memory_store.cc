#include "fakes/memory_store.h"

#include <algorithm>

namespace bot {

MaybeError MemoryStore::Save(const Session& session, int first_new_seq) {
  std::lock_guard<std::mutex> l(mu_);
  if (fail_saves_) return Error{500, "storage", "the database could not save the session", ""};
  ++saves_;
  Session& stored = sessions_[session.id];
  std::vector<Message> messages = std::move(stored.messages);
  messages.erase(std::remove_if(messages.begin(), messages.end(),
                                [&](const Message& m) { return m.seq >= first_new_seq; }),
                 messages.end());
  for (const auto& m : session.messages) {
    if (m.seq >= first_new_seq) messages.push_back(m);
  }
  stored = session;
  stored.messages = std::move(messages);
  return std::nullopt;
}

MaybeError MemoryStore::Load(const std::string& id, Session* session) {
  std::lock_guard<std::mutex> l(mu_);
  auto it = sessions_.find(id);
  if (it == sessions_.end()) {
    return Error{404, "unknown_session", "no interview has this id", "id"};
  }
  *session = it->second;
  return std::nullopt;
}

std::vector<Session> MemoryStore::ListByClient(const std::string& client_id, int limit) {
  std::lock_guard<std::mutex> l(mu_);
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
  return out;
}

std::string MemoryStore::ActiveSlackSession(const std::string& slack_user) {
  std::lock_guard<std::mutex> l(mu_);
  for (const auto& [id, s] : sessions_) {
    if (s.slack_user == slack_user && s.state != "finished") return id;
  }
  return "";
}

std::vector<std::string> MemoryStore::AnswersTo(const std::string& question_id, int limit) {
  std::lock_guard<std::mutex> l(mu_);
  std::vector<const Session*> newest_first;
  for (const auto& [id, s] : sessions_) newest_first.push_back(&s);
  std::stable_sort(newest_first.begin(), newest_first.end(),
                   [](const Session* a, const Session* b) { return a->created_ms > b->created_ms; });
  std::vector<std::string> out;
  for (const Session* s : newest_first) {
    for (const auto& q : s->questions) {
      if (static_cast<int>(out.size()) == limit) return out;
      if (q.id == question_id && !q.answer.empty()) out.push_back(q.answer);
    }
  }
  return out;
}

int MemoryStore::CountActive() {
  std::lock_guard<std::mutex> l(mu_);
  return static_cast<int>(std::count_if(sessions_.begin(), sessions_.end(),
                                        [](const auto& kv) { return kv.second.state != "finished"; }));
}

}  // namespace bot
