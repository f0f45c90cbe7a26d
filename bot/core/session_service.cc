#include "core/session_service.h"

#include <chrono>

namespace bot {
namespace {

bool Retry(const MaybeError& e, int attempt) {
  return e && e->kind == ErrorKind::kConflict && attempt < SessionService::kMaxAttempts;
}

}  // namespace

MaybeError SessionService::Start(const StartRequest& request, const TurnOptions& options, Turn* turn) {
  // A new id cannot be locked by anyone else; a conflict means the id was taken (2^-128).
  for (int attempt = 1;; ++attempt) {
    Session s;
    if (auto e = interview_.Start(request, &s)) return e;
    MaybeError e = Commit(std::move(s), 1, 0, false, options, turn);
    if (!Retry(e, attempt)) return e;
  }
}

MaybeError SessionService::Handle(const std::string& id, const Input& input,
                                  const TurnOptions& options, Turn* turn) {
  std::lock_guard<std::mutex> lock(LockFor(id));
  for (int attempt = 1;; ++attempt) {
    Session s;
    if (auto e = store_.LoadForTurn(id, &s)) return e;
    if (options.admit) {
      if (auto e = options.admit(s)) return e;
    }
    const int first_new = s.NextSeq();
    const int64_t version = s.version;
    const bool was_finished = s.state == SessionState::kFinished;
    const auto started = std::chrono::steady_clock::now();
    if (auto e = interview_.Handle(input, &s)) return e;
    turn->handle_seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    // Another process committed since the load: compute the turn again on what it wrote.
    MaybeError e = Commit(std::move(s), first_new, version, was_finished, options, turn);
    if (!Retry(e, attempt)) return e;
  }
}

MaybeError SessionService::Reply(std::vector<OutboxItem> outbox, std::optional<int64_t> inbox_done) {
  TurnWrite write;
  write.outbox = std::move(outbox);
  write.inbox_done = inbox_done;
  return store_.Commit(write);
}

MaybeError SessionService::Commit(Session after, int first_new_seq, int64_t expected_version,
                                  bool was_finished, const TurnOptions& options, Turn* turn) {
  std::vector<Message> fresh = after.MessagesFrom(first_new_seq);
  TurnWrite write;
  write.session = &after;
  write.first_new_seq = first_new_seq;
  write.expected_version = expected_version;
  write.inbox_done = options.inbox_done;
  if (options.reply) write.outbox = options.reply(after, fresh);
  if (notice_ && !was_finished && after.state == SessionState::kFinished) {
    for (auto& item : notice_->ItemsFor(after)) write.outbox.push_back(std::move(item));
  }
  if (auto e = store_.Commit(write)) return e;
  after.version = expected_version + 1;
  turn->session = std::move(after);
  turn->fresh = std::move(fresh);
  return std::nullopt;
}

std::mutex& SessionService::LockFor(const std::string& id) {
  return locks_[std::hash<std::string>()(id) % locks_.size()];
}

}  // namespace bot
