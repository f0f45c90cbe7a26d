// The real `interview-bot serve` binary with the Slack variables pointing at a FakeSlackServer:
// a full interview driven by signed HTTP requests as Slack would send them, then a restart that
// must not replay an acknowledged event.
#include <doctest/doctest.h>
#include <signal.h>

#include <chrono>

#include "bot/cli/serve_slack_requests.h"
#include "bot/cli/server_process.h"
#include "bot/slack/slack_harness.h"
#include "fakes/fake_slack_server.h"

namespace bot {
namespace {

using nlohmann::json;

TEST_CASE("serve: a full Slack interview against a fake Slack, and no replay after a restart") {
  FakeSlackServer fake;
  ScopedEnv env({{"SLACK_SIGNING_SECRET", kTestSigningSecret},
                 {"SLACK_BOT_TOKEN", "xoxb-e2e"},
                 {"SLACK_API_BASE_URL", fake.base_url() + "/api"},
                 {"PUBLIC_BASE_URL", "https://bot.example"},
                 {"COMPLETION_WEBHOOK_URLS", fake.base_url() + "/hook"},
                 {"COMPLETION_WEBHOOK_SECRET", "whsec"}});
  const std::string db = TempDbPath();
  {
    ServerProcess server(db);
    const auto before = std::chrono::steady_clock::now();
    auto ack = Command(server.port(), "start", fake.base_url() + "/respond/1", "tr1");
    const double ack_ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - before).count();
    REQUIRE(ack);
    CHECK(ack->status == 200);
    MESSAGE("serve: /slack/commands ack in " << ack_ms << " ms");
    REQUIRE(fake.WaitFor("/respond/1", 1));
    CHECK(fake.Requests("/respond/1")[0].Json()["blocks"][1]["text"]["text"] ==
          "Question 1 of 2: Payment Retries");

    REQUIRE(Dm(server.port(), "Ev1", "Use an idempotency key with a unique constraint")->status == 200);
    REQUIRE(fake.WaitFor("/api/chat.postMessage", 1));
    const json scored = fake.Requests("/api/chat.postMessage")[0].Json();
    CHECK(scored["channel"] == "D1");
    CHECK(scored["blocks"][0]["text"]["text"].get<std::string>().rfind("*Score: ", 0) == 0);

    REQUIRE(Dm(server.port(), "Ev2", "We would reconcile nightly against the provider ledger")->status == 200);
    REQUIRE(fake.WaitFor("/api/chat.postMessage", 2));

    REQUIRE(Command(server.port(), "end", fake.base_url() + "/respond/2", "tr2")->status == 200);
    REQUIRE(fake.WaitFor("/respond/2", 1));
    CHECK(fake.Requests("/respond/2")[0].Json()["text"].get<std::string>().find("Interview ended.") == 0);
    REQUIRE(fake.WaitFor("/hook", 1));

    REQUIRE(Command(server.port(), "report", fake.base_url() + "/respond/3", "tr3")->status == 200);
    REQUIRE(fake.WaitFor("/respond/3", 1));
    CHECK(fake.Requests("/respond/3")[0].Json()["text"].get<std::string>().rfind(
              "Your interview report: https://bot.example/s/", 0) == 0);
    server.Signal(SIGTERM);
    CHECK(server.Wait() == 0);
  }
  ServerProcess restarted(db);
  // Slack retries Ev2 after the restart: acknowledged, not processed again.
  REQUIRE(Dm(restarted.port(), "Ev2", "We would reconcile nightly against the provider ledger")->status == 200);
  REQUIRE(Command(restarted.port(), "help", fake.base_url() + "/respond/4", "tr4")->status == 200);
  REQUIRE(fake.WaitFor("/respond/4", 1));
  CHECK(fake.Requests("/api/chat.postMessage").size() == 2);
  CHECK(fake.Requests("/api/auth.test").size() == 2);
}

}  // namespace
}  // namespace bot
