// The inbound Slack routes: verification, acks, the inbox and de-duplication, through real HTTP.
#include <doctest/doctest.h>

#include "bot/slack/slack_harness.h"
#include "slack/slack_signature.h"

namespace bot {
namespace {

using nlohmann::json;

json Event(const std::string& event_id, const std::string& user, const std::string& text) {
  return {{"type", "event_callback"},
          {"team_id", "T1"},
          {"event_id", event_id},
          {"event", {{"type", "message"}, {"channel_type", "im"}, {"channel", "D1"},
                     {"user", user}, {"text", text}, {"ts", "1.1"}}}};
}

TEST_CASE("without Slack settings every Slack route answers 503 and the rest works") {
  SlackHarness h(TempDbPath(), SlackConfig{});
  const json expected = {{"error", {{"code", "slack_not_configured"},
                                    {"message", "Slack is not configured on this server: set "
                                                "SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN"},
                                    {"field", ""}}}};
  for (const char* path : {"/slack/commands", "/slack/events", "/slack/interactions"}) {
    CAPTURE(path);
    auto res = h.PostSigned(path, "a=b", "application/x-www-form-urlencoded");
    REQUIRE(res);
    CHECK(res->status == 503);
    CHECK(json::parse(res->body) == expected);
  }
  httplib::Client client("127.0.0.1", h.port());
  auto health = client.Get("/healthz");
  REQUIRE(health);
  CHECK(health->status == 200);
}

TEST_CASE("unverified requests get 401 and nothing is stored") {
  FakeSlackServer fake;
  SlackHarness h(TempDbPath(), ConfiguredFor(fake));
  const std::string body = Event("Ev1", "U1", "hello").dump();
  const std::string now = std::to_string(h.clock().NowMs() / 1000);
  const std::string stale = std::to_string(h.clock().NowMs() / 1000 - 301);
  const std::string future = std::to_string(h.clock().NowMs() / 1000 + 301);
  struct Case {
    const char* name;
    httplib::Headers headers;
    std::string code;
  };
  const std::vector<Case> cases = {
      {"no headers", {}, "invalid_signature"},
      {"no signature", {{"X-Slack-Request-Timestamp", now}}, "invalid_signature"},
      {"wrong signature",
       {{"X-Slack-Request-Timestamp", now},
        {"X-Slack-Signature", SlackSignature("wrong-secret", now, body)}},
       "invalid_signature"},
      {"stale",
       {{"X-Slack-Request-Timestamp", stale},
        {"X-Slack-Signature", SlackSignature(kTestSigningSecret, stale, body)}},
       "stale_request"},
      {"future",
       {{"X-Slack-Request-Timestamp", future},
        {"X-Slack-Signature", SlackSignature(kTestSigningSecret, future, body)}},
       "stale_request"},
  };
  httplib::Client client("127.0.0.1", h.port());
  for (const auto& c : cases) {
    CAPTURE(c.name);
    auto res = client.Post("/slack/events", c.headers, body, "application/json");
    REQUIRE(res);
    CHECK(res->status == 401);
    CHECK(json::parse(res->body)["error"]["code"] == c.code);
  }
  CHECK(h.Pending().empty());
  h.Drain();
  CHECK(fake.Requests("/api/chat.postMessage").empty());
}

TEST_CASE("url_verification answers the challenge") {
  FakeSlackServer fake;
  SlackHarness h(TempDbPath(), ConfiguredFor(fake));
  auto res = h.PostEvent({{"type", "url_verification"}, {"challenge", "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"}});
  REQUIRE(res);
  CHECK(res->status == 200);
  CHECK(json::parse(res->body) == json{{"challenge", "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"}});
}

TEST_CASE("an interaction payload over 8 KB is accepted and stored") {
  FakeSlackServer fake;
  SlackHarness h(TempDbPath(), ConfiguredFor(fake));
  const json payload = {{"type", "block_actions"},
                        {"trigger_id", "tr1"},
                        {"user", {{"id", "U1"}, {"team_id", "T1"}}},
                        {"message", {{"text", std::string(12000, 'x')}}},
                        {"actions", {{{"action_id", "hint"}, {"action_ts", "1.2"}}}}};
  auto res = h.PostInteraction(payload);
  REQUIRE(res);
  CHECK(res->status == 200);
  CHECK(res->body == "");
  const auto pending = h.Pending();
  REQUIRE(pending.size() == 1);
  CHECK(pending[0].dedupe_key == "interaction:tr1:1.2");
  CHECK(json::parse(pending[0].payload) == payload);
}

TEST_CASE("a retried event is acknowledged and processed once, even across a restart") {
  FakeSlackServer fake;
  const std::string path = TempDbPath();
  {
    SlackHarness h(path, ConfiguredFor(fake));
    auto first = h.PostEvent(Event("EvA", "U1", "help"));
    REQUIRE(first);
    CHECK(first->status == 200);
    h.Drain();
    auto retry = h.PostEvent(Event("EvA", "U1", "help"));
    REQUIRE(retry);
    CHECK(retry->status == 200);
    h.Drain();
  }
  SlackHarness restarted(path, ConfiguredFor(fake));
  auto again = restarted.PostEvent(Event("EvA", "U1", "help"));
  REQUIRE(again);
  CHECK(again->status == 200);
  restarted.Drain();
  CHECK(fake.Requests("/api/chat.postMessage").size() == 1);
}

TEST_CASE("the bot ignores its own messages and other bots'") {
  FakeSlackServer fake;
  SlackHarness h(TempDbPath(), ConfiguredFor(fake));
  json from_bot_id = Event("Ev2", "U9", "help");
  from_bot_id["event"]["bot_id"] = "B9";
  json edited = Event("Ev3", "U1", "help");
  edited["event"]["subtype"] = "message_changed";
  for (const json& e : {Event("Ev1", "UBOT", "help"), from_bot_id, edited}) {
    auto res = h.PostEvent(e);
    REQUIRE(res);
    CHECK(res->status == 200);
  }
  h.Drain();
  CHECK(fake.Requests("/api/auth.test").size() == 1);
  CHECK(fake.Requests("/api/chat.postMessage").empty());
  CHECK(h.Pending().empty());
}

TEST_CASE("malformed bodies that pass the signature get a 400 JSON error") {
  FakeSlackServer fake;
  SlackHarness h(TempDbPath(), ConfiguredFor(fake));
  auto res = h.PostSigned("/slack/interactions", "payload=%7Bnot-json", "application/x-www-form-urlencoded");
  REQUIRE(res);
  CHECK(res->status == 400);
  CHECK(json::parse(res->body) ==
        json{{"error", {{"code", "invalid_field"},
                        {"message", "the form field payload must hold a JSON object"},
                        {"field", "payload"}}}});
}

}  // namespace
}  // namespace bot

namespace bot {

TEST_CASE("signature edge cases are refused on all three routes") {
  FakeSlackServer fake;
  SlackHarness h(TempDbPath(), ConfiguredFor(fake));
  const std::string now = std::to_string(h.clock().NowMs() / 1000);
  struct Route {
    const char* path;
    std::string body, type;
  };
  const std::vector<Route> routes = {
      {"/slack/commands", "team_id=T1&user_id=U1&text=start&trigger_id=t1", "application/x-www-form-urlencoded"},
      {"/slack/events", Event("Ev1", "U1", "hello").dump(), "application/json"},
      {"/slack/interactions", "payload=" + httplib::detail::encode_query_param(R"({"type":"block_actions"})"),
       "application/x-www-form-urlencoded"},
  };
  for (const auto& route : routes) {
    const std::string good = SlackSignature(kTestSigningSecret, now, route.body);
    std::string upper = good;
    for (size_t i = 3; i < upper.size(); ++i) upper[i] = static_cast<char>(std::toupper(upper[i]));
    const std::vector<std::pair<const char*, httplib::Headers>> cases = {
        {"truncated", {{"X-Slack-Request-Timestamp", now}, {"X-Slack-Signature", good.substr(0, good.size() - 1)}}},
        {"half", {{"X-Slack-Request-Timestamp", now}, {"X-Slack-Signature", good.substr(0, 35)}}},
        {"bare v0=", {{"X-Slack-Request-Timestamp", now}, {"X-Slack-Signature", "v0="}}},
        {"empty", {{"X-Slack-Request-Timestamp", now}, {"X-Slack-Signature", ""}}},
        {"extra characters", {{"X-Slack-Request-Timestamp", now}, {"X-Slack-Signature", good + "0"}}},
        {"uppercase hex", {{"X-Slack-Request-Timestamp", now}, {"X-Slack-Signature", upper}}},
        {"v1 prefix", {{"X-Slack-Request-Timestamp", now}, {"X-Slack-Signature", "v1=" + good.substr(3)}}},
        {"missing signature", {{"X-Slack-Request-Timestamp", now}}},
        {"missing timestamp", {{"X-Slack-Signature", good}}},
        {"doubled signature, good first", {{"X-Slack-Request-Timestamp", now}, {"X-Slack-Signature", good},
                                           {"X-Slack-Signature", "v0="}}},
        {"doubled signature, good second", {{"X-Slack-Request-Timestamp", now}, {"X-Slack-Signature", "v0="},
                                            {"X-Slack-Signature", good}}},
        {"doubled timestamp", {{"X-Slack-Request-Timestamp", now}, {"X-Slack-Request-Timestamp", now},
                               {"X-Slack-Signature", good}}},
    };
    httplib::Client client("127.0.0.1", h.port());
    // Not a structured binding: doctest's CAPTURE takes a lambda, and C++17 lambdas cannot capture one.
    for (const auto& forged : cases) {
      CAPTURE(route.path);
      CAPTURE(forged.first);
      auto res = client.Post(route.path, forged.second, route.body, route.type.c_str());
      REQUIRE(res);
      CHECK(res->status == 401);
      CHECK(json::parse(res->body)["error"]["code"] == "invalid_signature");
    }
    // The same request with the right signature, once, is accepted.
    auto ok = client.Post(route.path, {{"X-Slack-Request-Timestamp", now}, {"X-Slack-Signature", good}},
                          route.body, route.type.c_str());
    REQUIRE(ok);
    CHECK(ok->status == 200);
  }
  CHECK(h.Pending().size() == 3);  // one delivery a route: only the correctly signed requests
}

TEST_CASE("verified Slack requests are not limited by source address; unverified ones are") {
  FakeSlackServer fake;
  SlackHarness h(TempDbPath(), ConfiguredFor(fake), 60);  // 60 a minute, bursts of 20, per address
  int limited = 0;
  for (int i = 0; i < 200; ++i) {
    auto res = h.PostEvent(Event("Ev" + std::to_string(i), "U1", "hi"));
    REQUIRE(res);
    if (res->status == 429) ++limited;
    else CHECK(res->status == 200);
  }
  CHECK(limited == 0);
  httplib::Client client("127.0.0.1", h.port());
  int unverified_401 = 0, unverified_429 = 0;
  for (int i = 0; i < 30; ++i) {
    auto res = client.Post("/slack/events", {{"X-Slack-Request-Timestamp", "1"}, {"X-Slack-Signature", "v0="}},
                           "{}", "application/json");
    REQUIRE(res);
    (res->status == 429 ? unverified_429 : unverified_401)++;
  }
  CHECK(unverified_401 == 20);
  CHECK(unverified_429 == 10);
  auto signed_after = h.PostEvent(Event("Ev-after", "U1", "hi"));
  REQUIRE(signed_after);
  CHECK(signed_after->status == 200);
}

}  // namespace bot
