// What a candidate may do with a question once it is closed (answered with its follow-up answered
// or skipped, or with none; or skipped): read its model answer and retry it. Neither changes the
// question's score, which is fixed when it closes: a retry is an attempt of its own, kept in the
// transcript and the report, and marked when it came after the model answer.
#include <algorithm>

#include "core/coach.h"
#include "core/format.h"
#include "core/insights.h"
#include "core/interview.h"

namespace bot {
namespace {

bool Closed(const Session& s, size_t i) {
  const QuestionRecord& r = s.questions[i];
  if (r.status == QuestionStatus::kSkipped) return true;
  if (r.status != QuestionStatus::kScored) return false;
  return !(s.state == SessionState::kFollowUp && i == s.current);
}

// The question the model answer and a retry are about: the one being retried, else the last one
// closed; -1 when none is.
int Target(const Session& s) {
  if (s.retrying >= 0) return s.retrying;
  for (size_t i = std::min(s.current + 1, s.questions.size()); i-- > 0;) {
    if (Closed(s, i)) return static_cast<int>(i);
  }
  return -1;
}

// Short key points that lead the model answer: the framework's steps.
nlohmann::json KeyPoints(const rubric::Question& q) {
  nlohmann::json points = nlohmann::json::array();
  for (const auto& step : q.steps) {
    points.push_back(step.description.empty() ? step.name : step.name + ": " + step.description);
  }
  for (const auto& p : q.key_principles) points.push_back(p);
  return points;
}

}  // namespace

void Interview::ModelAnswer(Session* s) const {
  const int target = Target(*s);
  if (target < 0) {
    Say(s, MessageRole::kBot, MessageKind::kInfo,
        s->state == SessionState::kFollowUp
            ? "The model answer opens once this question is closed: answer or skip the follow-up first."
            : "The model answer opens once you have answered or skipped this question.");
    return;
  }
  QuestionRecord& r = s->questions[target];
  const rubric::Question& q = QuestionOf(r);
  r.model_answer_seen = true;
  Message& m = Say(s, MessageRole::kBot, MessageKind::kModelAnswer, q.model_answer,
                   {{"model_answer", q.model_answer},
                    {"key_points", KeyPoints(q)},
                    {"index", target},
                    {"title", q.title},
                    {"reference_score", q.reference_score}});
  m.question = r.id;
}

void Interview::StartRetry(Session* s) const {
  if (s->retrying >= 0) {
    Say(s, MessageRole::kBot, MessageKind::kInfo, "You are already retrying this question.");
    return;
  }
  const int target = Target(*s);
  if (target < 0) {
    Say(s, MessageRole::kBot, MessageKind::kInfo,
        s->state == SessionState::kFollowUp
            ? "You can retry a question once it is closed: answer or skip the follow-up first."
            : "You can retry a question once you have answered or skipped it.");
    return;
  }
  s->retrying = target;
  const QuestionRecord& r = s->questions[target];
  Message& m = SayQuestion(s, target);
  m.data["retry"] = {{"attempt", r.retries.size() + 2},
                     {"after_model_answer", r.model_answer_seen},
                     {"first_score", r.status == QuestionStatus::kScored ? r.score : 0.0}};
}

MaybeError Interview::RetryAnswer(const std::string& text, Session* s) const {
  QuestionRecord& r = s->questions[s->retrying];
  Attempt attempt;
  const rubric::Status status = scorer_.Score(r.id, text, &attempt.result);
  if (!status.ok()) {
    const auto& p = status.problems()[0];
    return Error{ErrorKind::kTooLarge, "answer_too_long", "text " + p.reason, "text"};
  }
  attempt.answer = text;
  attempt.at_ms = clock_.NowMs();
  attempt.after_model_answer = r.model_answer_seen;
  const int number = static_cast<int>(r.retries.size()) + 2;
  const double first = r.status == QuestionStatus::kScored ? r.score : 0.0;
  Say(s, MessageRole::kCandidate, MessageKind::kAnswer, text, {{"attempt", number}});
  Say(s, MessageRole::kBot, MessageKind::kScore,
      "Attempt " + std::to_string(number) + ": " + Fixed1(attempt.result.score) +
          "/10. The question keeps its first score, " + Fixed1(first) + ".",
      {{"result", rubric::ToJson(attempt.result)},
       {"answer", text},
       {"insights", Insights(text, attempt.result)},
       {"coach", CoachJson(attempt.result)},
       {"ceiling", 10.0},
       {"attempt", number},
       {"first_score", first},
       {"after_model_answer", attempt.after_model_answer}});
  r.retries.push_back(std::move(attempt));
  EndRetry(s);
  return std::nullopt;
}

void Interview::RetryCommand(const std::string& command, Session* s) const {
  Say(s, MessageRole::kCandidate, MessageKind::kCommand, command, {{"command", command}});
  if (command == "model") {
    ModelAnswer(s);
  } else if (command == "retry") {
    Say(s, MessageRole::kBot, MessageKind::kInfo, "You are already retrying this question.");
  } else if (command == "repeat") {
    SayQuestion(s, s->retrying).data["retry"] = {{"repeat", true}};
  } else if (command == "hint") {
    std::string text;
    const nlohmann::json data = HintData(QuestionOf(s->questions[s->retrying]), &text);
    Say(s, MessageRole::kBot, MessageKind::kHint, text, data);
  } else {  // skip or end: leave the retry
    Say(s, MessageRole::kBot, MessageKind::kInfo, "Retry cancelled.");
    EndRetry(s);
    if (command == "end" && s->state != SessionState::kFinished) Finish(s, true);
  }
}

// Back to where the interview was: the open question again, or the finished interview.
void Interview::EndRetry(Session* s) const {
  s->retrying = -1;
  if (s->state != SessionState::kFinished) SayQuestion(s, s->current);
}

}  // namespace bot
