#include "core/interview.h"

#include <doctest/doctest.h>

#include "bot/mini_interview.h"
#include "fakes/fake_clock.h"
#include "fakes/sequence_random.h"
#include "short_bank.h"
#include "test_util.h"

namespace {

struct Fixture : bot::MiniInterview {
  bot::Session Start(bot::Track track, const std::string& name = "Ada") {
    bot::Session s;
    bot::StartRequest req;
    req.name = name;
    req.track = std::move(track);
    REQUIRE_FALSE(interview->Start(req, &s));
    return s;
  }
  std::vector<std::string> Kinds(const bot::Session& s, size_t from = 0) {
    std::vector<std::string> kinds;
    for (size_t i = from; i < s.messages.size(); ++i) kinds.push_back(bot::ToString(s.messages[i].kind));
    return kinds;
  }
};

const char* kPartial =
    "Every payment attempt gets an idempotency key that the client sends again with each retry, "
    "and the server keeps it under a unique constraint so the second call returns the first result "
    "instead of charging the customer's card a second time.";
const char* kFollowUp =
    "A nightly reconciliation job compares our ledger with the provider's records and refunds every "
    "duplicate charge it finds.";

}  // namespace

TEST_CASE("Start greets, then asks the first question of the track") {
  Fixture f;
  bot::Session s = f.Start({"all"});
  CHECK(s.id == "00000000000000000000000000000001");
  CHECK(f.Kinds(s) == std::vector<std::string>{"greeting", "question"});
  CHECK(s.messages[0].text.rfind("Hi Ada, I'm your interviewer today. We'll go through 2 questions.", 0) == 0);
  CHECK(s.messages[1].data["question"]["id"] == "payment-retries");
  CHECK(s.messages[1].data["total"] == 2);
  CHECK(s.state == bot::SessionState::kAnswering);
  CHECK(s.questions[0].status == bot::QuestionStatus::kAsked);
  CHECK(s.questions[0].asked_at_ms == f.clock.NowMs());
}

TEST_CASE("The greeting asks for the kind of answer the bank scores") {
  Fixture f;
  const std::string interview_greeting = f.Start({"all"}).messages[0].text;
  CHECK(interview_greeting.find("Answer each the way you would in a real interview: structure, "
                                "numbers, trade-offs.") != std::string::npos);
  const ShortBank short_bank({{"queue", "What is a queue?", "A first in first out list."}});
  bot::FakeClock clock;
  bot::SequenceRandom random;
  const bot::Interview short_interview(*short_bank.scorer, clock, random);
  bot::StartRequest all;
  all.track.kind = "all";
  bot::Session s;
  REQUIRE_FALSE(short_interview.Start(all, &s));
  CHECK(s.messages[0].text ==
        "Hi, I'm your interviewer today. We'll go through 1 question. Answer each in a sentence or "
        "two, in your own words. After each answer I'll score it out of 10, show what I credited "
        "and what was missing, and ask one follow-up. Commands at any time: hint, skip, repeat, "
        "model and retry (once a question is closed) and end.");
}

TEST_CASE("Tracks choose the questions; bad tracks name the field") {
  Fixture f;
  bot::Track custom{"custom", "", 0, {"2", "payment-retries"}};
  CHECK(f.Start(custom).questions[0].id == "cache-stampede");
  CHECK(f.Start({"difficulty", "high"}).questions.size() == 2);
  CHECK(f.Start({"random", "", 1}).questions.size() == 1);

  struct Case {
    bot::Track track;
    std::string name;
    bot::Error error;
  };
  constexpr bot::ErrorKind Invalid = bot::ErrorKind::kInvalid;
  const std::vector<Case> cases = {
      {{"weekly"}, "", {Invalid, "invalid_field", "track.kind must be one of all, random, difficulty, role, level, custom", "track.kind"}},
      {{"random", "", 3}, "", {Invalid, "invalid_field", "track.count must be between 1 and 2", "track.count"}},
      {{"role", "Designer"}, "", {Invalid, "invalid_field", "no question has role \"Designer\"; valid: \"Backend Engineer\"", "track.value"}},
      {{"custom", "", 0, {"9"}}, "", {bot::ErrorKind::kNotFound, "unknown_question", "unknown question \"9\"; valid: 1 payment-retries, 2 cache-stampede", "track.questions[0]"}},
      {{"custom", "", 0, {"1", "payment-retries"}}, "", {Invalid, "invalid_field", "question \"payment-retries\" is listed twice", "track.questions[1]"}},
      {{"custom"}, "", {Invalid, "invalid_field", "track.questions must list at least one question", "track.questions"}},
      {{"all"}, std::string(81, 'n'), {Invalid, "invalid_field", "name is 81 bytes; at most 80 are allowed", "name"}},
  };
  for (const auto& c : cases) {
    CAPTURE(c.error.message);
    bot::Session s;
    bot::StartRequest req;
    req.track = c.track;
    req.name = c.name;
    const bot::MaybeError e = f.interview->Start(req, &s);
    REQUIRE(e);
    CHECK(*e == c.error);
  }
}

TEST_CASE("An answer is scored, probed on its biggest gap, and the follow-up updates the score") {
  Fixture f;
  bot::Session s = f.Start({"all"});
  f.clock.Advance(90000);
  REQUIRE_FALSE(f.interview->Handle({kPartial, ""}, &s));
  CHECK(f.Kinds(s, 2) == std::vector<std::string>{"answer", "score", "follow_up"});
  const bot::Message& score = s.messages[3];
  const double first = score.data["result"]["score"].get<double>();
  CHECK(score.data["answer"] == kPartial);
  CHECK(score.data["insights"]["words"] == 41);
  CHECK(s.state == bot::SessionState::kFollowUp);
  CHECK(s.questions[0].answered_at_ms - s.questions[0].asked_at_ms == 90000);
  CHECK(s.messages[4].text == s.messages[4].data["gap"]["probe"]);

  REQUIRE_FALSE(f.interview->Handle({kFollowUp, ""}, &s));
  CHECK(f.Kinds(s, 5) == std::vector<std::string>{"follow_up_answer", "follow_up_score", "question"});
  const bot::Message& updated = s.messages[6];
  CHECK(updated.data["previous_score"] == first);
  CHECK(updated.data["result"]["score"].get<double>() > first);
  CHECK(updated.data["result"]["follow_up"] == true);
  CHECK(s.questions[0].score == updated.data["result"]["score"].get<double>());
  CHECK(s.current == 1);
}

TEST_CASE("An answer that declines scores 0 and the interview moves on without a probe") {
  Fixture f;
  bot::Session s = f.Start({"all"});
  REQUIRE_FALSE(f.interview->Handle({"I don't know.", ""}, &s));
  CHECK(f.Kinds(s, 2) == std::vector<std::string>{"answer", "score", "question"});
  CHECK(s.messages[3].data["result"]["score"] == 0.0);
  CHECK(s.messages[3].data["result"]["gaps"][0]["id"] == "no-answer");
  CHECK(s.questions[0].status == bot::QuestionStatus::kScored);
  CHECK(s.current == 1);
}

TEST_CASE("Commands: typed words and explicit commands") {
  CHECK(bot::Interview::CommandOf(" Hint ") == "hint");
  CHECK(bot::Interview::CommandOf("/skip") == "skip");
  CHECK(bot::Interview::CommandOf("Model answer.") == "model");
  CHECK(bot::Interview::CommandOf("skip the cache and use a lock") == "");

  Fixture f;
  bot::Session s = f.Start({"all"});
  REQUIRE_FALSE(f.interview->Handle({"model", ""}, &s));
  CHECK(s.messages.back().kind == bot::MessageKind::kInfo);
  REQUIRE_FALSE(f.interview->Handle({"", "hint"}, &s));
  CHECK(s.messages.back().kind == bot::MessageKind::kHint);
  CHECK(s.messages.back().data["steps"].size() == 3);
  CHECK(s.questions[0].hints == 1);
  REQUIRE_FALSE(f.interview->Handle({"repeat", ""}, &s));
  CHECK(s.messages.back().kind == bot::MessageKind::kQuestion);

  // A hint caps the question's score.
  const std::string strong = std::string(kPartial) + " " + kFollowUp +
                             " A load test replays provider timeouts at 10x normal traffic and a "
                             "dashboard alerts on any duplicate charges above 0 per day. The "
                             "trade-off is one extra write per payment, about 2ms, and if the key "
                             "store fails we roll back to the old path.";
  rubric::Result uncapped;
  REQUIRE(f.scorer->Score("payment-retries", strong, &uncapped).ok());
  REQUIRE(uncapped.score > bot::Interview::kHintCeiling);
  REQUIRE_FALSE(f.interview->Handle({strong, ""}, &s));
  const nlohmann::json result = s.messages[s.messages.size() - 2].data["result"];
  CHECK(result["score"] == bot::Interview::kHintCeiling);
  CHECK(result["flag_details"].back()["flag"] == "hint-used");
  CHECK(s.questions[0].score == bot::Interview::kHintCeiling);
  // The typed result the session keeps is capped too, with the flag saying why.
  REQUIRE(s.questions[0].result);
  CHECK(s.questions[0].result->score == bot::Interview::kHintCeiling);
  CHECK(s.questions[0].result->band == "strong");
  CHECK(s.questions[0].result->flag_details.back().message ==
        "A hint was used on this question, so its score is capped at 7.0.");
  CHECK(s.questions[0].result->breakdown.back().kind == "cap");  // the lines still add up

  // Every step was covered, so the follow-up presses on the biggest depth gap instead.
  REQUIRE(s.messages.back().kind == bot::MessageKind::kFollowUp);
  CHECK(s.messages.back().data["gap"]["kind"] == "depth");
  REQUIRE_FALSE(f.interview->Handle({"skip", ""}, &s));
  REQUIRE(s.current == 1);
  REQUIRE_FALSE(f.interview->Handle({"skip", ""}, &s));
  CHECK(s.state == bot::SessionState::kFinished);
  CHECK(s.questions[1].status == bot::QuestionStatus::kSkipped);
  CHECK(s.messages.back().kind == bot::MessageKind::kReport);
  CHECK(s.Overall() == doctest::Approx(s.questions[0].score / 2).epsilon(0.06));

  const bot::MaybeError e = f.interview->Handle({"hello", ""}, &s);
  REQUIRE(e);
  CHECK(*e == bot::Error{bot::ErrorKind::kEnded, "interview_ended",
                         "this interview has ended; see its report or start a new one", ""});
}

TEST_CASE("The model answer opens only once the question is closed, led by its key points") {
  Fixture f;
  bot::Session s = f.Start({"all"});
  REQUIRE_FALSE(f.interview->Handle({kPartial, ""}, &s));
  REQUIRE(s.state == bot::SessionState::kFollowUp);
  // The follow-up is still open: no model answer to copy into it.
  REQUIRE_FALSE(f.interview->Handle({"model", ""}, &s));
  CHECK(s.messages.back().kind == bot::MessageKind::kInfo);
  CHECK(s.messages.back().text ==
        "The model answer opens once this question is closed: answer or skip the follow-up first.");
  CHECK_FALSE(s.questions[0].model_answer_seen);
  REQUIRE_FALSE(f.interview->Handle({"repeat", ""}, &s));
  CHECK(s.messages.back().kind == bot::MessageKind::kFollowUp);
  REQUIRE_FALSE(f.interview->Handle({"", "skip"}, &s));
  CHECK(f.Kinds(s, s.messages.size() - 3) == std::vector<std::string>{"command", "skip", "question"});
  CHECK(s.messages[s.messages.size() - 2].data["skipped"] == "follow_up");
  CHECK(s.questions[0].status == bot::QuestionStatus::kScored);

  // Closed: the model answer is the first question's, while the second is open.
  const double closed_score = s.questions[0].score;
  REQUIRE_FALSE(f.interview->Handle({"", "model"}, &s));
  const bot::Message& model = s.messages.back();
  CHECK(model.kind == bot::MessageKind::kModelAnswer);
  CHECK(model.question == "payment-retries");
  CHECK(model.data["index"] == 0);
  CHECK(model.data["reference_score"] == 9);
  CHECK(model.data["key_points"].size() == 4);  // the three steps, then the key principle
  CHECK(model.data["key_points"][3] == "Retries must be safe");
  CHECK(model.data["key_points"][0] == "Prevent duplicates: Make retries safe.");
  CHECK(s.questions[0].model_answer_seen);
  CHECK(s.questions[0].score == closed_score);
}

TEST_CASE("A retry of a closed question is scored on its own and kept; the question's score stays") {
  Fixture f;
  bot::Session s = f.Start({"all"});
  // Nothing is closed yet, and nothing can be retried during a follow-up.
  REQUIRE_FALSE(f.interview->Handle({"", "retry"}, &s));
  CHECK(s.messages.back().text == "You can retry a question once you have answered or skipped it.");
  REQUIRE_FALSE(f.interview->Handle({"I don't know.", ""}, &s));
  REQUIRE(s.current == 1);
  const double first = s.questions[0].score;
  REQUIRE_FALSE(f.interview->Handle({"", "model"}, &s));
  REQUIRE_FALSE(f.interview->Handle({"", "retry"}, &s));
  CHECK(s.retrying == 0);
  const bot::Message& asked = s.messages.back();
  CHECK(asked.kind == bot::MessageKind::kQuestion);
  CHECK(asked.question == "payment-retries");
  CHECK(asked.data["retry"] == nlohmann::json{{"attempt", 2}, {"after_model_answer", true}, {"first_score", first}});

  const size_t before = s.messages.size();
  REQUIRE_FALSE(f.interview->Handle({kPartial, ""}, &s));
  CHECK(f.Kinds(s, before) == std::vector<std::string>{"answer", "score", "question"});
  const bot::Message& scored = s.messages[before + 1];
  CHECK(scored.question == "payment-retries");
  CHECK(scored.data["attempt"] == 2);
  CHECK(scored.data["after_model_answer"] == true);
  rubric::Result alone;
  REQUIRE(f.scorer->Score("payment-retries", kPartial, &alone).ok());
  CHECK(scored.data["result"]["score"] == alone.score);
  CHECK(alone.score > first);
  // The question keeps its first score; the interview is back on the open question.
  CHECK(s.questions[0].score == first);
  REQUIRE(s.questions[0].retries.size() == 1);
  CHECK(s.questions[0].retries[0].answer == kPartial);
  CHECK(s.questions[0].retries[0].after_model_answer);
  CHECK(s.retrying == -1);
  CHECK(s.current == 1);
  CHECK(s.messages.back().question == "cache-stampede");
  CHECK(s.state == bot::SessionState::kAnswering);
}

TEST_CASE("A retry after the interview ended is kept, and skip cancels one") {
  Fixture f;
  bot::Session s = f.Start({"all"});
  REQUIRE_FALSE(f.interview->Handle({"I don't know.", ""}, &s));
  REQUIRE_FALSE(f.interview->Handle({"", "skip"}, &s));
  REQUIRE(s.state == bot::SessionState::kFinished);
  const double overall = s.Overall();
  // The last question was skipped: it is closed, so it is the one retried.
  REQUIRE_FALSE(f.interview->Handle({"", "retry"}, &s));
  CHECK(s.retrying == 1);
  REQUIRE_FALSE(f.interview->Handle({"", "skip"}, &s));
  CHECK(s.messages.back().text == "Retry cancelled.");
  CHECK(s.retrying == -1);
  REQUIRE_FALSE(f.interview->Handle({"", "retry"}, &s));
  REQUIRE_FALSE(f.interview->Handle({"Use a lock so one request refills the cache.", ""}, &s));
  CHECK(s.questions[1].retries.size() == 1);
  CHECK_FALSE(s.questions[1].retries[0].after_model_answer);
  CHECK(s.questions[1].status == bot::QuestionStatus::kSkipped);
  CHECK(s.Overall() == overall);
  CHECK(s.state == bot::SessionState::kFinished);
  // Other input to a finished interview is still refused.
  const bot::MaybeError e = f.interview->Handle({"hello", ""}, &s);
  REQUIRE(e);
  CHECK(e->code == "interview_ended");
}

TEST_CASE("end finishes early; empty text and unknown commands are errors") {
  Fixture f;
  bot::Session s = f.Start({"all"});
  bot::MaybeError e = f.interview->Handle({"   ", ""}, &s);
  REQUIRE(e);
  CHECK(*e == bot::Error{bot::ErrorKind::kInvalid, "invalid_field", "text must not be empty", "text"});
  e = f.interview->Handle({"", "dance"}, &s);
  REQUIRE(e);
  CHECK(e->field == "command");
  REQUIRE_FALSE(f.interview->Handle({"/end", ""}, &s));
  CHECK(s.state == bot::SessionState::kFinished);
  CHECK(s.ended_early);
  CHECK(s.Overall() == -1);
  CHECK(s.messages.back().text.find("No question was answered.") != std::string::npos);
}

TEST_CASE("The client_id rule: 1 to 64 of A-Z, a-z, 0-9, '-' and '_', one message wherever it is checked") {
  const bot::Error bad{bot::ErrorKind::kInvalid, "invalid_field",
                       "client_id must be 1 to 64 characters of A-Z, a-z, 0-9, '-' and '_'", "client_id"};
  struct Case {
    std::string id;
    bool valid;
  };
  const std::vector<Case> cases = {{"browser-1_A", true}, {std::string(64, 'x'), true},
                                   {"", false},           {std::string(65, 'x'), false},
                                   {"<script>", false},   {"a b", false},
                                   {"caf\xc3\xa9", false}};
  for (const auto& c : cases) {
    CAPTURE(c.id);
    CHECK(bot::CheckClientId(c.id) == (c.valid ? bot::MaybeError() : bot::MaybeError(bad)));
  }
  // Starting a session checks the same rule; without a client_id there is simply no history.
  Fixture f;
  bot::Session s;
  bot::StartRequest req;
  req.track.kind = "all";
  req.client_id = "<script>";
  CHECK(f.interview->Start(req, &s) == bad);
  req.client_id = "";
  CHECK(f.interview->Start(req, &s) == std::nullopt);
}
