// A Slack interview answered from Slack and from a second caller at the same moment (the web API
// itself no longer reaches a Slack session): every transport goes through the one SessionService,
// whose turns on a session never overlap. The store underneath
// watches every turn (load to commit) and counts any that start while another is open.
#include <doctest/doctest.h>

#include <thread>

#include "bot/mini_interview.h"
#include "core/session_service.h"
#include "fakes/memory_store.h"
#include "fakes/watched_store.h"
#include "slack/slack_conversation.h"

namespace bot {

TEST_CASE("A Slack DM and another caller on one session go through one service, one turn at a time") {
  MiniInterview mini;
  MemoryStore memory;
  // Each turn is held open 3 ms after its load: were turns not serialised, they would overlap.
  WatchedStore watched(memory, std::chrono::milliseconds(3));
  SessionService sessions(*mini.interview, watched, nullptr);

  // The Slack side: the conversation the worker runs, on the same service, fed through the inbox.
  SlackConversation slack(sessions, "https://bot.example", "report-key");
  slack.SetIdentity({"UBOT", "BBOT"});
  int deliveries = 0;
  // Stores one delivery and processes it as the worker would (no assertions: runs in a thread).
  const auto deliver = [&](const std::string& kind, const nlohmann::json& payload) -> MaybeError {
    bool duplicate = false;
    std::vector<InboxItem> pending;
    if (auto e = memory.AddInbound({0, kind + std::to_string(++deliveries), kind, payload.dump()}, 0, &duplicate)) return e;
    if (auto e = memory.PendingInbound(1, &pending)) return e;
    if (pending.size() != 1) return Error{ErrorKind::kInternal, "test", "not one pending delivery", ""};
    return slack.Process(pending[0]);
  };
  REQUIRE_FALSE(deliver("command", {{"team_id", "T1"}, {"user_id", "U1"}, {"text", "start"},
                                    {"response_url", "https://hooks.example/r"}}));
  std::string id;
  REQUIRE_FALSE(memory.ActiveSlackSession("T1:U1", &id));
  REQUIRE(id.size() == 32);

  constexpr int kTurns = 15;
  int web_ok = 0, slack_ok = 0;
  // The web API no longer reaches a Slack session (issue 15, tests/bot/http/slack_sessions_test.cc):
  // a second caller of the service, as any transport calls it, races the Slack side.
  std::thread web([&] {
    for (int i = 0; i < kTurns; ++i) {
      Turn turn;
      web_ok += !sessions.Handle(id, Input{"", "repeat"}, {}, &turn).has_value();
    }
  });
  std::thread dms([&] {
    for (int i = 0; i < kTurns; ++i) {
      const nlohmann::json dm = {{"type", "event_callback"}, {"team_id", "T1"},
                                 {"event", {{"type", "message"}, {"channel_type", "im"}, {"channel", "D1"},
                                            {"user", "U1"}, {"text", "hint"}}}};
      slack_ok += !deliver("event", dm).has_value();
    }
  });
  web.join();
  dms.join();

  CHECK(web_ok == kTurns);
  CHECK(slack_ok == kTurns);
  CHECK(watched.overlaps() == 0);
  CHECK(watched.conflicts() == 0);
  Session s;
  REQUIRE_FALSE(memory.Load(id, &s));
  CHECK(s.version == 1 + 2 * kTurns);
  REQUIRE(s.messages.size() == 2 + 4 * kTurns);  // each turn: the command and the bot's reply
  int repeats = 0, hints = 0;
  for (size_t i = 0; i < s.messages.size(); ++i) {
    CHECK(s.messages[i].seq == static_cast<int>(i) + 1);
    if (s.messages[i].kind != MessageKind::kCommand) continue;
    const std::string command = s.messages[i].data["command"];
    repeats += command == "repeat";
    hints += command == "hint";
    // A command's reply follows it directly: no other turn got in between.
    CHECK(ToString(s.messages[i + 1].kind) == std::string(command == "repeat" ? "question" : "hint"));
  }
  CHECK(repeats == kTurns);
  CHECK(hints == kTurns);
  CHECK(s.questions[0].hints == kTurns);
  CHECK(memory.Outbox().size() == 1 + kTurns);  // the start reply, then one Slack reply per DM
}

}  // namespace bot
