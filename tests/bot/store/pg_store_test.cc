// PgStore and PgDeliveryQueue as replicas use them: two processes' pools on one database (two
// stores here, each with its own connections). Turns committed at once on both are all kept, in
// order; outbox claims never hand one item to both and lapse when a replica dies; an inbox key is
// one delivery on either; and a store rides out lost connections and an unreachable database with
// errors, then carries on. The contract every engine shares is in session_store_test.cc.
#include "store/pg_store.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <thread>

#include "pg_test_database.h"
#include "store/pg_delivery_queue.h"

namespace bot {
namespace {

std::unique_ptr<PgStore> Open(const std::string& url, int connections = 2) {
  std::string error;
  auto store = PgStore::Open(url, connections, &error);
  REQUIRE_MESSAGE(store, error);
  return store;
}

// Runs `sql` on the database `url` names (the test's own admin connection).
void Admin(const std::string& url, const std::string& sql) {
  std::string error;
  auto c = PgConnection::Connect(url, &error);
  REQUIRE_MESSAGE(c, error);
  REQUIRE(c->Exec(sql.c_str()) == std::nullopt);
}

// What the session service does: load, append one message, commit at the loaded version, and on a
// conflict load and apply again. Runs on threads: CHECK, never REQUIRE (which throws).
void AppendWithRetry(SessionStore& store, const std::string& id, const std::string& text) {
  for (;;) {
    Session s;
    const MaybeError loaded = store.Load(id, &s);
    CHECK(loaded == std::nullopt);
    if (loaded) return;
    Message m;
    m.seq = static_cast<int>(s.messages.size()) + 1;
    m.text = text;
    s.messages.push_back(m);
    const MaybeError e = store.Commit({&s, m.seq, s.version});
    if (!e) return;
    CHECK(e->kind == ErrorKind::kConflict);
    if (e->kind != ErrorKind::kConflict) return;
  }
}

OutboxItem Post(const std::string& body) { return {0, "webhook", "http://r/x", body}; }

std::vector<std::string> Bodies(const std::vector<OutboxItem>& items) {
  std::vector<std::string> bodies;
  for (const auto& item : items) bodies.push_back(item.body);
  return bodies;
}

}  // namespace

TEST_CASE("Turns committed on two replicas at once are all kept, each once, in one order") {
  const std::string url = FreshPgDatabase();
  auto a = Open(url, 4), b = Open(url, 4);
  Session s;
  s.id = "shared";
  REQUIRE_FALSE(a->Commit({&s}));
  constexpr int kThreads = 4, kTurns = 15;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      PgStore& replica = t % 2 ? *b : *a;
      for (int i = 0; i < kTurns; ++i) {
        AppendWithRetry(replica, "shared", std::to_string(t) + "/" + std::to_string(i));
      }
    });
  }
  for (auto& t : threads) t.join();
  Session stored;
  REQUIRE_FALSE(b->Load("shared", &stored));
  CHECK(stored.version == 1 + kThreads * kTurns);
  REQUIRE(stored.messages.size() == kThreads * kTurns);
  std::set<std::string> texts;
  std::vector<int> last(kThreads, -1);  // each writer's turns appear in the order it made them
  for (size_t i = 0; i < stored.messages.size(); ++i) {
    const Message& m = stored.messages[i];
    CHECK(m.seq == static_cast<int>(i) + 1);
    texts.insert(m.text);
    const int writer = std::stoi(m.text), turn = std::stoi(m.text.substr(m.text.find('/') + 1));
    CHECK(turn == last[writer] + 1);
    last[writer] = turn;
  }
  CHECK(texts.size() == kThreads * kTurns);
}

TEST_CASE("Outbox: replicas polling together never claim one item twice; a dead replica's claims lapse") {
  const std::string url = FreshPgDatabase();
  auto store = Open(url), other = Open(url);
  PgDeliveryQueue a(*store), b(*other);
  std::vector<OutboxItem> items;
  for (int i = 0; i < 40; ++i) items.push_back(Post("p" + std::to_string(i)));
  REQUIRE_FALSE(store->Commit({nullptr, 1, 0, items}));

  std::vector<OutboxItem> got_a, got_b;
  std::thread ta([&] {
    for (int i = 0; i < 20; ++i) {
      std::vector<OutboxItem> some;
      CHECK_FALSE(a.DueOutbound(1000, 2, &some));
      got_a.insert(got_a.end(), some.begin(), some.end());
    }
  });
  std::thread tb([&] {
    for (int i = 0; i < 20; ++i) {
      std::vector<OutboxItem> some;
      CHECK_FALSE(b.DueOutbound(1000, 2, &some));
      got_b.insert(got_b.end(), some.begin(), some.end());
    }
  });
  ta.join();
  tb.join();
  std::multiset<std::string> all;
  for (const auto& item : got_a) all.insert(item.body);
  for (const auto& item : got_b) all.insert(item.body);
  CHECK(all.size() == 40);
  CHECK(std::set<std::string>(all.begin(), all.end()).size() == 40);

  // Replica a settles one of its items and dies holding the rest; until the lease ends nobody may
  // take them, after it replica b does, and the settled one never comes back.
  REQUIRE_FALSE(got_a.empty());
  REQUIRE_FALSE(a.MarkSent(got_a[0].id));
  std::vector<OutboxItem> due;
  REQUIRE_FALSE(b.DueOutbound(1000 + kOutboxLeaseMs - 1, 100, &due));
  CHECK(due.empty());
  int64_t next = 0;
  REQUIRE_FALSE(b.NextDueMs(&next));
  CHECK(next == 1000 + kOutboxLeaseMs);
  REQUIRE_FALSE(b.DueOutbound(1000 + kOutboxLeaseMs, 100, &due));
  CHECK(due.size() == 39);
  const std::vector<std::string> bodies = Bodies(due);
  CHECK(std::find(bodies.begin(), bodies.end(), got_a[0].body) == bodies.end());

  // A failed attempt frees the item for its next attempt at once, on any replica.
  REQUIRE_FALSE(b.MarkFailed(due[0].id, 5000 + kOutboxLeaseMs, "503", false));
  REQUIRE_FALSE(a.DueOutbound(5000 + kOutboxLeaseMs, 100, &items));
  CHECK(Bodies(items) == std::vector<std::string>{due[0].body});
  CHECK(items[0].attempts == 1);
}

TEST_CASE("Inbox: a Slack retry reaching the other replica is recognised as a duplicate") {
  const std::string url = FreshPgDatabase();
  auto one = Open(url), two = Open(url);
  PgDeliveryQueue a(*one), b(*two);
  bool duplicate = true;
  REQUIRE_FALSE(a.AddInbound({0, "event:Ev1", "event", "{}"}, 1, &duplicate));
  CHECK_FALSE(duplicate);
  REQUIRE_FALSE(b.AddInbound({0, "event:Ev1", "event", "{\"retry\":1}"}, 2, &duplicate));
  CHECK(duplicate);
  std::vector<InboxItem> pending;
  REQUIRE_FALSE(b.PendingInbound(10, &pending));
  REQUIRE(pending.size() == 1);
  CHECK(pending[0].payload == "{}");
  // Both replicas' workers took it: one commit applies it, the other is told it is done.
  CHECK(one->Commit({nullptr, 1, 0, {}, pending[0].id}) == std::nullopt);
  CHECK(two->Commit({nullptr, 1, 0, {}, pending[0].id}) == AlreadyProcessed(pending[0].id));
}

TEST_CASE("Connections the server dropped are replaced without an error") {
  const std::string url = FreshPgDatabase();
  auto store = Open(url, 4);
  Session s;
  s.id = "s1";
  REQUIRE_FALSE(store->Commit({&s}));
  // Readers at once fill the pool with several connections.
  std::vector<std::thread> readers;
  for (int t = 0; t < 4; ++t) {
    readers.emplace_back([&] {
      for (int i = 0; i < 20; ++i) {
        Session loaded;
        CHECK(store->Load("s1", &loaded) == std::nullopt);
      }
    });
  }
  for (auto& t : readers) t.join();
  // What a database restart does to a pool: every connection it holds is gone.
  const std::string db = url.substr(url.rfind('/') + 1);
  Admin(TestPgCluster() + "/postgres",
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + db + "'");
  Session loaded;
  CHECK(store->Load("s1", &loaded) == std::nullopt);
  CHECK(store->Check() == std::nullopt);
  int count = -1;
  CHECK(store->CountActive(&count) == std::nullopt);
  CHECK(count == 1);
}

TEST_CASE("While the database cannot be reached every call is 'unavailable'; then it carries on") {
  const std::string url = FreshPgDatabase();
  auto store = Open(url, 2);
  PgDeliveryQueue queue(*store);
  const std::string db = url.substr(url.rfind('/') + 1);
  const std::string admin = TestPgCluster() + "/postgres";
  Admin(admin, "ALTER DATABASE " + db + " ALLOW_CONNECTIONS false");
  Admin(admin, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + db + "'");
  Session s;
  s.id = "s1";
  CHECK(store->Check() == DatabaseUnavailable());
  CHECK(store->Commit({&s}) == DatabaseUnavailable());
  CHECK(store->Load("s1", &s) == DatabaseUnavailable());
  bool duplicate = false;
  CHECK(queue.AddInbound({0, "event:Ev1", "event", "{}"}, 1, &duplicate) == DatabaseUnavailable());
  CHECK(DatabaseUnavailable().kind == ErrorKind::kUnavailable);  // 503 over HTTP

  Admin(admin, "ALTER DATABASE " + db + " ALLOW_CONNECTIONS true");
  CHECK(store->Check() == std::nullopt);
  CHECK(store->Commit({&s}) == std::nullopt);
}

TEST_CASE("A database that cannot be reached at start is a clear error") {
  std::string error;
  auto store = PgStore::Open("postgresql://nobody@127.0.0.1:1/none?connect_timeout=2", 2, &error);
  CHECK(store == nullptr);
  CHECK(error.rfind("cannot reach the database: ", 0) == 0);
  CHECK(error.find("127.0.0.1") != std::string::npos);
}

TEST_CASE("Replicas starting together migrate once") {
  const std::string url = FreshPgDatabase();
  std::vector<std::unique_ptr<PgStore>> stores(4);
  std::vector<std::thread> starts;
  std::vector<std::string> errors(stores.size());
  for (size_t i = 0; i < stores.size(); ++i) {
    starts.emplace_back([&, i] { stores[i] = PgStore::Open(url, 1, &errors[i]); });
  }
  for (auto& t : starts) t.join();
  for (size_t i = 0; i < stores.size(); ++i) CHECK_MESSAGE(stores[i], errors[i]);
  std::string error;
  auto c = PgConnection::Connect(url, &error);
  REQUIRE(c);
  PgResult r;
  REQUIRE_FALSE(c->Exec("SELECT COUNT(*), MAX(version) FROM schema_migrations", {}, &r));
  CHECK(r.Int(0, 0) == 1);
  CHECK(r.Int(0, 1) == 1);
}

}  // namespace bot
