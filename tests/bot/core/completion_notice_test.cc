// The completion notice as outbox items: one per URL, each with its stable delivery id, in the
// generic signed-later JSON or Slack's incoming-webhook format.
#include "core/completion_notice.h"

#include <doctest/doctest.h>

#include "test_util.h"

namespace bot {
namespace {

Session Finished() {
  Session s;
  s.id = "0123456789abcdef0123456789abcdef";
  s.name = "Ada <b> & co";
  s.source = SessionSource::kSlack;
  s.slack_user = "T1:U1";
  s.state = SessionState::kFinished;
  s.ended_early = true;
  s.updated_ms = 1764352800000;
  QuestionRecord scored;
  scored.id = "payment-retries";
  scored.status = QuestionStatus::kScored;
  scored.score = 6.4;
  QuestionRecord asked;
  asked.id = "cache-stampede";
  asked.status = QuestionStatus::kAsked;
  s.questions = {scored, asked};
  return s;
}

}  // namespace

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

TEST_CASE("ItemsFor: one item per URL, each with its own stable delivery id") {
  rubric::Status status;
  const rubric::Bank bank = *rubric::LoadBank(TEST_DATA_DIR "/mini-bank", &status);
  const CompletionNotice notice(
      bank, {"https://ci.example/hook", "slack+https://chat.example/hook"}, "https://bot.example");
  const Session s = Finished();
  const auto items = notice.ItemsFor(s);
  REQUIRE(items.size() == 2);

  const std::string report = "https://bot.example/s/" + s.id + "/report";
  CHECK(items[0].kind == "webhook");
  CHECK(items[0].target == "https://ci.example/hook");
  CHECK(items[0].delivery_id == "interview.completed:" + s.id + ":0");
  CHECK(nlohmann::json::parse(items[0].body) ==
        nlohmann::json{{"event", "interview.completed"},
                       {"delivery_id", "interview.completed:" + s.id + ":0"},
                       {"session",
                        {{"id", s.id},
                         {"name", "Ada <b> & co"},
                         {"source", "slack"},
                         {"slack_user", "T1:U1"},
                         {"ended_early", true},
                         {"overall", 6.4},
                         {"finished_at", "2025-11-28T18:00:00Z"},
                         {"questions",
                          {{{"id", "payment-retries"}, {"title", "Payment Retries"}, {"status", "scored"}, {"score", 6.4}},
                           {{"id", "cache-stampede"}, {"title", "Cache Stampede"}, {"status", "asked"}, {"score", nullptr}}}}}},
                       {"report_url", report}});

  CHECK(items[1].kind == "slack_webhook");
  CHECK(items[1].target == "https://chat.example/hook");
  CHECK(items[1].delivery_id == "interview.completed:" + s.id + ":1");
  const std::string headline = "Ada &lt;b&gt; &amp; co finished an interview (ended early): 6.4/10";
  CHECK(nlohmann::json::parse(items[1].body) ==
        nlohmann::json{{"text", headline},
                       {"blocks",
                        {{{"type", "section"},
                          {"text", {{"type", "mrkdwn"},
                                    {"text", headline + "\n• Payment Retries: 6.4/10\n• Cache Stampede: asked\n<" +
                                                 report + "|Report>"}}}}}}});

  // The same session gives the same ids: a notice queued twice is de-duplicated by the store.
  CHECK(notice.ItemsFor(s)[1].delivery_id == items[1].delivery_id);
  CHECK(CompletionNotice(bank, {}, "https://bot.example").ItemsFor(s).empty());
}

TEST_CASE("a candidate's name posts no formatting and no link to Slack") {
  rubric::Status status;
  const rubric::Bank bank = *rubric::LoadBank(TEST_DATA_DIR "/mini-bank", &status);
  Session s = Finished();
  s.name = "*URGENT* _reset_ ~now~ `sso` https://evil.example/sso <https://evil.example|here> <!channel>";
  const auto items = CompletionNotice(bank, {"slack+https://chat.example/hook"}, "https://bot.example").ItemsFor(s);
  REQUIRE(items.size() == 1);
  const std::string text = nlohmann::json::parse(items[0].body)["text"];
  CHECK(text ==
        "\u2217URGENT\u2217 \uff3freset\uff3f \u223cnow\u223c \u02cbsso\u02cb https\u2236//evil\u2024example/sso "
        "&lt;https\u2236//evil\u2024example|here&gt; &lt;!channel&gt; finished an interview (ended early): 6.4/10");
}

}  // namespace bot
