#include <doctest/doctest.h>

#include "slack/completion_webhooks.h"
#include "slack/hmac.h"
#include "bot/slack/slack_harness.h"

namespace bot {
namespace {

TEST_CASE("IsSlackWebhook: hooks.slack.com URLs and the slack+ prefix get Slack's format") {
  struct Case {
    std::string url;
    bool slack;
    std::string post_url;
  };
  const std::vector<Case> cases = {
      {"https://hooks.slack.com/services/T/B/x", true, "https://hooks.slack.com/services/T/B/x"},
      {"slack+http://127.0.0.1:9/hook", true, "http://127.0.0.1:9/hook"},
      {"https://example.com/hooks.slack.com/", false, "https://example.com/hooks.slack.com/"},
      {"https://ci.example.com/interview", false, "https://ci.example.com/interview"}};
  for (const auto& c : cases) {
    CAPTURE(c.url);
    std::string post_url;
    CHECK(IsSlackWebhook(c.url, &post_url) == c.slack);
    CHECK(post_url == c.post_url);
  }
}

TEST_CASE("WebhookSignatureHeaders sign '{timestamp}.{body}'") {
  const auto h = WebhookSignatureHeaders("s3cret", "{}", 1764352800123);
  CHECK(h == std::map<std::string, std::string>{
                 {"X-Interview-Bot-Timestamp", "1764352800"},
                 {"X-Interview-Bot-Signature", "sha256=" + HmacSha256Hex("s3cret", "1764352800.{}")}});
}

}  // namespace
}  // namespace bot

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
}

}  // namespace
}  // namespace bot
