// Crash durability of serve on SQLite: clients interview while the server process is SIGKILLed at
// random moments; after each restart on the same file every answer whose reply a client received
// is there with its score, and the file passes PRAGMA integrity_check.
#include <doctest/doctest.h>
#include <httplib.h>
#include <signal.h>
#include <SQLiteCpp/SQLiteCpp.h>

#include <atomic>
#include <map>
#include <mutex>
#include <random>
#include <thread>

#include <nlohmann/json.hpp>

#include "bot/cli/server_process.h"
#include "temp_path.h"

namespace {

constexpr int kKills = 20;
constexpr int kClients = 4;

// A message a client saw in a 200 reply: it must be in the session after any crash.
struct Acked {
  std::string session;
  int seq;
  std::string kind;
  std::string score;  // data.result.score of score messages, as JSON text; "null" for answers
};

class AckLog {
 public:
  void Add(Acked a) {
    std::lock_guard<std::mutex> lock(mu_);
    acked_.push_back(std::move(a));
  }
  std::vector<Acked> All() const {
    std::lock_guard<std::mutex> lock(mu_);
    return acked_;
  }

 private:
  mutable std::mutex mu_;
  std::vector<Acked> acked_;
};

// data.result.score as JSON text, "missing" when absent (const operator[] on a missing key is UB).
std::string ScoreOf(const nlohmann::json& message) {
  const nlohmann::json::json_pointer score("/data/result/score");
  return message.contains(score) ? message.at(score).dump() : "missing";
}

// Interviews until a request fails (the server was killed): a new session whenever one finishes.
void Candidate(int port, int client, AckLog* log) {
  httplib::Client http("127.0.0.1", port);
  http.set_read_timeout(5, 0);
  std::string path;
  for (int turn = 0;; ++turn) {
    if (path.empty()) {
      auto res = http.Post("/api/sessions", R"({"track":{"kind":"all"}})", "application/json");
      if (!res || res->status != 201) return;
      path = "/api/sessions/" + nlohmann::json::parse(res->body)["id"].get<std::string>();
    }
    const nlohmann::json answer = {
        {"text", "Client " + std::to_string(client) + " turn " + std::to_string(turn) +
                     ": an idempotency key per attempt, retries with backoff" +
                     (turn % 2 ? ", a unique constraint and nightly reconciliation" : "")}};
    auto res = http.Post((path + "/messages").c_str(), answer.dump(), "application/json");
    if (!res || res->status != 200) return;
    const auto reply = nlohmann::json::parse(res->body);
    for (const auto& m : reply["messages"]) {
      const std::string kind = m["kind"];
      if (kind == "answer" || kind == "score" || kind == "follow_up_score") {
        const std::string score = kind == "answer" ? "null" : ScoreOf(m);
        log->Add(Acked{path, m["seq"].get<int>(), kind, score});
      }
    }
    if (reply["session"]["state"] == "finished") path.clear();
  }
}

// Every acked message, as (session path, seq) -> "kind score", against what the server now has.
void CheckStored(int port, const std::vector<Acked>& acked) {
  std::map<std::string, nlohmann::json> sessions;
  httplib::Client http("127.0.0.1", port);
  for (const auto& a : acked) {
    if (!sessions.count(a.session)) {
      auto res = http.Get(a.session.c_str());
      REQUIRE(res);
      REQUIRE(res->status == 200);
      sessions[a.session] = nlohmann::json::parse(res->body)["messages"];
    }
    std::string stored = "missing";
    for (const auto& m : sessions[a.session]) {
      if (m["seq"] == a.seq) {
        stored = m["kind"].get<std::string>() + " " +
                 (a.kind == "answer" ? "null" : ScoreOf(m));
      }
    }
    CAPTURE(a.session);
    CAPTURE(a.seq);
    CHECK(stored == a.kind + " " + a.score);
  }
}

std::string IntegrityCheck(const std::string& db) {
  SQLite::Database check(db, SQLite::OPEN_READONLY);
  return check.execAndGet("PRAGMA integrity_check").getString();
}

}  // namespace

TEST_CASE("Every answer whose reply was received survives SIGKILL at random moments") {
  const std::string db = bot::TempPath("crash.sqlite");
  const unsigned seed = std::random_device{}();
  CAPTURE(seed);
  std::mt19937 rng(seed);
  std::uniform_int_distribution<int> kill_after_ms(30, 400);
  AckLog log;
  size_t acked_before = 0;
  for (int kill = 0; kill < kKills; ++kill) {
    CAPTURE(kill);
    bot::ServerProcess server(db);
    CheckStored(server.port(), log.All());
    std::vector<std::thread> clients;
    for (int c = 0; c < kClients; ++c) clients.emplace_back(Candidate, server.port(), c, &log);
    std::this_thread::sleep_for(std::chrono::milliseconds(kill_after_ms(rng)));
    server.Signal(SIGKILL);
    CHECK(server.Wait() == 128 + SIGKILL);
    for (auto& t : clients) t.join();
    CHECK(IntegrityCheck(db) == "ok");
    CHECK(log.All().size() >= acked_before);
    acked_before = log.All().size();
  }
  bot::ServerProcess last(db);
  CheckStored(last.port(), log.All());
  MESSAGE(log.All().size() << " acknowledged messages checked after " << kKills << " kills");
  CHECK(log.All().size() > 100);  // the clients really interviewed between the kills
}
