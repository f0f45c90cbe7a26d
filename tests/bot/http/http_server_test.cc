// In-process API tests: the real server on port 0 with a SQLite file.
#include "http/http_server.h"

#include <doctest/doctest.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include <chrono>
#include <regex>
#include <set>
#include <sstream>
#include <thread>

#include "bot/http/test_server.h"
#include "test_util.h"

namespace {

const char* kAnswer =
    "Every payment attempt gets an idempotency key that the client sends again with each retry, "
    "and the server keeps it under a unique constraint so the second call returns the first result "
    "instead of charging the customer's card a second time.";

}  // namespace

TEST_CASE("A whole interview through the API") {
  bot::TestServer server;
  auto [status, created] = server.Post("/api/sessions", {{"name", "Ada"}, {"client_id", "browser-1"},
                                                         {"track", {{"kind", "custom"}, {"questions", {1, 2}}}}});
  REQUIRE(status == 201);
  const std::string id = created["id"];
  CHECK(id.size() == 32);
  CHECK(created["messages"].size() == 2);
  CHECK(created["current"]["id"] == "payment-retries");
  CHECK(created["links"]["report"] == "/s/" + id + "/report");

  auto [s1, turn1] = server.Post("/api/sessions/" + id + "/messages", {{"text", kAnswer}});
  REQUIRE(s1 == 200);
  std::vector<std::string> kinds;
  for (const auto& m : turn1["messages"]) kinds.push_back(m["kind"]);
  CHECK(kinds == std::vector<std::string>{"answer", "score", "follow_up"});
  CHECK(turn1["session"]["state"] == "follow_up");
  CHECK_FALSE(turn1["session"].contains("messages"));

  auto [s2, turn2] = server.Post("/api/sessions/" + id + "/messages", {{"command", "skip"}});
  REQUIRE(s2 == 200);
  CHECK(turn2["session"]["progress"]["index"] == 1);
  auto [s3, turn3] = server.Post("/api/sessions/" + id + "/messages", {{"text", "end"}});
  REQUIRE(s3 == 200);
  CHECK(turn3["session"]["state"] == "finished");

  auto [s4, report] = server.Get("/api/sessions/" + id + "/report.json");
  REQUIRE(s4 == 200);
  CHECK(report["questions"][0]["status"] == "scored");
  CHECK(report["questions"][1]["status"] == "asked");
  CHECK(report["ended_early"] == true);
  CHECK(report["transcript"].size() == 10);
  auto md = server.Client().Get(("/api/sessions/" + id + "/report.md").c_str());
  REQUIRE(md);
  CHECK(md->get_header_value("Content-Type") == "text/markdown; charset=utf-8");
  CHECK(md->get_header_value("Content-Disposition") ==
        "attachment; filename=\"interview-" + id.substr(0, 8) + ".md\"");
  CHECK(md->body.rfind("# Interview report - Ada\n", 0) == 0);

  auto [s5, history] = server.Get("/api/history?client_id=browser-1");
  REQUIRE(s5 == 200);
  CHECK(history["sessions"].size() == 1);
  CHECK(history["sessions"][0]["id"] == id);
}

TEST_CASE("Every error answers with its status, code, field and message") {
  bot::TestServer server;
  auto [created_status, created] = server.Post("/api/sessions", {{"track", {{"kind", "all"}}}});
  const std::string id = created["id"];
  const std::string messages = "/api/sessions/" + id + "/messages";
  struct Case {
    std::string name, path;
    nlohmann::json body;
    int status;
    std::string code, field, message;
  };
  const std::vector<Case> cases = {
      {"name wrong type", "/api/sessions", {{"name", 5}}, 400, "invalid_field", "name", "name must be a string"},
      {"name with a NUL", "/api/sessions", {{"name", std::string("Ada\0x", 5)}}, 400, "invalid_field", "name",
       "name holds a control character at byte 3; allowed are letters, digits, spaces and punctuation on one line"},
      {"name with a line break", "/api/sessions", {{"name", "Ada\n*URGENT*"}}, 400, "invalid_field", "name",
       "name holds a control character at byte 3; allowed are letters, digits, spaces and punctuation on one line"},
      {"name with a C1 control", "/api/sessions", {{"name", "Ada\xc2\x85"}}, 400, "invalid_field", "name",
       "name holds a control character at byte 3; allowed are letters, digits, spaces and punctuation on one line"},
      {"track wrong type", "/api/sessions", {{"track", "all"}}, 400, "invalid_field", "track", "track must be an object"},
      {"track kind missing", "/api/sessions", {{"track", nlohmann::json::object()}}, 400, "missing_field", "track.kind",
       "track.kind is required: all, random, difficulty, role, level or custom"},
      {"bad count", "/api/sessions", {{"track", {{"kind", "random"}, {"count", 0}}}}, 400, "invalid_field", "track.count",
       "track.count must be between 1 and 2"},
      {"bad client id", "/api/sessions", {{"client_id", "<script>"}}, 400, "invalid_field", "client_id",
       "client_id must be 1 to 64 characters of A-Z, a-z, 0-9, '-' and '_'"},
      {"neither text nor command", messages, nlohmann::json::object(), 400, "missing_field", "text",
       "send exactly one of text (an answer) or command (hint, skip, repeat, model, retry, end)"},
      {"both text and command", messages, {{"text", "a"}, {"command", "hint"}}, 400, "invalid_field", "command",
       "send exactly one of text (an answer) or command (hint, skip, repeat, model, retry, end); this request "
       "has both"},
      {"text wrong type", messages, {{"text", {1, 2}}}, 400, "invalid_field", "text", "text must be a string"},
      {"unknown command", messages, {{"command", "dance"}}, 400, "invalid_field", "command",
       "command must be one of hint, skip, repeat, model, retry, end"},
      {"answer too long", messages, {{"text", std::string(20001, 'a')}}, 413, "answer_too_long", "text",
       "text is 20001 characters; the limit is 20000"},
      {"unknown session", "/api/sessions/ffffffffffffffffffffffffffffffff/messages", {{"text", "hi"}}, 404,
       "unknown_session", "id", "no interview has this id"},
      {"score without answer", "/api/score", {{"question", 1}}, 400, "missing_field", "answer", "answer is required"},
      {"score unknown question", "/api/score", {{"question", "nope"}, {"answer", "x"}}, 404, "unknown_question", "question",
       "unknown question \"nope\"; valid: 1 payment-retries, 2 cache-stampede"},
      {"score question wrong type", "/api/score", {{"question", true}, {"answer", "x"}}, 400, "invalid_field", "question",
       "question must be a question id or number"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.name);
    auto [status, body] = server.Post(c.path, c.body);
    CHECK(status == c.status);
    CHECK(body["error"]["code"] == c.code);
    CHECK(body["error"]["field"] == c.field);
    CHECK(body["error"]["message"] == c.message);
  }
}

TEST_CASE("Security headers on every page and API answer") {
  bot::TestServer server;
  for (const char* path : {"/", "/api/questions", "/nope", "/healthz"}) {
    CAPTURE(path);
    auto res = server.Client().Get(path);
    REQUIRE(res);
    CHECK(res->get_header_value("Content-Security-Policy").find("script-src 'self'") != std::string::npos);
    CHECK(res->get_header_value("X-Content-Type-Options") == "nosniff");
    CHECK(res->get_header_value("Referrer-Policy") == "no-referrer");
  }
  auto page = server.Client().Get("/s/0123456789abcdef0123456789abcdef");
  REQUIRE(page);
  CHECK(page->status == 200);
  CHECK(page->get_header_value("Content-Type") == "text/html; charset=utf-8");
}

TEST_CASE("Sessions survive a restart on the same database file") {
  std::string db, id;
  {
    bot::TestServer first;
    db = first.db_path();
    auto [status, created] = first.Post("/api/sessions", {{"track", {{"kind", "all"}}}});
    id = created["id"];
    first.Post("/api/sessions/" + id + "/messages", {{"text", kAnswer}});
  }
  bot::TestServer second(db);
  auto [status, session] = second.Get("/api/sessions/" + id);
  REQUIRE(status == 200);
  CHECK(session["state"] == "follow_up");
  CHECK(session["messages"].size() == 5);
  CHECK(session["messages"][3]["kind"] == "score");
  auto [s2, turn] = second.Post("/api/sessions/" + id + "/messages", {{"command", "skip"}});
  CHECK(s2 == 200);
  CHECK(turn["messages"][0]["seq"] == 6);
}

TEST_CASE("Concurrent sessions from several threads all complete") {
  // Six clients at once from 127.0.0.1, a connection per request: a closed connection still counts
  // against its address until its worker has finished with it, so under load the per-address cap
  // (8) refused some of them (2 runs in 60 with the cores busy). This test is about sessions.
  bot::ConnectionLimits limits;
  limits.per_address = 64;
  bot::TestServer server("", 0, 0, limits);
  constexpr int kThreads = 6;
  std::vector<std::thread> threads;
  std::vector<int> ok(kThreads, 0);
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      auto client = server.Client();
      auto res = client.Post("/api/sessions", R"({"track":{"kind":"all"}})", "application/json");
      if (!res || res->status != 201) return;
      const std::string id = nlohmann::json::parse(res->body)["id"];
      const std::string path = "/api/sessions/" + id + "/messages";
      for (const char* body : {R"({"text":"We add an idempotency key per attempt so retries are safe, and reconcile nightly."})",
                               R"({"command":"skip"})", R"({"command":"skip"})"}) {
        auto r = client.Post(path.c_str(), body, "application/json");
        if (!r || r->status != 200) return;
      }
      auto final = client.Get(("/api/sessions/" + id).c_str());
      ok[t] = final && nlohmann::json::parse(final->body)["state"] == "finished";
    });
  }
  for (auto& t : threads) t.join();
  CHECK(std::count(ok.begin(), ok.end(), 1) == kThreads);
}

TEST_CASE("The rate limit holds one client to its budget") {
  bot::TestServer server("", 60);  // 60 a minute, bursts of 20
  int allowed = 0, limited = 0;
  std::string retry_after;
  for (int i = 0; i < 30; ++i) {
    auto res = server.Client().Get("/api/questions");
    REQUIRE(res);
    if (res->status == 200) ++allowed;
    if (res->status == 429) {
      ++limited;
      retry_after = res->get_header_value("Retry-After");
    }
  }
  CHECK(allowed == 20);
  CHECK(limited == 10);
  CHECK(retry_after == "1");
  server.clock().Advance(60000);
  CHECK(server.Client().Get("/api/questions")->status == 200);
  CHECK(server.Client().Get("/healthz")->status == 200);  // health is never limited
}

TEST_CASE("Stateless scoring and metrics") {
  bot::TestServer server;
  auto [status, result] = server.Post("/api/score", {{"question", "payment-retries"}, {"answer", kAnswer}});
  REQUIRE(status == 200);
  CHECK(result["question"] == "payment-retries");
  CHECK(result["steps"][0]["status"] == "covered");
  // The request counter is updated by the logger, which cpp-httplib calls after the response has
  // been written: the client can ask for /metrics a moment before it counts the score request.
  const std::string counted =
      "interview_bot_http_requests_total{route=\"api_score\",method=\"POST\",status=\"200\"} 1";
  auto metrics = server.Client().Get("/metrics");
  for (int attempt = 0; attempt < 200 && metrics && metrics->body.find(counted) == std::string::npos;
       ++attempt) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    metrics = server.Client().Get("/metrics");
  }
  REQUIRE(metrics);
  CHECK(metrics->body.find("interview_bot_answers_scored_total 1\n") != std::string::npos);
  CHECK(metrics->body.find(counted) != std::string::npos);
  CHECK(metrics->body.find("interview_bot_scoring_seconds_count 1\n") != std::string::npos);
  CHECK(metrics->body.find("interview_bot_active_sessions 0\n") != std::string::npos);
}

TEST_CASE("GET /api/questions/{id} is what the candidate sees: no framework, rubric or rationale") {
  bot::TestServer server;
  auto [status, created] = server.Post("/api/sessions", {{"track", {{"kind", "custom"}, {"questions", {1}}}}});
  REQUIRE(status == 201);
  nlohmann::json asked = created["messages"][1]["data"]["question"];
  asked.erase("asked_at");
  for (const char* path : {"/api/questions/1", "/api/questions/payment-retries"}) {
    CAPTURE(path);
    auto [s, question] = server.Get(path);
    REQUIRE(s == 200);
    CHECK(question == asked);
  }
}

TEST_CASE("/healthz is 503 while the database does not accept writes") {
  bot::TestServer server;
  CHECK(server.Get("/healthz").first == 200);
  {
    // Another writer holds the write lock past the busy timeout: reads still work, writes do not.
    SQLite::Database other(server.db_path(), SQLite::OPEN_READWRITE);
    other.exec("BEGIN IMMEDIATE");
    CHECK(server.Get("/api/questions").first == 200);
    auto [status, health] = server.Get("/healthz");
    CHECK(status == 503);
    CHECK(health["status"] == "error");
    CHECK(health["database"] == "error: the database could not complete the request; try again");
    other.exec("ROLLBACK");
  }
  CHECK(server.Get("/healthz").first == 200);
}

TEST_CASE("/metrics labels come from fixed sets, whatever the request line held") {
  bot::TestServer server;
  std::vector<std::string> lines = {"A\"B /healthz HTTP/1.1", "G\xffT /healthz HTTP/1.1",
                                    "GET /nope\"} 1\nfake_metric{a=\"b /x HTTP/1.1", "BREW /healthz HTTP/1.1"};
  for (int i = 0; i < 50; ++i) lines.push_back(std::string(200, 'A' + i % 26) + std::to_string(i) + " /healthz HTTP/1.1");
  for (const auto& line : lines) server.Raw(line + "\r\nHost: x\r\nConnection: close\r\n\r\n", 500);
  std::string body;
  for (int attempt = 0; attempt < 100; ++attempt) {  // the logger counts after the response is sent
    body = server.Client().Get("/metrics")->body;
    if (body.find("method=\"other\"") != std::string::npos) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  const std::set<std::string> methods = {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "other"};
  const std::regex series(R"re(interview_bot_http_requests_total\{route="([a-z_]+)",method="([A-Za-z]+)",status="(\d{3})"\} \d+)re");
  int counted = 0;
  std::istringstream in(body);
  for (std::string line; std::getline(in, line);) {
    CAPTURE(line);
    for (unsigned char c : line) CHECK((c >= 0x20 && c < 0x7f));
    if (line.rfind("interview_bot_http_requests_total{", 0) != 0) continue;
    std::smatch m;
    REQUIRE(std::regex_match(line, m, series));
    CHECK(methods.count(m[2]) == 1);
    ++counted;
  }
  CHECK(counted >= 1);
  CHECK(counted <= 4);  // other/400, GET/404 and the GETs of /metrics: not one per method sent
}
