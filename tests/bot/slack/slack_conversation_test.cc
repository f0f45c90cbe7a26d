// A whole interview through signed /slack/commands, /slack/events and /slack/interactions requests,
// with the replies posted by the real client to a FakeSlackServer and compared there.
#include <doctest/doctest.h>

#include <chrono>

#include "bot/slack/slack_harness.h"
#include "slack/hmac.h"
#include "slack/report_link.h"

namespace bot {
namespace {

using nlohmann::json;

json Button(const std::string& label, const std::string& action, bool primary = false) {
  json b = {{"type", "button"}, {"text", {{"type", "plain_text"}, {"text", label}}},
            {"action_id", action}, {"value", action}};
  if (primary) b["style"] = "primary";
  return b;
}

std::vector<std::string> BlockTypes(const json& message) {
  std::vector<std::string> types;
  for (const auto& b : message["blocks"]) types.push_back(b["type"]);
  return types;
}

json DirectMessage(const std::string& event_id, const std::string& text) {
  return {{"type", "event_callback"}, {"team_id", "T1"}, {"event_id", event_id},
          {"event", {{"type", "message"}, {"channel_type", "im"}, {"channel", "D1"},
                     {"user", "U1"}, {"text", text}, {"ts", "2.2"}}}};
}

TEST_CASE("a whole Slack interview: start, answer, follow-up, next, end, report, webhook") {
  FakeSlackServer fake;
  SlackConfig config;
  config.signing_secret = kTestSigningSecret;
  config.bot_token = "xoxb-test";
  config.api_base_url = fake.base_url() + "/api";
  config.public_base_url = "https://bot.example";
  config.webhook_urls = {fake.base_url() + "/hook", "slack+" + fake.base_url() + "/slackhook"};
  config.webhook_secret = "whsec";
  SlackHarness h(TempDbPath(), config);

  // 1. /interview start: an empty 200 at once; the question arrives through response_url.
  const auto before = std::chrono::steady_clock::now();
  auto ack = h.PostCommand("start", fake.base_url() + "/respond/1", "tr1");
  const double ack_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - before).count();
  REQUIRE(ack);
  CHECK(ack->status == 200);
  CHECK(ack->body == "");
  MESSAGE("slash command ack latency: " << ack_ms << " ms");
  CHECK(ack_ms < 3000);
  CHECK(fake.Requests("/respond/1").empty());  // nothing is sent before the worker runs
  h.Drain();
  REQUIRE(fake.Requests("/respond/1").size() == 1);
  const json first = fake.Requests("/respond/1")[0].Json();
  CHECK(first["response_type"] == "in_channel");
  CHECK(BlockTypes(first) == std::vector<std::string>{"section", "header", "section", "actions"});
  CHECK(first["blocks"][1]["text"]["text"] == "Question 1 of 2: Payment Retries");
  CHECK(first["blocks"][2]["text"]["text"] ==
        "*A client retries a payment request after a timeout and customers get charged twice. Fix "
        "it.*\n\nYour checkout service calls a payment provider. When the provider is slow the "
        "client times out and retries.\n• No downtime");
  CHECK(first["blocks"][3]["elements"] == json{Button("Hint", "hint"), Button("Skip", "skip"), Button("End", "end")});
  const std::string session_id = h.ActiveSession("T1:U1");
  REQUIRE(session_id.size() == 32);

  // 2. The answer as a DM (message.im): score, then a follow-up, posted to the DM channel.
  auto answered = h.PostEvent(DirectMessage("Ev1", "Add an idempotency key with a <unique> constraint & return the first result"));
  REQUIRE(answered);
  CHECK(answered->status == 200);
  h.Drain();
  auto posts = fake.Requests("/api/chat.postMessage");
  REQUIRE(posts.size() == 1);
  CHECK(posts[0].authorization == "Bearer xoxb-test");
  const json scored = posts[0].Json();
  CHECK(scored["channel"] == "D1");
  CHECK(scored["blocks"][0]["text"]["text"].get<std::string>().rfind("*Score: ", 0) == 0);
  CHECK(scored["blocks"][0]["fields"].size() == 3);  // one per framework step
  CHECK(scored.dump().find("<unique>") == std::string::npos);
  const Session s = h.Load(session_id);
  REQUIRE(s.state == SessionState::kFollowUp);
  CHECK(BlockTypes(scored).back() == "actions");
  CHECK(scored["blocks"][BlockTypes(scored).size() - 2]["text"]["text"] ==
        "*Follow-up:* " + s.questions[0].follow_up_probe);

  // 3. The "Next" button skips the follow-up and asks question 2.
  auto clicked = h.PostInteraction({{"type", "block_actions"}, {"trigger_id", "tr2"},
                                    {"user", {{"id", "U1"}, {"team_id", "T1"}, {"username", "ada"}}},
                                    {"channel", {{"id", "D1"}}},
                                    {"actions", {{{"action_id", "next"}, {"action_ts", "3.3"}}}}});
  REQUIRE(clicked);
  CHECK(clicked->status == 200);
  h.Drain();
  posts = fake.Requests("/api/chat.postMessage");
  REQUIRE(posts.size() == 2);
  CHECK(posts[1].Json()["blocks"][0]["text"]["text"] == "Skipping the follow-up.");
  CHECK(posts[1].Json()["blocks"][1]["text"]["text"] == "Question 2 of 2: Cache Stampede");

  // 4. /interview end: the report link, and both completion webhooks.
  REQUIRE(h.PostCommand("end", fake.base_url() + "/respond/2", "tr3"));
  h.Drain();
  REQUIRE(fake.Requests("/respond/2").size() == 1);
  const json ended = fake.Requests("/respond/2")[0].Json();
  const std::string page = "https://bot.example/s/" + session_id + "/report";
  const std::string link = page + "?t=" + ReportToken(ReportLinkKey(kTestSigningSecret), session_id);
  CHECK(ended["blocks"].back()["text"]["text"].get<std::string>().find("<" + link + "|View your report>") !=
        std::string::npos);
  CHECK(h.ActiveSession("T1:U1") == "");

  const auto hooks = fake.Requests("/hook");
  REQUIRE(hooks.size() == 1);
  const json summary = hooks[0].Json();
  CHECK(summary["event"] == "interview.completed");
  CHECK(summary["report_url"] == page);
  CHECK(summary["session"]["source"] == "slack");
  CHECK(summary["session"]["slack_user"] == "T1:U1");
  CHECK(summary["session"]["ended_early"] == true);
  const std::string ts = hooks[0].headers.find("X-Interview-Bot-Timestamp")->second;
  CHECK(hooks[0].headers.find("X-Interview-Bot-Signature")->second ==
        "sha256=" + HmacSha256Hex("whsec", ts + "." + hooks[0].body));
  const auto slack_hooks = fake.Requests("/slackhook");
  REQUIRE(slack_hooks.size() == 1);
  CHECK(slack_hooks[0].Json()["text"].get<std::string>().rfind("ada finished an interview (ended early): ", 0) == 0);

  // 5. /interview report after the end: the latest session's report.
  REQUIRE(h.PostCommand("report", fake.base_url() + "/respond/3", "tr4"));
  h.Drain();
  REQUIRE(fake.Requests("/respond/3").size() == 1);
  CHECK(fake.Requests("/respond/3")[0].Json()["text"] == "Your interview report: " + link);
}

TEST_CASE("sub-command errors are answered to the user, escaped") {
  FakeSlackServer fake;
  SlackConfig config;
  config.signing_secret = kTestSigningSecret;
  config.bot_token = "xoxb-test";
  config.api_base_url = fake.base_url() + "/api";
  SlackHarness h(TempDbPath(), config);
  // Typed "<!channel>": Slack delivers it escaped; the reply must escape it again, never ping.
  REQUIRE(h.PostCommand("&lt;!channel&gt;", fake.base_url() + "/r/1", "t1"));
  REQUIRE(h.PostCommand("hint", fake.base_url() + "/r/2", "t2"));
  REQUIRE(h.PostCommand("start nonsense", fake.base_url() + "/r/3", "t3"));
  h.Drain();
  REQUIRE(fake.Requests("/r/1").size() == 1);
  CHECK(fake.Requests("/r/1")[0].Json()["blocks"][0]["text"]["text"].get<std::string>().rfind(
            "Unknown sub-command \"&lt;!channel&gt;\".\n", 0) == 0);
  CHECK(fake.Requests("/r/2")[0].Json()["text"] == "No interview in progress; start one with `/interview start`.");
  CHECK(fake.Requests("/r/3")[0].Json()["text"].get<std::string>().rfind("Could not start: no question has level \"nonsense\"", 0) == 0);
}

}  // namespace
}  // namespace bot

namespace bot {

TEST_CASE("@bot report in a channel sends the link to the user alone, never to the channel") {
  FakeSlackServer fake;
  SlackHarness h(TempDbPath(), ConfiguredFor(fake));
  REQUIRE(h.PostCommand("start", fake.base_url() + "/respond/1", "tr1"));
  h.Drain();
  const std::string id = h.ActiveSession("T1:U1");
  REQUIRE(id.size() == 32);
  auto mention = h.PostEvent({{"type", "event_callback"}, {"team_id", "T1"}, {"event_id", "EvM"},
                              {"event", {{"type", "app_mention"}, {"channel", "C-public"}, {"user", "U1"},
                                         {"text", "<@UBOT> report"}, {"ts", "5.5"}}}});
  REQUIRE(mention);
  CHECK(mention->status == 200);
  h.Drain();
  const auto posts = fake.Requests("/api/chat.postMessage");
  REQUIRE(posts.size() == 1);
  const json posted = posts[0].Json();
  CHECK(posted["channel"] == "U1");  // the app's DM with the user
  CHECK_FALSE(posted.contains("thread_ts"));
  CHECK(posted["text"].get<std::string>().find("/s/" + id + "/report?t=") != std::string::npos);
  // And a /interview report typed in a shared DM or channel answers ephemerally.
  REQUIRE(h.PostCommand("report", fake.base_url() + "/respond/2", "tr2"));
  h.Drain();
  REQUIRE(fake.Requests("/respond/2").size() == 1);
  CHECK(fake.Requests("/respond/2")[0].Json()["response_type"] == "ephemeral");
}

}  // namespace bot
