// Sessions at their storage edge: the typed states' string forms, the document round trip with the
// typed rubric result, and the exact errors a stored document with an unknown state gets.
#include "core/session.h"

#include <doctest/doctest.h>

#include "bot/mini_interview.h"
#include "test_util.h"

namespace {

// Every value of each enum, through its string form and back.
template <typename Enum>
std::vector<std::string> RoundTrip(int count) {
  std::vector<std::string> names;
  for (int i = 0; i < count; ++i) {
    const auto value = static_cast<Enum>(i);
    const std::string name = bot::ToString(value);
    Enum back{};
    CHECK(bot::Parse(name, "field", &back) == std::nullopt);
    CHECK(back == value);
    names.push_back(name);
  }
  return names;
}

// A session with a scored question (typed result), a skipped one and a pending one.
bot::Session Scored() {
  static const bot::MiniInterview mini;
  const bot::Interview& interview = *mini.interview;
  bot::StartRequest request;
  request.name = "Ada";
  request.client_id = "browser-1";
  request.track.kind = "all";
  bot::Session s;
  REQUIRE_FALSE(interview.Start(request, &s));
  REQUIRE_FALSE(interview.Handle({"hint", ""}, &s));
  REQUIRE_FALSE(interview.Handle({"An idempotency key per attempt under a unique constraint.", ""}, &s));
  return s;
}

}  // namespace

TEST_CASE("Every state has one string form, and it parses back") {
  CHECK(RoundTrip<bot::SessionState>(3) == std::vector<std::string>{"answering", "follow_up", "finished"});
  CHECK(RoundTrip<bot::QuestionStatus>(4) ==
        std::vector<std::string>{"pending", "asked", "scored", "skipped"});
  CHECK(RoundTrip<bot::MessageRole>(2) == std::vector<std::string>{"bot", "candidate"});
  CHECK(RoundTrip<bot::MessageKind>(13) ==
        std::vector<std::string>{"greeting", "question", "answer", "score", "follow_up",
                                 "follow_up_answer", "follow_up_score", "hint", "model_answer",
                                 "skip", "command", "info", "report"});
  CHECK(RoundTrip<bot::SessionSource>(2) == std::vector<std::string>{"web", "slack"});
}

TEST_CASE("An unknown string form is an error naming the field and the allowed values") {
  bot::SessionState state = bot::SessionState::kAnswering;
  CHECK(bot::Parse("paused", "state", &state) ==
        bot::Error{bot::ErrorKind::kInvalid, "invalid_field",
                   "state \"paused\" is not one of answering, follow_up, finished", "state"});
  CHECK(state == bot::SessionState::kAnswering);
  bot::MessageKind kind{};
  CHECK(bot::Parse("Score", "kind", &kind)->message ==
        "kind \"Score\" is not one of greeting, question, answer, score, follow_up, "
        "follow_up_answer, follow_up_score, hint, model_answer, skip, command, info, report");
}

TEST_CASE("A session document round-trips, the typed result with it") {
  const bot::Session s = Scored();
  REQUIRE(s.questions[0].result);
  const nlohmann::json doc = bot::SessionDocToJson(s);
  CHECK(doc["state"] == "follow_up");
  CHECK(doc["questions"][0]["status"] == "scored");
  CHECK(doc["questions"][0]["result"] == rubric::ToJson(*s.questions[0].result));
  CHECK(doc["questions"][1]["result"] == nlohmann::json::object());  // not scored yet
  bot::Session back;
  REQUIRE(bot::SessionFromDoc(doc, &back) == std::nullopt);
  CHECK(bot::SessionDocToJson(back) == doc);
  CHECK(back.state == bot::SessionState::kFollowUp);
  CHECK(back.questions[0].result->score == s.questions[0].result->score);
  CHECK_FALSE(back.questions[1].result);
  for (const auto& m : s.messages) {
    bot::Message read;
    REQUIRE(bot::MessageFromJson(bot::MessageToJson(m), &read) == std::nullopt);
    CHECK(bot::MessageToJson(read) == bot::MessageToJson(m));
  }
}

TEST_CASE("A stored document with an unknown state or a bad result is a storage error saying where") {
  const nlohmann::json good = bot::SessionDocToJson(Scored());
  struct Case {
    std::string name;
    nlohmann::json doc;
    bot::Error error;
  };
  const auto storage = [](const std::string& message, const std::string& field) {
    return bot::Error{bot::ErrorKind::kStorage, "storage", message, field};
  };
  nlohmann::json paused = good, done = good, slack = good, result = good, no_score = good;
  paused["state"] = "paused";
  done["questions"][1]["status"] = "done";
  slack["source"] = "teams";
  result["questions"][0]["result"]["confidence"] = 1;
  no_score["questions"][0]["result"].erase("score");
  const std::vector<Case> cases = {
      {"state", paused, storage("state \"paused\" is not one of answering, follow_up, finished", "state")},
      {"status", done,
       storage("questions[1].status \"done\" is not one of pending, asked, scored, skipped",
               "questions[1].status")},
      {"source", slack, storage("source \"teams\" is not one of web, slack", "source")},
      {"result field", result,
       storage("questions[0].result.confidence: unknown field; allowed here: question, "
               "rubric_version, score, band, words, follow_up, steps, concepts, competencies, "
               "depth, strengths, gaps, flags, flag_details, breakdown, off_topic_match",
               "questions[0].result.confidence")},
      {"result score", no_score,
       storage("questions[0].result.score: required field is missing", "questions[0].result.score")},
  };
  for (const auto& c : cases) {
    CAPTURE(c.name);
    bot::Session s;
    const bot::MaybeError e = bot::SessionFromDoc(c.doc, &s);
    REQUIRE(e);
    CHECK(*e == c.error);
  }
  nlohmann::json message = bot::MessageToJson(Scored().messages[0]);
  message["role"] = "moderator";
  bot::Message m;
  CHECK(bot::MessageFromJson(message, &m) ==
        storage("role \"moderator\" is not one of bot, candidate", "role"));
  bot::Session s;
  const bot::MaybeError missing = bot::SessionFromDoc(nlohmann::json::object(), &s);
  REQUIRE(missing);
  CHECK(missing->kind == bot::ErrorKind::kStorage);
  CHECK(missing->message.rfind("stored session: ", 0) == 0);
}

TEST_CASE("Retries, the model answer seen and a retry in progress round-trip; older documents lack them") {
  bot::Session s = Scored();
  s.questions[0].model_answer_seen = true;
  bot::Attempt retry;
  retry.answer = "A unique key per payment.";
  retry.result = *s.questions[0].result;
  retry.at_ms = 42;
  retry.after_model_answer = true;
  s.questions[0].retries = {retry};
  s.retrying = 0;
  const nlohmann::json doc = bot::SessionDocToJson(s);
  bot::Session back;
  REQUIRE(bot::SessionFromDoc(doc, &back) == std::nullopt);
  CHECK(bot::SessionDocToJson(back) == doc);
  CHECK(back.retrying == 0);
  CHECK(back.questions[0].model_answer_seen);
  REQUIRE(back.questions[0].retries.size() == 1);
  CHECK(back.questions[0].retries[0].answer == "A unique key per payment.");
  CHECK(back.questions[0].retries[0].after_model_answer);

  nlohmann::json old = doc;
  old.erase("retrying");
  old["questions"][0].erase("retries");
  old["questions"][0].erase("model_answer_seen");
  REQUIRE(bot::SessionFromDoc(old, &back) == std::nullopt);
  CHECK(back.retrying == -1);
  CHECK(back.questions[0].retries.empty());
  CHECK_FALSE(back.questions[0].model_answer_seen);

  nlohmann::json bad = doc;
  bad["retrying"] = 7;
  CHECK(bot::SessionFromDoc(bad, &back) ==
        bot::Error{bot::ErrorKind::kStorage, "storage", "retrying 7 is not a question's index", "retrying"});
  bad = doc;
  bad["questions"][0]["retries"][0]["result"].erase("score");
  CHECK(bot::SessionFromDoc(bad, &back)->field == "questions[0].retries[0].result.score");
}
