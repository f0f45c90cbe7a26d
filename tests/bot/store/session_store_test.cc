// The SessionStore contract, run against every implementation (SQLite, PostgreSQL and the in-memory
// fake; a new database joins the list): versioned commits, one inbox mark per delivery, outbox
// de-duplication by delivery id, all of a write or none of it, and the reads.
#include "core/session_store.h"

#include <doctest/doctest.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "fakes/memory_store.h"
#include "pg_test_database.h"
#include "store/pg_delivery_queue.h"
#include "store/pg_store.h"
#include "store/sqlite_delivery_queue.h"
#include "store/sqlite_store.h"
#include "temp_path.h"
#include "test_util.h"

namespace bot {
namespace {

// One implementation: its SessionStore and the DeliveryQueue on the same database.
struct Engine {
  std::string name;
  SessionStore* store;
  DeliveryQueue* queue;
};

// Runs `test` on a fresh database of each implementation.
void ForEachEngine(const std::function<void(const Engine&)>& test) {
  static int n = 0;
  std::string error;
  auto sqlite = SqliteStore::Open(TempPath("contract" + std::to_string(n++) + ".db"), 2, &error);
  REQUIRE_MESSAGE(sqlite, error);
  SqliteDeliveryQueue sqlite_queue(*sqlite);
  auto pg = PgStore::Open(FreshPgDatabase(), 2, &error);
  REQUIRE_MESSAGE(pg, error);
  PgDeliveryQueue pg_queue(*pg);
  MemoryStore memory;
  for (const Engine& engine : {Engine{"sqlite", sqlite.get(), &sqlite_queue},
                               Engine{"postgresql", pg.get(), &pg_queue},
                               Engine{"memory", &memory, &memory}}) {
    CAPTURE(engine.name);
    test(engine);
  }
}

Session WithAnswers(const std::string& id, int64_t created_ms,
                    const std::vector<std::pair<std::string, std::string>>& answers) {
  Session s;
  s.id = id;
  s.created_ms = created_ms;
  for (const auto& [question, answer] : answers) {
    QuestionRecord q;
    q.id = question;
    q.answer = answer;
    s.questions.push_back(q);
  }
  return s;
}

Message Said(int seq, const std::string& text) {
  Message m;
  m.seq = seq;
  m.text = text;
  return m;
}

std::vector<std::string> Texts(const Session& s) {
  std::vector<std::string> texts;
  for (const auto& m : s.messages) texts.push_back(std::to_string(m.seq) + " " + m.text);
  return texts;
}

Session Loaded(const Engine& e, const std::string& id) {
  Session s;
  REQUIRE(e.store->Load(id, &s) == std::nullopt);
  return s;
}

// PostgreSQL's queue claims what it hands out for kOutboxLeaseMs: a later look is after the lease.
std::vector<OutboxItem> Due(const Engine& e, int64_t now_ms = 1LL << 50) {
  std::vector<OutboxItem> items;
  REQUIRE(e.queue->DueOutbound(now_ms, 100, &items) == std::nullopt);
  return items;
}

std::vector<InboxItem> Pending(const Engine& e) {
  std::vector<InboxItem> items;
  REQUIRE(e.queue->PendingInbound(100, &items) == std::nullopt);
  return items;
}

OutboxItem Post(const std::string& body, const std::string& delivery_id = "") {
  OutboxItem item{0, "webhook", "http://r/x", body};
  item.delivery_id = delivery_id;
  return item;
}

}  // namespace

TEST_CASE("AnswersTo: a question's stored answers, newest session first, none empty, at most limit") {
  ForEachEngine([](const Engine& e) {
    for (const Session& s : {WithAnswers("old", 1, {{"queue", "FIFO."}, {"stack", "LIFO."}}),
                             WithAnswers("new", 3, {{"queue", "First in, first out."}}),
                             WithAnswers("skipped", 2, {{"queue", ""}, {"heap", "A tree."}})}) {
      REQUIRE_FALSE(e.store->Commit({&s}));
    }
    const auto answers = [&e](const std::string& question, int limit) {
      std::vector<std::string> out;
      REQUIRE_FALSE(e.store->AnswersTo(question, limit, &out));
      return out;
    };
    CHECK(answers("queue", 10) == std::vector<std::string>{"First in, first out.", "FIFO."});
    CHECK(answers("queue", 1) == std::vector<std::string>{"First in, first out."});
    CHECK(answers("stack", 10) == std::vector<std::string>{"LIFO."});
    CHECK(answers("tree", 10).empty());
  });
}

TEST_CASE("Commit: versions go up one per turn, and a stale or repeated turn changes nothing") {
  ForEachEngine([](const Engine& e) {
    Session s = WithAnswers("s1", 1, {});
    s.messages = {Said(1, "greeting"), Said(2, "question")};
    REQUIRE_FALSE(e.store->Commit({&s}));
    Session first = Loaded(e, "s1");
    CHECK(first.version == 1);
    CHECK(Texts(first) == std::vector<std::string>{"1 greeting", "2 question"});
    CHECK(e.store->Commit({&s}) == VersionConflict("s1", 0));  // it exists already

    first.messages.push_back(Said(3, "answer"));
    REQUIRE_FALSE(e.store->Commit({&first, 3, 1}));
    const Session second = Loaded(e, "s1");
    CHECK(second.version == 2);
    CHECK(Texts(second) == std::vector<std::string>{"1 greeting", "2 question", "3 answer"});

    // Computed from version 1, which is gone: refused whole, its outbox item too.
    Session stale = first;
    stale.messages.back().text = "another answer";
    TurnWrite write{&stale, 3, 1, {Post("{}")}};
    CHECK(e.store->Commit(write) == VersionConflict("s1", 1));
    CHECK(Texts(Loaded(e, "s1")) == std::vector<std::string>{"1 greeting", "2 question", "3 answer"});
    CHECK(Due(e).empty());
  });
}

TEST_CASE("LoadForTurn: the session as Load has it, without its messages, and the last one's seq") {
  ForEachEngine([](const Engine& e) {
    Session s = WithAnswers("s1", 1, {{"queue", "FIFO."}});
    s.messages = {Said(1, "greeting"), Said(2, "question"), Said(3, "answer")};
    REQUIRE_FALSE(e.store->Commit({&s}));
    Session turn;
    REQUIRE_FALSE(e.store->LoadForTurn("s1", &turn));
    CHECK(turn.messages.empty());
    CHECK(turn.last_seq == 3);
    CHECK(turn.NextSeq() == 4);
    CHECK(turn.version == 1);
    CHECK(turn.questions.size() == 1);
    CHECK(turn.questions[0].answer == "FIFO.");
    CHECK(Loaded(e, "s1").last_seq == 3);

    // A turn on that copy appends after the stored messages; none of them is lost.
    turn.messages.push_back(Said(turn.NextSeq(), "follow-up"));
    REQUIRE_FALSE(e.store->Commit({&turn, 4, 1}));
    CHECK(Texts(Loaded(e, "s1")) ==
          std::vector<std::string>{"1 greeting", "2 question", "3 answer", "4 follow-up"});

    const Session empty = WithAnswers("s2", 2, {});
    REQUIRE_FALSE(e.store->Commit({&empty}));
    REQUIRE_FALSE(e.store->LoadForTurn("s2", &turn));
    CHECK(turn.NextSeq() == 1);
    CHECK(e.store->LoadForTurn("nobody", &turn) == UnknownSession());
  });
}

TEST_CASE("Commit: an inbox delivery is marked once, with the turn, or the whole turn is refused") {
  ForEachEngine([](const Engine& e) {
    bool duplicate = true;
    REQUIRE_FALSE(e.queue->AddInbound({0, "event:Ev1", "event", "{}"}, 1, &duplicate));
    CHECK_FALSE(duplicate);
    const std::vector<InboxItem> pending = Pending(e);
    REQUIRE(pending.size() == 1);
    const int64_t id = pending[0].id;

    Session s = WithAnswers("s1", 1, {});
    s.messages = {Said(1, "greeting")};
    TurnWrite turn{&s, 1, 0, {Post("reply")}, id};
    REQUIRE_FALSE(e.store->Commit(turn));
    CHECK(Pending(e).empty());
    CHECK(Due(e).size() == 1);

    // The same delivery again, as after a crash or from a second worker: nothing of it applies.
    Session again = Loaded(e, "s1");
    again.messages.push_back(Said(2, "twice"));
    CHECK(e.store->Commit({&again, 2, 1, {Post("reply")}, id}) == AlreadyProcessed(id));
    CHECK(Texts(Loaded(e, "s1")) == std::vector<std::string>{"1 greeting"});
    CHECK(Due(e, (1LL << 51)).size() == 1);
    CHECK(e.store->Commit({nullptr, 1, 0, {}, id})->kind == ErrorKind::kDuplicate);
  });
}

TEST_CASE("Commit: an outbox item whose delivery id is queued already is not queued again") {
  ForEachEngine([](const Engine& e) {
    REQUIRE_FALSE(e.store->Commit({nullptr, 1, 0, {Post("a", "interview.completed:s1:0"), Post("b")}}));
    REQUIRE_FALSE(e.store->Commit({nullptr, 1, 0, {Post("a again", "interview.completed:s1:0"), Post("b")}}));
    std::vector<std::string> bodies;
    for (const auto& item : Due(e)) bodies.push_back(item.body + "|" + item.delivery_id);
    CHECK(bodies == std::vector<std::string>{"a|interview.completed:s1:0", "b|", "b|"});
  });
}

TEST_CASE("Reads: by client newest first without messages, the active Slack session, the count") {
  ForEachEngine([](const Engine& e) {
    Session a = WithAnswers("a", 1, {}), b = WithAnswers("b", 2, {}), c = WithAnswers("c", 3, {});
    a.client_id = b.client_id = "browser-1";
    a.messages = {Said(1, "hi")};
    b.slack_user = c.slack_user = "T1:U1";
    b.state = SessionState::kFinished;
    for (const Session* s : {&a, &b, &c}) REQUIRE_FALSE(e.store->Commit({s}));
    std::vector<Session> sessions;
    REQUIRE_FALSE(e.store->ListByClient("browser-1", 10, &sessions));
    REQUIRE(sessions.size() == 2);
    CHECK(sessions[0].id == "b");
    CHECK(sessions[1].id == "a");
    CHECK(sessions[1].messages.empty());
    CHECK(sessions[1].version == 1);
    REQUIRE_FALSE(e.store->ListByClient("browser-1", 1, &sessions));
    CHECK(sessions.size() == 1);
    std::string active = "x";
    REQUIRE_FALSE(e.store->ActiveSlackSession("T1:U1", &active));
    CHECK(active == "c");
    REQUIRE_FALSE(e.store->ActiveSlackSession("T1:U2", &active));
    CHECK(active == "");
    int count = -1;
    REQUIRE_FALSE(e.store->CountActive(&count));
    CHECK(count == 2);
    Session missing;
    CHECK(e.store->Load("nope", &missing) == UnknownSession());
    CHECK(e.store->Check() == std::nullopt);
  });
}

}  // namespace bot
