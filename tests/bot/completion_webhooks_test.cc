// Completion webhooks end to end: an interview ended through the web API queues its notice in the
// turn's commit, and the Slack worker's outbox sender delivers it.
#include <doctest/doctest.h>

#include "bot/slack/slack_harness.h"

namespace bot {
namespace {

TEST_CASE("an interview ended on the web sends its completion webhook") {
  FakeSlackServer receiver;
  SlackConfig config;  // no Slack: webhooks still go out
  config.webhook_urls = {receiver.base_url() + "/hook"};
  config.public_base_url = "https://bot.example";
  SlackHarness h(TempDbPath(), config);
  httplib::Client client("127.0.0.1", h.port());
  auto created = client.Post("/api/sessions", R"({"name":"Web & <b>","client_id":"c1"})", "application/json");
  REQUIRE(created);
  REQUIRE(created->status == 201);
  const std::string id = nlohmann::json::parse(created->body)["id"];
  auto ended = client.Post(("/api/sessions/" + id + "/messages").c_str(), R"({"command":"end"})",
                           "application/json");
  REQUIRE(ended);
  REQUIRE(ended->status == 200);
  CHECK(receiver.Requests("/hook").empty());  // queued, not sent inside the request
  h.Drain();
  const auto hooks = receiver.Requests("/hook");
  REQUIRE(hooks.size() == 1);
  const nlohmann::json summary = hooks[0].Json();
  CHECK(summary["report_url"] == "https://bot.example/s/" + id + "/report");
  CHECK(summary["session"]["source"] == "web");
  CHECK(summary["session"]["name"] == "Web & <b>");
  CHECK(summary["session"]["overall"].is_null());
  CHECK(summary["session"]["questions"] ==
        nlohmann::json::array({{{"id", "payment-retries"}, {"title", "Payment Retries"}, {"status", "asked"}, {"score", nullptr}},
                               {{"id", "cache-stampede"}, {"title", "Cache Stampede"}, {"status", "pending"}, {"score", nullptr}}}));
  CHECK(hooks[0].headers.count("X-Interview-Bot-Signature") == 0);  // no secret configured
  CHECK(hooks[0].headers.count("X-Interview-Bot-Timestamp") == 1);
  CHECK(hooks[0].headers.find("X-Interview-Bot-Delivery")->second == "interview.completed:" + id + ":0");
  CHECK(summary["delivery_id"] == "interview.completed:" + id + ":0");
}

}  // namespace
}  // namespace bot
