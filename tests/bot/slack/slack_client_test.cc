// The real HttpSlackClient against a FakeSlackServer on loopback.
#include <doctest/doctest.h>

#include "fakes/fake_slack_server.h"
#include "slack/slack_client.h"

namespace bot {
namespace {

TEST_CASE("HttpSlackClient posts JSON with the bot token and reads Slack's answer") {
  FakeSlackServer fake;
  HttplibPoster poster;
  HttpSlackClient client(poster, fake.base_url() + "/api", "xoxb-test");
  const SlackResult r = client.Call("chat.postMessage", {{"channel", "D1"}, {"text", "hi"}});
  CHECK(r.ok);
  CHECK(r.error == "");
  const auto requests = fake.Requests("/api/chat.postMessage");
  REQUIRE(requests.size() == 1);
  CHECK(requests[0].authorization == "Bearer xoxb-test");
  CHECK(requests[0].Json() == nlohmann::json{{"channel", "D1"}, {"text", "hi"}});
}

TEST_CASE("HttpSlackClient turns failures into results") {
  FakeSlackServer fake;
  HttplibPoster poster;
  HttpSlackClient client(poster, fake.base_url() + "/api", "xoxb-test");
  fake.Script("/api/chat.postMessage",
              {{200, R"({"ok":false,"error":"channel_not_found"})", ""},
               {429, R"({"ok":false,"error":"ratelimited"})", "7"},
               {503, "down", ""},
               {200, R"({"ok":false,"error":"ratelimited"})", ""}});
  struct Expected {
    bool retryable;
    int retry_after;
    std::string error;
  };
  const std::vector<Expected> expected = {
      {false, -1, "slack chat.postMessage: channel_not_found"},
      {true, 7, "HTTP 429 rate limited"},
      {true, -1, "HTTP 503"},
      {true, -1, "slack chat.postMessage: ratelimited"}};
  for (const auto& e : expected) {
    const SlackResult r = client.Call("chat.postMessage", {{"channel", "D1"}});
    CHECK_FALSE(r.ok);
    CHECK(r.retryable == e.retryable);
    CHECK(r.retry_after_seconds == e.retry_after);
    CHECK(r.error == e.error);
  }
}

TEST_CASE("HttpSlackClient posts to a response_url without the bot token") {
  FakeSlackServer fake;
  HttplibPoster poster;
  HttpSlackClient client(poster, fake.base_url() + "/api", "xoxb-test");
  CHECK(client.PostToResponseUrl(fake.base_url() + "/respond/1", {{"text", "x"}}).ok);
  const auto requests = fake.Requests("/respond/1");
  REQUIRE(requests.size() == 1);
  CHECK(requests[0].authorization == "");
  CHECK(requests[0].Json() == nlohmann::json{{"text", "x"}});
}

TEST_CASE("HttplibPoster reports an unreachable or malformed URL as no answer") {
  HttplibPoster poster;
  CHECK(poster.Post("ftp://x/y", {}, "", "text/plain").error == "not an http(s) URL");
  const HttpReply r = poster.Post("http://127.0.0.1:1/x", {}, "", "text/plain");
  CHECK(r.status == 0);
  CHECK(r.error.rfind("no answer: ", 0) == 0);
}

}  // namespace
}  // namespace bot
