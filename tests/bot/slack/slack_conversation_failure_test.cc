// An acknowledged Slack answer is applied exactly once, whatever fails: the process killed (SIGKILL)
// before, inside or after the one commit of the turn, then restarted on the same file; or the
// database failing for a while. A failing database is never mistaken for "no interview in
// progress": the delivery stays pending and its sender is told once that it will be answered.
#include <doctest/doctest.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include <filesystem>

#include "bot/mini_interview.h"
#include "core/session_service.h"
#include "slack/slack_conversation.h"
#include "store/sqlite_delivery_queue.h"
#include "store/sqlite_store.h"
#include "temp_path.h"

namespace bot {
namespace {

using nlohmann::json;

constexpr char kAnswer[] = "Every attempt carries an idempotency key under a unique constraint.";

enum class Fault {
  kNone,
  kKillBeforeCommit,  // SIGKILL just before the turn's commit starts
  kKillInCommit,      // SIGKILL inside SQLite's COMMIT, before it is durable
  kKillAfterCommit,   // SIGKILL right after the commit returned, before the worker goes on
  kFailOnce,          // the first session lookup fails, then the first turn's commit
};

// The store, wrapped to inject `fault`.
class FaultyStore : public SessionStore {
 public:
  FaultyStore(SessionStore& inner, Fault fault) : inner_(inner), fault_(fault) {}

  MaybeError Commit(const TurnWrite& write) override {
    if (fault_ == Fault::kKillBeforeCommit && write.session) raise(SIGKILL);
    if (write.session && FailOnce(&commit_failed_)) return StorageError("injected: commit");
    MaybeError e = inner_.Commit(write);
    if (fault_ == Fault::kKillAfterCommit && write.session) raise(SIGKILL);
    return e;
  }
  MaybeError Load(const std::string& id, Session* s) override { return inner_.Load(id, s); }
  MaybeError LoadForTurn(const std::string& id, Session* s) override {
    return inner_.LoadForTurn(id, s);
  }
  MaybeError ListByClient(const std::string& c, int n, std::vector<Session>* out) override {
    return inner_.ListByClient(c, n, out);
  }
  MaybeError ActiveSlackSession(const std::string& user, std::string* id) override {
    if (FailOnce(&lookup_failed_)) return StorageError("injected: lookup");
    return inner_.ActiveSlackSession(user, id);
  }
  MaybeError AnswersTo(const std::string& q, int n, std::vector<std::string>* out) override {
    return inner_.AnswersTo(q, n, out);
  }
  MaybeError CountActive(int* count) override { return inner_.CountActive(count); }
  MaybeError Check() override { return inner_.Check(); }

 private:
  bool FailOnce(bool* failed) {
    if (fault_ != Fault::kFailOnce || *failed) return false;
    return *failed = true;
  }
  SessionStore& inner_;
  const Fault fault_;
  bool commit_failed_ = false, lookup_failed_ = false;
};

int KillInCommit(void*) {
  raise(SIGKILL);
  return 0;
}

// What serve runs for Slack deliveries, minus HTTP: one SQLite connection, so that the commit hook
// of kKillInCommit sees every commit.
struct Stack : MiniInterview {
  std::unique_ptr<SqliteStore> store;
  std::unique_ptr<SqliteDeliveryQueue> queue;
  std::unique_ptr<FaultyStore> faulty;
  std::unique_ptr<SessionService> sessions;
  std::unique_ptr<SlackConversation> conversation;

  // Without doctest assertions: it also runs in forked children.
  Stack(const std::string& path, Fault fault) {
    std::string error;
    store = SqliteStore::Open(path, 1, &error);
    if (!store) throw std::runtime_error(error);
    queue = std::make_unique<SqliteDeliveryQueue>(*store);
    if (fault == Fault::kKillInCommit) {
      auto db = store->database().Acquire();
      sqlite3_commit_hook(db->getHandle(), KillInCommit, nullptr);
    }
    faulty = std::make_unique<FaultyStore>(*store, fault);
    sessions = std::make_unique<SessionService>(*interview, *faulty, nullptr);
    conversation = std::make_unique<SlackConversation>(*sessions, "https://bot.example", "report-key");
    conversation->SetIdentity({"UBOT", "BBOT"});
  }

  void Add(const std::string& key, const std::string& kind, const json& payload) {
    bool duplicate = false;
    if (queue->AddInbound({0, key, kind, payload.dump()}, clock.NowMs(), &duplicate) || duplicate) {
      throw std::runtime_error("could not add " + key);
    }
  }
  // The worker's pass over the inbox: how many deliveries were processed before an error.
  int ProcessPending() {
    std::vector<InboxItem> pending;
    if (queue->PendingInbound(50, &pending)) return -1;
    int processed = 0;
    for (const auto& item : pending) {
      if (conversation->Process(item)) break;
      ++processed;
    }
    return processed;
  }
};

json Dm(const std::string& text) {
  return {{"type", "event_callback"},
          {"team_id", "T1"},
          {"event", {{"type", "message"}, {"channel_type", "im"}, {"channel", "D1"}, {"user", "U1"}, {"text", text}}}};
}

// A database where U1 has started an interview and answered it by DM; the answer is acknowledged
// (in the inbox) but not processed.
std::string AnsweredButUnprocessed() {
  static int n = 0;
  const std::string path = TempPath("acked" + std::to_string(n++) + ".db");
  Stack stack(path, Fault::kNone);
  stack.Add("command:tr1:U1", "command",
            {{"team_id", "T1"}, {"user_id", "U1"}, {"user_name", "ada"}, {"text", "start"},
             {"response_url", "https://hooks.example/respond/1"}});
  REQUIRE(stack.ProcessPending() == 1);
  stack.Add("event:Ev1", "event", Dm(kAnswer));
  return path;
}

// What the file says after the test: the answer's copies stored, deliveries pending, replies queued.
struct Outcome {
  int answers = 0, pending = 0, dm_replies = 0, notices = 0;
  std::string state;
};

Outcome Read(const std::string& path) {
  SQLite::Database db(path, SQLite::OPEN_READONLY);
  Outcome o;
  // As an answer or, applied twice, as the follow-up answer too (issue 15's lost question).
  o.answers = db.execAndGet(std::string("SELECT COUNT(*) FROM messages WHERE json_extract(doc, '$.text') = '") +
                            kAnswer + "'")
                  .getInt();
  o.pending = db.execAndGet("SELECT COUNT(*) FROM inbox WHERE done = 0").getInt();
  o.dm_replies = db.execAndGet("SELECT COUNT(*) FROM outbox WHERE target = 'chat.postMessage' AND body "
                               "LIKE '%Score: %'")
                     .getInt();
  o.notices = db.execAndGet("SELECT COUNT(*) FROM outbox WHERE body LIKE '%Something went wrong on our side%'")
                  .getInt();
  o.state = db.execAndGet("SELECT state FROM sessions").getString();
  return o;
}

}  // namespace

TEST_CASE("A DM answer is applied once when the worker is killed before, in or after the turn's commit") {
  const std::string acked = AnsweredButUnprocessed();
  struct Case {
    std::string name;
    Fault fault;
  };
  const std::vector<Case> cases = {{"no crash", Fault::kNone},
                                   {"killed before the commit", Fault::kKillBeforeCommit},
                                   {"killed inside the commit", Fault::kKillInCommit},
                                   {"killed after the commit", Fault::kKillAfterCommit}};
  for (const auto& c : cases) {
    CAPTURE(c.name);
    const std::string path = TempPath(std::string("crash-") + std::to_string(static_cast<int>(c.fault)) + ".db");
    std::filesystem::copy_file(acked, path, std::filesystem::copy_options::overwrite_existing);
    const pid_t child = fork();
    REQUIRE(child >= 0);
    if (child == 0) {
      int code = 3;
      try {
        Stack stack(path, c.fault);
        code = stack.ProcessPending() == 1 ? 0 : 2;
      } catch (...) {
      }
      _exit(code);
    }
    int status = 0;
    REQUIRE(waitpid(child, &status, 0) == child);
    const bool killed = WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
    CHECK(killed == (c.fault != Fault::kNone));
    if (!killed) CHECK(WEXITSTATUS(status) == 0);

    // Restart on the same file: the worker's next pass does whatever is left.
    Stack restarted(path, Fault::kNone);
    const int processed = restarted.ProcessPending();
    CHECK(processed == (c.fault == Fault::kKillAfterCommit || c.fault == Fault::kNone ? 0 : 1));
    const Outcome o = Read(path);
    CHECK(o.answers == 1);
    CHECK(o.pending == 0);
    CHECK(o.dm_replies == 1);
    CHECK(o.state == "follow_up");
  }
}

TEST_CASE("A failing database keeps the delivery for a retry and tells its sender once") {
  const std::string path = TempPath("fail-once.db");
  std::filesystem::copy_file(AnsweredButUnprocessed(), path);
  Stack stack(path, Fault::kFailOnce);
  // First pass: the session lookup fails. Not "no interview in progress": a retry notice.
  CHECK(stack.ProcessPending() == 0);
  Outcome o = Read(path);
  CHECK(o.pending == 1);
  CHECK(o.notices == 1);
  CHECK(o.answers == 0);
  // Second pass: the turn's commit fails; still pending, and no second notice.
  CHECK(stack.ProcessPending() == 0);
  o = Read(path);
  CHECK(o.pending == 1);
  CHECK(o.notices == 1);
  CHECK(o.answers == 0);
  // Third pass: the database is back.
  CHECK(stack.ProcessPending() == 1);
  o = Read(path);
  CHECK(o.pending == 0);
  CHECK(o.answers == 1);
  CHECK(o.dm_replies == 1);
  CHECK(o.notices == 1);
}

}  // namespace bot
