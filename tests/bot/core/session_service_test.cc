// SessionService on the in-memory store: the one commit per turn (session, reply, completion
// notice, inbox mark), versioned retries when another process wrote first, and serialised turns.
#include "core/session_service.h"

#include <doctest/doctest.h>

#include <thread>

#include "bot/mini_interview.h"
#include "fakes/memory_store.h"
#include "fakes/watched_store.h"
#include "test_util.h"

namespace bot {
namespace {

struct Fixture : MiniInterview {
  MemoryStore memory;
  WatchedStore watched{memory, std::chrono::milliseconds(0)};
  std::unique_ptr<CompletionNotice> notice;
  std::unique_ptr<SessionService> service;
  // Another process on the same database: its own service, straight on the store.
  std::unique_ptr<SessionService> other;

  Fixture() {
    notice = std::make_unique<CompletionNotice>(
        bank, std::vector<std::string>{"https://ci.example/hook", "slack+https://chat.example/hook"},
        "https://bot.example");
    service = std::make_unique<SessionService>(*interview, watched, notice.get());
    other = std::make_unique<SessionService>(*interview, memory, nullptr);
  }
  std::string Start() {
    StartRequest request;
    request.track.kind = "all";
    Turn turn;
    REQUIRE_FALSE(service->Start(request, {}, &turn));
    return turn.session.id;
  }
  Session Stored(const std::string& id) {
    Session s;
    REQUIRE_FALSE(memory.Load(id, &s));
    return s;
  }
};

std::vector<std::string> Kinds(const std::vector<Message>& messages) {
  std::vector<std::string> kinds;
  for (const auto& m : messages) kinds.push_back(ToString(m.kind));
  return kinds;
}

std::vector<int> Seqs(const Session& s) {
  std::vector<int> seqs;
  for (const auto& m : s.messages) seqs.push_back(m.seq);
  return seqs;
}

}  // namespace

TEST_CASE("Start commits a new session at version 1 with the transport's reply") {
  Fixture f;
  TurnOptions options;
  options.reply = [](const Session& s, const std::vector<Message>& fresh) {
    return std::vector<OutboxItem>{{0, "slack_api", "chat.postMessage", s.id + " " + std::to_string(fresh.size())}};
  };
  StartRequest request;
  request.track.kind = "all";
  Turn turn;
  REQUIRE_FALSE(f.service->Start(request, options, &turn));
  CHECK(turn.session.version == 1);
  CHECK(Kinds(turn.fresh) == std::vector<std::string>{"greeting", "question"});
  const Session stored = f.Stored(turn.session.id);
  CHECK(stored.version == 1);
  CHECK(Seqs(stored) == std::vector<int>{1, 2});
  CHECK(f.memory.Outbox() ==
        std::vector<OutboxItem>{{1, "slack_api", "chat.postMessage", turn.session.id + " 2"}});
  CHECK(f.memory.commits() == 1);
}

TEST_CASE("A turn commits its new messages once, at the next version") {
  Fixture f;
  const std::string id = f.Start();
  Turn turn;
  REQUIRE_FALSE(f.service->Handle(id, {"", "hint"}, {}, &turn));
  CHECK(Kinds(turn.fresh) == std::vector<std::string>{"command", "hint"});
  CHECK(turn.session.version == 2);
  const Session stored = f.Stored(id);
  CHECK(stored.version == 2);
  CHECK(Seqs(stored) == std::vector<int>{1, 2, 3, 4});
  CHECK(stored.questions[0].hints == 1);
  CHECK(f.memory.commits() == 2);
  CHECK(f.memory.Outbox().empty());  // no reply asked for, interview not finished
}

TEST_CASE("The turn that finishes an interview queues its completion notice in the same commit") {
  Fixture f;
  const std::string id = f.Start();
  Turn turn;
  REQUIRE_FALSE(f.service->Handle(id, {"", "end"}, {}, &turn));
  CHECK(turn.session.state == SessionState::kFinished);
  CHECK(f.memory.commits() == 2);
  const auto outbox = f.memory.Outbox();
  REQUIRE(outbox.size() == 2);
  CHECK(outbox[0].kind == "webhook");
  CHECK(outbox[0].target == "https://ci.example/hook");
  CHECK(outbox[0].delivery_id == "interview.completed:" + id + ":0");
  CHECK(nlohmann::json::parse(outbox[0].body)["delivery_id"] == outbox[0].delivery_id);
  CHECK(outbox[1].kind == "slack_webhook");
  CHECK(outbox[1].target == "https://chat.example/hook");
  CHECK(outbox[1].delivery_id == "interview.completed:" + id + ":1");

  // A finished interview takes no more turns, so it is never announced twice.
  const MaybeError e = f.service->Handle(id, {"", "end"}, {}, &turn);
  REQUIRE(e);
  CHECK(e->kind == ErrorKind::kEnded);
  CHECK(f.memory.Outbox().size() == 2);
  CHECK(f.memory.commits() == 2);
}

TEST_CASE("A turn the transport does not admit ends with its error and changes nothing") {
  Fixture f;
  const std::string id = f.Start();
  TurnOptions options;
  std::string seen;
  options.admit = [&](const Session& s) -> MaybeError {
    seen = s.id + " after " + std::to_string(s.last_seq);
    return UnknownSession();
  };
  Turn turn;
  const MaybeError e = f.service->Handle(id, {"", "hint"}, options, &turn);
  REQUIRE(e);
  CHECK(*e == UnknownSession());
  CHECK(seen == id + " after 2");  // it saw the session as loaded
  const Session stored = f.Stored(id);
  CHECK(stored.version == 1);
  CHECK(Seqs(stored) == std::vector<int>{1, 2});
  CHECK(f.memory.commits() == 1);
}

TEST_CASE("A turn computed from a stale copy is computed again on what the other process wrote") {
  Fixture f;
  const std::string id = f.Start();
  int competing = 1;
  f.watched.BeforeCommit([&](const TurnWrite&) {
    if (competing-- <= 0) return;
    Turn theirs;
    REQUIRE_FALSE(f.other->Handle(id, {"", "repeat"}, {}, &theirs));  // commits version 2 first
  });
  Turn turn;
  REQUIRE_FALSE(f.service->Handle(id, {"", "hint"}, {}, &turn));
  CHECK(f.watched.conflicts() == 1);
  CHECK(turn.session.version == 3);
  CHECK(Kinds(turn.fresh) == std::vector<std::string>{"command", "hint"});
  const Session stored = f.Stored(id);
  CHECK(Kinds(stored.messages) ==
        std::vector<std::string>{"greeting", "question", "command", "question", "command", "hint"});
  CHECK(Seqs(stored) == std::vector<int>{1, 2, 3, 4, 5, 6});
  CHECK(stored.questions[0].hints == 1);
}

TEST_CASE("A conflict that never clears is returned after kMaxAttempts, and the turn is not stored") {
  Fixture f;
  const std::string id = f.Start();
  f.watched.BeforeCommit([&](const TurnWrite&) {
    Turn theirs;
    REQUIRE_FALSE(f.other->Handle(id, {"", "repeat"}, {}, &theirs));
  });
  Turn turn;
  const MaybeError e = f.service->Handle(id, {"", "hint"}, {}, &turn);
  REQUIRE(e);
  CHECK(*e == Error{ErrorKind::kConflict, "conflict",
                    "interview " + id + " is no longer at version 5; it changed while this turn ran", ""});
  CHECK(f.watched.conflicts() == SessionService::kMaxAttempts);
  const Session stored = f.Stored(id);
  CHECK(stored.version == 1 + SessionService::kMaxAttempts);
  CHECK(stored.questions[0].hints == 0);
}

TEST_CASE("A delivery is applied once: its inbox mark commits with the turn") {
  Fixture f;
  const std::string id = f.Start();
  bool duplicate = true;
  REQUIRE_FALSE(f.memory.AddInbound({0, "event:Ev1", "event", "{}"}, 0, &duplicate));
  std::vector<InboxItem> pending;
  REQUIRE_FALSE(f.memory.PendingInbound(10, &pending));
  REQUIRE(pending.size() == 1);
  TurnOptions options;
  options.inbox_done = pending[0].id;
  Turn turn;
  REQUIRE_FALSE(f.service->Handle(id, {"", "hint"}, options, &turn));
  REQUIRE_FALSE(f.memory.PendingInbound(10, &pending));
  CHECK(pending.empty());

  // The same delivery again (another worker, a retry after a crash): refused whole.
  const MaybeError again = f.service->Handle(id, {"", "hint"}, options, &turn);
  CHECK(again == Error{ErrorKind::kDuplicate, "already_processed", "inbox delivery 1 was processed already", ""});
  CHECK(f.Stored(id).questions[0].hints == 1);
  CHECK(f.Stored(id).messages.size() == 4);
  CHECK(f.service->Reply({{0, "slack_api", "chat.postMessage", "{}"}}, 1)->kind == ErrorKind::kDuplicate);
  CHECK(f.memory.Outbox().empty());
}

TEST_CASE("Errors of the interview and of the store come back as they are; nothing is committed") {
  Fixture f;
  const std::string id = f.Start();
  Turn turn;
  CHECK(f.service->Handle(id, {" ", ""}, {}, &turn) ==
        Error{ErrorKind::kInvalid, "invalid_field", "text must not be empty", "text"});
  CHECK(f.service->Handle("ffffffffffffffffffffffffffffffff", {"", "hint"}, {}, &turn) ==
        Error{ErrorKind::kNotFound, "unknown_session", "no interview has this id", "id"});
  f.memory.FailAll(true);
  CHECK(f.service->Handle(id, {"", "hint"}, {}, &turn)->kind == ErrorKind::kStorage);
  f.memory.FailAll(false);
  CHECK(f.memory.commits() == 1);
  CHECK(f.Stored(id).version == 1);
}

TEST_CASE("Turns on one session from many threads run one at a time, each on the one before") {
  Fixture f;
  const std::string id = f.Start();
  WatchedStore slow(f.memory, std::chrono::milliseconds(3));
  SessionService service(*f.interview, slow, nullptr);
  constexpr int kThreads = 4, kTurns = 5;
  std::vector<std::thread> threads;
  std::vector<int> failed(kThreads, 0);
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kTurns; ++i) {
        Turn turn;
        failed[t] += service.Handle(id, {"", "repeat"}, {}, &turn).has_value();
      }
    });
  }
  for (auto& t : threads) t.join();
  CHECK(failed == std::vector<int>(kThreads, 0));
  CHECK(slow.overlaps() == 0);
  CHECK(slow.conflicts() == 0);
  const Session stored = f.Stored(id);
  CHECK(stored.version == 1 + kThreads * kTurns);
  CHECK(stored.messages.size() == 2 + 2 * kThreads * kTurns);
  CHECK(stored.messages.back().seq == static_cast<int>(stored.messages.size()));
}

}  // namespace bot
