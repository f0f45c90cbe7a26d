// Two replicas of the real serve binary on one PostgreSQL database (a fresh database in the cluster
// of scripts/with-postgres), behind Debian's nginx, round robin: a web interview and a Slack
// interview pass with their requests alternating between the replicas, and SIGKILLing one replica
// while candidates answer loses nothing that was acknowledged.
#include <doctest/doctest.h>
#include <signal.h>

#include <atomic>
#include <map>
#include <mutex>
#include <set>
#include <thread>

#include "bot/cli/nginx_front.h"
#include "bot/cli/serve_slack_requests.h"
#include "bot/cli/server_process.h"
#include "fakes/fake_slack_server.h"
#include "pg_test_database.h"

namespace bot {
namespace {

using nlohmann::json;

// Two replicas on one new database and nginx in front; `env` is set for the replicas.
struct Replicas {
  explicit Replicas(std::vector<std::pair<std::string, std::string>> env = {})
      : url(FreshPgDatabase()), env_([&] {
          env.emplace_back("DATABASE_URL", url);
          return ScopedEnv(std::move(env));
        }()),
        a(TempDbPath()), b(TempDbPath()), front({a.port(), b.port()}) {}
  const std::string url;
  ScopedEnv env_;
  ServerProcess a, b;
  NginxFront front;
};

struct Reply {
  int status = 0;
  json body;
  std::string replica;  // the port that served it
};

Reply Send(int port, const std::string& method, const std::string& path, const json& body = nullptr) {
  httplib::Client http("127.0.0.1", port);
  http.set_read_timeout(10, 0);
  auto res = method == "GET" ? http.Get(path.c_str())
                             : http.Post(path.c_str(), body.dump(), "application/json");
  if (!res) return {};
  const std::string upstream = res->get_header_value("X-Replica");
  return {res->status, json::parse(res->body, nullptr, false),
          upstream.substr(upstream.rfind(':') + 1)};
}

}  // namespace

TEST_CASE("Two replicas behind nginx: a web interview passes with its requests alternating") {
  Replicas r;
  CHECK(r.a.output().find("database PostgreSQL") != std::string::npos);
  std::vector<std::string> served;
  Reply created = Send(r.front.port(), "POST", "/api/sessions", {{"track", {{"kind", "all"}}}});
  REQUIRE(created.status == 201);
  served.push_back(created.replica);
  const std::string path = "/api/sessions/" + created.body["id"].get<std::string>();
  int answers = 0;
  for (std::string state; state != "finished" && answers < 12; ++answers) {
    Reply turn = Send(r.front.port(), "POST", path + "/messages",
                      {{"text", "An idempotency key per attempt, stored with a unique constraint, "
                                "retries with backoff and a nightly reconciliation " +
                                    std::to_string(answers)}});
    REQUIRE(turn.status == 200);
    served.push_back(turn.replica);
    state = turn.body["session"]["state"].get<std::string>();
  }
  Reply report = Send(r.front.port(), "GET", path);
  REQUIRE(report.status == 200);
  served.push_back(report.replica);
  CHECK(report.body["state"] == "finished");
  int stored_answers = 0;
  for (const auto& m : report.body["messages"]) {
    stored_answers += m["kind"] == "answer" || m["kind"] == "follow_up_answer";
  }
  CHECK(stored_answers == answers);
  // Round robin: every request went to the other replica than the one before.
  CHECK(std::set<std::string>(served.begin(), served.end()) ==
        std::set<std::string>{std::to_string(r.a.port()), std::to_string(r.b.port())});
  for (size_t i = 1; i < served.size(); ++i) CHECK(served[i] != served[i - 1]);
}

TEST_CASE("Two replicas behind nginx: a Slack interview passes; each reply and webhook goes once") {
  FakeSlackServer fake;
  Replicas r({{"SLACK_SIGNING_SECRET", kTestSigningSecret},
              {"SLACK_BOT_TOKEN", "xoxb-e2e"},
              {"SLACK_API_BASE_URL", fake.base_url() + "/api"},
              {"PUBLIC_BASE_URL", "https://bot.example"},
              {"COMPLETION_WEBHOOK_URLS", fake.base_url() + "/hook"}});
  const int port = r.front.port();
  REQUIRE(Command(port, "start", fake.base_url() + "/respond/1", "tr1")->status == 200);
  REQUIRE(fake.WaitFor("/respond/1", 1));
  CHECK(fake.Requests("/respond/1")[0].Json()["blocks"][1]["text"]["text"] ==
        "Question 1 of 2: Payment Retries");
  REQUIRE(Dm(port, "Ev1", "Use an idempotency key with a unique constraint")->status == 200);
  REQUIRE(fake.WaitFor("/api/chat.postMessage", 1));
  // Slack retries Ev1; this time nginx sends it to the other replica.
  REQUIRE(Dm(port, "Ev1", "Use an idempotency key with a unique constraint")->status == 200);
  REQUIRE(Dm(port, "Ev2", "We would reconcile nightly against the provider ledger")->status == 200);
  REQUIRE(fake.WaitFor("/api/chat.postMessage", 2));
  REQUIRE(Command(port, "end", fake.base_url() + "/respond/2", "tr2")->status == 200);
  REQUIRE(fake.WaitFor("/respond/2", 1));
  CHECK(fake.Requests("/respond/2")[0].Json()["text"].get<std::string>().find("Interview ended.") == 0);
  REQUIRE(fake.WaitFor("/hook", 1));
  // Both replicas' workers poll the inbox and the outbox at least once a second: give them time to
  // send anything twice.
  std::this_thread::sleep_for(std::chrono::milliseconds(2500));
  CHECK(fake.Requests("/api/chat.postMessage").size() == 2);
  CHECK(fake.Requests("/respond/1").size() == 1);
  CHECK(fake.Requests("/respond/2").size() == 1);
  CHECK(fake.Requests("/hook").size() == 1);
}

namespace {

// A message a client saw in a 200 reply: it must be stored after the kill.
struct Acked {
  std::string session;
  int seq;
  std::string kind;
};

// Interviews through the front until `stop`, starting a new session whenever one finishes; a
// failed request (the replica died under it) is not acknowledged, and the client carries on.
void Candidate(int port, int client, const std::atomic<bool>* stop, std::mutex* mu,
               std::vector<Acked>* acked) {
  std::string path;
  for (int turn = 0; !*stop; ++turn) {
    if (path.empty()) {
      Reply created = Send(port, "POST", "/api/sessions", {{"track", {{"kind", "all"}}}});
      if (created.status != 201) continue;
      path = "/api/sessions/" + created.body["id"].get<std::string>();
    }
    Reply reply = Send(port, "POST", path + "/messages",
                       {{"text", "Client " + std::to_string(client) + " turn " +
                                     std::to_string(turn) + ": an idempotency key, retries"}});
    if (reply.status != 200) continue;
    std::lock_guard<std::mutex> l(*mu);
    for (const auto& m : reply.body["messages"]) {
      const std::string kind = m["kind"];
      if (kind == "answer" || kind == "score" || kind == "follow_up_score") {
        acked->push_back({path, m["seq"].get<int>(), kind});
      }
    }
    if (reply.body["session"]["state"] == "finished") path.clear();
  }
}

}  // namespace

TEST_CASE("Killing one replica with SIGKILL under load loses no acknowledged answer") {
  Replicas r;
  std::atomic<bool> stop{false};
  std::mutex mu;
  std::vector<Acked> acked;
  std::vector<std::thread> clients;
  for (int c = 0; c < 4; ++c) clients.emplace_back(Candidate, r.front.port(), c, &stop, &mu, &acked);
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));
  r.a.Signal(SIGKILL);
  CHECK(r.a.Wait() == 128 + SIGKILL);
  size_t at_kill = 0;
  {
    std::lock_guard<std::mutex> l(mu);
    at_kill = acked.size();
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));
  stop = true;
  for (auto& t : clients) t.join();

  std::map<std::string, std::map<int, std::string>> stored;  // session -> seq -> kind
  for (const auto& a : acked) {
    if (stored.count(a.session)) continue;
    Reply session = Send(r.front.port(), "GET", a.session);
    REQUIRE(session.status == 200);
    CHECK(session.replica == std::to_string(r.b.port()));
    for (const auto& m : session.body["messages"]) stored[a.session][m["seq"].get<int>()] = m["kind"].get<std::string>();
  }
  for (const auto& a : acked) {
    CAPTURE(a.session);
    CAPTURE(a.seq);
    CHECK(stored[a.session][a.seq] == a.kind);
  }
  MESSAGE(acked.size() << " acknowledged messages checked, " << at_kill << " before the kill");
  CHECK(at_kill > 20);                 // the clients really interviewed on both replicas
  CHECK(acked.size() > at_kill + 20);  // and carried on through the survivor
}

}  // namespace bot
