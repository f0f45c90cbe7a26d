#include <doctest/doctest.h>

#include "slack/slack_blocks.h"

namespace bot {
namespace {

using nlohmann::json;

Message Bot(MessageKind kind, const std::string& text, json data = json::object()) {
  Message m;
  m.role = MessageRole::kBot;
  m.kind = kind;
  m.text = text;
  m.data = std::move(data);
  return m;
}

TEST_CASE("a question renders as header, escaped scenario and buttons, within the limits") {
  const std::string title(400, 'T');
  const json question = {{"title", title},
                         {"question", "What breaks & why?"},
                         {"scenario", "A <b>cache</b> stampede"},
                         {"constraints", {"p99 < 200 ms"}}};
  const json out =
      RenderMessages({Bot(MessageKind::kQuestion, "Question 1 of 2", {{"question", question}, {"index", 0}, {"total", 2}})},
                     "http://x/s/1/report");
  const json expected = {
      {"text", "Question 1 of 2"},
      {"blocks",
       {{{"type", "header"},
         {"text", {{"type", "plain_text"}, {"text", "Question 1 of 2: " + std::string(132, 'T') + "…"}}}},
        {{"type", "section"},
         {"text", {{"type", "mrkdwn"},
                   {"text", "*What breaks &amp; why?*\n\nA &lt;b&gt;cache&lt;/b&gt; stampede\n• p99 &lt; 200 ms"}}}},
        {{"type", "actions"},
         {"elements",
          {{{"type", "button"}, {"text", {{"type", "plain_text"}, {"text", "Hint"}}}, {"action_id", "hint"}, {"value", "hint"}},
           {{"type", "button"}, {"text", {{"type", "plain_text"}, {"text", "Skip"}}}, {"action_id", "skip"}, {"value", "skip"}},
           {{"type", "button"}, {"text", {{"type", "plain_text"}, {"text", "End"}}}, {"action_id", "end"}, {"value", "end"}}}}}}}};
  CHECK(out == expected);
}

TEST_CASE("a score shows at most 10 step fields and escaped gaps and never reflects candidate text raw") {
  json steps = json::array();
  for (int i = 0; i < 12; ++i) {
    steps.push_back({{"name", "Step " + std::to_string(i)}, {"status", "covered"}, {"coverage", 1.0}});
  }
  const json result = {{"score", 6.25}, {"band", "fair"}, {"steps", steps},
                       {"gaps", {{{"name", "Verify & <test>"}, {"hint", "Say how"}}}}};
  Message answer;
  answer.role = MessageRole::kCandidate;
  answer.kind = MessageKind::kAnswer;
  answer.text = "<script>alert(1)</script> & more";
  const json out = RenderMessages({answer, Bot(MessageKind::kScore, "6.2/10 <b>", {{"result", result}})}, "u");
  REQUIRE(out["blocks"].size() == 3);
  CHECK(out["blocks"][0]["text"]["text"] == "*Score: 6.2/10* (fair)");
  CHECK(out["blocks"][0]["fields"].size() == kMaxFields);
  CHECK(out["blocks"][0]["fields"][9] == json{{"type", "mrkdwn"}, {"text", "*Step 9*\ncovered (100%)"}});
  CHECK(out["blocks"][1]["text"]["text"] == "*Gaps*\n• *Verify &amp; &lt;test&gt;*: Say how");
  CHECK(out["text"] == "6.2/10 &lt;b&gt;");
  CHECK(out.dump().find("<script>") == std::string::npos);
}

TEST_CASE("long texts are cut to a section's 3000 characters and at most 50 blocks are sent") {
  std::vector<Message> many;
  for (int i = 0; i < 60; ++i) many.push_back(Bot(MessageKind::kInfo, std::string(4000, 'a')));
  const json out = RenderMessages(many, "u");
  CHECK(out["blocks"].size() == kMaxBlocks);
  CHECK(out["blocks"][0]["text"]["text"] == std::string(2999, 'a') + "…");
  CHECK(out["blocks"][49]["text"]["text"] == "_(more in the web report)_");
  CHECK(out["text"].get<std::string>().size() == 2999 + std::string("…").size());
}

TEST_CASE("the report message links to the web report") {
  const json out = RenderMessages({Bot(MessageKind::kReport, "Interview ended.", {{"overall", 7.04}})},
                                  "https://bot.example/s/abc/report");
  CHECK(out["blocks"][0]["text"]["text"] ==
        "*Overall score: 7.0/10*\n<https://bot.example/s/abc/report|View your report>");
}

}  // namespace
}  // namespace bot
