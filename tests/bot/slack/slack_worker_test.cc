// SlackWorker driven step by step through the harness (real queue, real client, fake Slack).
#include <doctest/doctest.h>

#include "bot/slack/slack_harness.h"

namespace bot {
namespace {

using nlohmann::json;

TEST_CASE("until auth.test succeeds the worker processes nothing, then everything in order") {
  FakeSlackServer fake;
  fake.Script("/api/auth.test", {{200, R"({"ok":false,"error":"invalid_auth"})", ""}});
  SlackHarness h(TempDbPath(), ConfiguredFor(fake));
  for (const char* id : {"Ev1", "Ev2"}) {
    auto res = h.PostEvent({{"type", "event_callback"}, {"team_id", "T1"}, {"event_id", id},
                            {"event", {{"type", "message"}, {"channel_type", "im"},
                                       {"channel", "D1"}, {"user", "U1"}, {"text", "help"}}}});
    REQUIRE(res);
    CHECK(res->status == 200);
  }
  CHECK(h.worker().RunOnce() == 0);
  CHECK(h.Pending().size() == 2);
  CHECK(fake.Requests("/api/chat.postMessage").empty());
  CHECK(h.worker().RunOnce() == 4);  // two inbox items, then their two posts
  CHECK(h.Pending().empty());
  const auto posts = fake.Requests("/api/chat.postMessage");
  REQUIRE(posts.size() == 2);
  CHECK(posts[0].Json()["text"].get<std::string>().rfind("Mock interviews in Slack.", 0) == 0);
}

TEST_CASE("Start, Notify and Stop: the thread delivers without RunOnce and stops promptly") {
  FakeSlackServer fake;
  SlackHarness h(TempDbPath(), ConfiguredFor(fake));
  h.worker().Start();
  auto res = h.PostCommand("help", fake.base_url() + "/respond/1", "tr1");
  REQUIRE(res);
  h.worker().Notify();
  CHECK(fake.WaitFor("/respond/1", 1));
  h.worker().Stop();
}

TEST_CASE("the worker forgets processed deliveries after a day, so the inbox does not grow forever") {
  FakeSlackServer fake;
  SlackHarness h(TempDbPath(), ConfiguredFor(fake));
  REQUIRE(h.PostCommand("help", fake.base_url() + "/respond/1", "tr1"));
  h.Drain();
  auto retry = h.PostCommand("help", fake.base_url() + "/respond/1", "tr1");
  REQUIRE(retry);
  h.Drain();
  CHECK(fake.Requests("/respond/1").size() == 1);  // a retry within the day is recognised

  h.clock().Advance(25LL * 3600 * 1000);
  h.Drain();  // the hourly prune runs
  bool duplicate = true;
  CHECK(h.queue().AddInbound({0, "command:tr1:U1", "command", "{}"}, h.clock().NowMs(),
                             &duplicate) == std::nullopt);
  CHECK_FALSE(duplicate);
}

}  // namespace
}  // namespace bot
