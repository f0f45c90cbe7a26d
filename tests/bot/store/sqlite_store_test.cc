// SqliteStore's own edges: a file written by the previous schema is migrated in place, a failing
// database is an error from every read (never an empty answer), a stored document the code cannot
// read is a storage error, not a crash, and turns queued behind a writer share one transaction.
#include "store/sqlite_store.h"

#include <doctest/doctest.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include <chrono>
#include <thread>

#include "temp_path.h"
#include "test_util.h"

namespace bot {
namespace {

std::unique_ptr<SqliteStore> Open(const std::string& path) {
  std::string error;
  auto store = SqliteStore::Open(path, 2, &error);
  REQUIRE_MESSAGE(store, error);
  return store;
}

Session Stored(const std::string& id) {
  Session s;
  s.id = id;
  s.client_id = "browser-1";
  s.slack_user = "T1:U1";
  QuestionRecord q;
  q.id = "queue";
  q.answer = "FIFO.";
  s.questions = {q};
  Message m;
  m.seq = 1;
  m.text = "hi";
  s.messages = {m};
  return s;
}

}  // namespace

TEST_CASE("A database of schema version 2 is migrated: its sessions start at version 1") {
  const std::string path = TempPath("v2.db");
  {
    // The tables as migrations 1 and 2 left them, with one session in them.
    SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    for (const char* sql :
         {"CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_ms INTEGER NOT NULL)",
          "INSERT INTO schema_migrations VALUES (1, 0), (2, 0)",
          "CREATE TABLE sessions (id TEXT PRIMARY KEY, client_id TEXT NOT NULL, slack_user TEXT NOT "
          "NULL, state TEXT NOT NULL, created_ms INTEGER NOT NULL, updated_ms INTEGER NOT NULL, doc "
          "TEXT NOT NULL)",
          "CREATE TABLE messages (session_id TEXT NOT NULL REFERENCES sessions(id), seq INTEGER NOT "
          "NULL, doc TEXT NOT NULL, PRIMARY KEY (session_id, seq)) WITHOUT ROWID",
          "CREATE TABLE inbox (id INTEGER PRIMARY KEY AUTOINCREMENT, dedupe_key TEXT NOT NULL UNIQUE, "
          "kind TEXT NOT NULL, payload TEXT NOT NULL, received_ms INTEGER NOT NULL, done INTEGER NOT NULL)",
          "CREATE TABLE outbox (id INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL, target TEXT "
          "NOT NULL, body TEXT NOT NULL, attempts INTEGER NOT NULL, next_attempt_ms INTEGER NOT NULL, "
          "last_error TEXT NOT NULL, status TEXT NOT NULL)",
          "INSERT INTO outbox VALUES (1, 'webhook', 'http://r/x', '{}', 0, 0, '', 'pending')"}) {
      db.exec(sql);
    }
    SQLite::Statement insert(db, "INSERT INTO sessions VALUES ('old', 'c', '', 'answering', 1, 1, ?)");
    insert.bind(1, SessionDocToJson(Stored("old")).dump());
    insert.exec();
  }
  auto store = Open(path);
  Session old;
  REQUIRE(store->Load("old", &old) == std::nullopt);
  CHECK(old.version == 1);
  CHECK(old.questions[0].answer == "FIFO.");
  REQUIRE_FALSE(store->Commit({&old, 1, 1}));
  SQLite::Database check(path, SQLite::OPEN_READONLY);
  CHECK(check.execAndGet("SELECT MAX(version) FROM schema_migrations").getInt() == 3);
  CHECK(check.execAndGet("SELECT version FROM sessions WHERE id = 'old'").getInt() == 2);
  CHECK(check.execAndGet("SELECT COUNT(*) FROM outbox WHERE delivery_id IS NULL").getInt() == 1);
}

TEST_CASE("A failing database is an error from every read, never an empty answer") {
  const std::string path = TempPath("broken.db");
  auto store = Open(path);
  const Session s = Stored("s1");
  REQUIRE_FALSE(store->Commit({&s}));
  {
    SQLite::Database db(path, SQLite::OPEN_READWRITE);
    db.exec("ALTER TABLE sessions RENAME TO sessions_gone");
  }
  const Error storage{ErrorKind::kStorage, "storage",
                      "the database could not complete the request; try again", ""};
  std::vector<Session> sessions;
  std::string active;
  std::vector<std::string> answers;
  int count = 0;
  Session loaded;
  CHECK(store->ListByClient("browser-1", 10, &sessions) == storage);
  CHECK(store->ActiveSlackSession("T1:U1", &active) == storage);
  CHECK(store->AnswersTo("queue", 10, &answers) == storage);
  CHECK(store->CountActive(&count) == storage);
  CHECK(store->Load("s1", &loaded) == storage);
  CHECK(store->Commit({&s, 2, 1}) == storage);
}

TEST_CASE("A stored document with a state this code does not know is a storage error") {
  const std::string path = TempPath("unknown-state.db");
  auto store = Open(path);
  const Session s = Stored("s1");
  REQUIRE_FALSE(store->Commit({&s}));
  {
    SQLite::Database db(path, SQLite::OPEN_READWRITE);
    db.exec("UPDATE sessions SET doc = json_set(doc, '$.state', 'paused')");
  }
  Session loaded;
  const MaybeError e = store->Load("s1", &loaded);
  REQUIRE(e);
  CHECK(e->kind == ErrorKind::kStorage);
  CHECK(e->message == "the database could not complete the request; try again");  // text in the log
  std::vector<Session> sessions;
  CHECK(store->ListByClient("browser-1", 10, &sessions)->kind == ErrorKind::kStorage);
}

TEST_CASE("Group commit: turns queued behind the writer commit in one transaction, each judged alone") {
  auto store = Open(TempPath("group.db"));
  Session shared = Stored("shared");
  REQUIRE_FALSE(store->Commit({&shared}));
  const int64_t before = store->transactions();

  // Seven turns: five new interviews and two computed from version 1 of "shared", of which only
  // the first to commit may apply.
  std::vector<Session> turns;
  for (int i = 0; i < 5; ++i) turns.push_back(Stored("new" + std::to_string(i)));
  for (const char* text : {"answer A", "answer B"}) {
    Session s = shared;
    Message m;
    m.seq = 2;
    m.text = text;
    s.messages.push_back(m);
    turns.push_back(s);
  }
  Session lead = Stored("lead");
  std::vector<MaybeError> results(turns.size() + 1);
  std::vector<std::thread> threads;
  {
    // Held, the file's write lock stops the first writer inside its commit, so the other turns
    // queue behind it.
    std::lock_guard<std::mutex> hold(store->database().write_mutex());
    threads.emplace_back([&] { results.back() = store->Commit({&lead}); });
    std::this_thread::sleep_for(std::chrono::milliseconds(200));  // "lead" becomes the writer
    for (size_t i = 0; i < turns.size(); ++i) {
      const int64_t version = i < 5 ? 0 : 1;
      threads.emplace_back([&, i, version] { results[i] = store->Commit({&turns[i], 2, version}); });
    }
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (store->queued_turns() < static_cast<int>(turns.size()) &&
           std::chrono::steady_clock::now() < deadline) {
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    REQUIRE(store->queued_turns() == static_cast<int>(turns.size()));
  }
  for (auto& t : threads) t.join();

  CHECK(store->transactions() - before == 2);  // the first writer's, then all seven together
  for (size_t i = 0; i < 5; ++i) CHECK(results[i] == std::nullopt);
  CHECK(results.back() == std::nullopt);
  CHECK((results[5] == std::nullopt) != (results[6] == std::nullopt));
  CHECK((results[5] ? *results[5] : *results[6]) == VersionConflict("shared", 1));
  Session stored;
  REQUIRE_FALSE(store->Load("shared", &stored));
  CHECK(stored.version == 2);
  REQUIRE(stored.messages.size() == 2);
  CHECK(stored.messages[1].text == (results[5] ? "answer B" : "answer A"));
  for (int i = 0; i < 5; ++i) CHECK_FALSE(store->Load("new" + std::to_string(i), &stored));
}

}  // namespace bot
