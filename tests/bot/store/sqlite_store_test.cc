// SqliteStore's own edges: a file written by the previous schema is migrated in place, a failing
// database is an error from every read (never an empty answer), and a stored document the code
// cannot read is a storage error, not a crash.
#include "store/sqlite_store.h"

#include <doctest/doctest.h>

#include <SQLiteCpp/SQLiteCpp.h>

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

}  // namespace bot
