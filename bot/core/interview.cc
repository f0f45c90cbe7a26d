#include "core/interview.h"

#include <algorithm>
#include <cctype>
#include <cstdio>

#include "core/coach.h"
#include "core/format.h"
#include "core/insights.h"

namespace bot {
namespace {

std::string Trim(const std::string& s) {
  const size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

std::string Summary(const rubric::Result& r) {
  std::string covered, missing;
  for (const auto& step : r.steps) {
    if (step.status == "partial") continue;
    std::string& list = step.status == "missing" ? missing : covered;
    list += (list.empty() ? "" : ", ") + step.name;
  }
  std::string text = Fixed1(r.score) + "/10 (" + r.band + ").";
  if (!covered.empty()) text += " Covered: " + covered + ".";
  if (!missing.empty()) text += " Missing: " + missing + ".";
  for (const auto& f : r.flag_details) text += " " + f.message;
  return text;
}

}  // namespace

const std::vector<std::string>& Interview::Commands() {
  static const std::vector<std::string> commands = {"hint", "skip", "repeat", "model", "retry", "end"};
  return commands;
}

std::string Interview::CommandOf(const std::string& text) {
  std::string t = Trim(text);
  if (!t.empty() && t[0] == '/') t = t.substr(1);
  for (char& c : t) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  while (!t.empty() && (t.back() == '.' || t.back() == '!')) t.pop_back();
  if (t == "model answer") return "model";
  if (t == "retry this question") return "retry";
  for (const auto& c : Commands()) {
    if (t == c) return c;
  }
  return "";
}

nlohmann::json Interview::PublicQuestion(const rubric::Question& q) {
  return {{"number", q.number},
          {"id", q.id},
          {"title", q.title},
          {"difficulty", q.difficulty},
          {"role", q.role},
          {"level", q.level},
          {"question", q.question},
          {"scenario", q.scenario},
          {"constraints", q.constraints},
          {"time_limit_minutes",
           q.time_limit_minutes ? nlohmann::json(q.time_limit_minutes) : nlohmann::json()}};
}

Message& Interview::Say(Session* s, MessageRole role, MessageKind kind, std::string text,
                        nlohmann::json data) const {
  Message m;
  m.seq = s->NextSeq();
  m.role = role;
  m.kind = kind;
  m.text = std::move(text);
  m.at_ms = clock_.NowMs();
  if (const QuestionRecord* q = s->retrying >= 0 ? &s->questions[s->retrying] : s->Current()) {
    m.question = q->id;
  }
  m.data = std::move(data);
  s->updated_ms = m.at_ms;
  s->messages.push_back(std::move(m));
  return s->messages.back();
}

void Interview::Ask(Session* s) const {
  QuestionRecord& r = *s->Current();
  r.status = QuestionStatus::kAsked;
  r.asked_at_ms = clock_.NowMs();
  SayQuestion(s, s->current);
}

// The question message; asked again (repeat, a retry) it keeps the time it was first asked at,
// so its timer does not restart.
Message& Interview::SayQuestion(Session* s, size_t index) const {
  const QuestionRecord& r = s->questions[index];
  const rubric::Question& q = QuestionOf(r);
  std::string text = "Question " + std::to_string(index + 1) + " of " +
                     std::to_string(s->questions.size()) + ": " + q.title + "\n\n" + q.question +
                     "\n\n" + q.scenario;
  for (const auto& c : q.constraints) text += "\n- " + c;
  if (q.time_limit_minutes) {
    text += "\n\nYou have " + std::to_string(q.time_limit_minutes) + " minutes.";
  }
  nlohmann::json question = PublicQuestion(q);
  question["asked_at"] = Iso8601(r.asked_at_ms);
  return Say(s, MessageRole::kBot, MessageKind::kQuestion, text,
             {{"question", question}, {"index", index}, {"total", s->questions.size()}});
}

void Interview::Advance(Session* s) const {
  s->state = SessionState::kAnswering;
  ++s->current;
  if (s->current >= s->questions.size()) {
    Finish(s, false);
  } else {
    Ask(s);
  }
}

void Interview::Finish(Session* s, bool early) const {
  s->state = SessionState::kFinished;
  s->ended_early = early;
  const double overall = s->Overall();
  std::string text = early ? "Interview ended." : "That's the end of the interview.";
  text += overall >= 0 ? " Overall score: " + Fixed1(overall) + "/10." : " No question was answered.";
  text += " Your report, with every score, the gaps to study and the transcript: /s/" + s->id +
          "/report";
  Say(s, MessageRole::kBot, MessageKind::kReport, text,
      {{"overall", overall >= 0 ? nlohmann::json(overall) : nlohmann::json()}});
}

MaybeError Interview::Handle(const Input& input, Session* s) const {
  if (!input.command.empty() &&
      std::find(Commands().begin(), Commands().end(), input.command) == Commands().end()) {
    return Error{ErrorKind::kInvalid, "invalid_field",
                 "command must be one of hint, skip, repeat, model, retry, end", "command"};
  }
  const std::string command = input.command.empty() ? CommandOf(input.text) : input.command;
  const bool retrying = s->retrying >= 0;
  // A finished interview still shows its model answers and takes retries.
  if (s->state == SessionState::kFinished && !retrying && command != "model" && command != "retry") {
    return Error{ErrorKind::kEnded, "interview_ended",
                 "this interview has ended; see its report or start a new one", ""};
  }
  if (!command.empty()) {
    if (retrying) {
      RetryCommand(command, s);
      return std::nullopt;
    }
    return Command(command, s);
  }
  if (Trim(input.text).empty()) {
    return Error{ErrorKind::kInvalid, "invalid_field", "text must not be empty", "text"};
  }
  return retrying ? RetryAnswer(input.text, s) : Answer(input.text, s);
}

MaybeError Interview::Answer(const std::string& text, Session* s) const {
  QuestionRecord& r = *s->Current();
  const bool follow_up = s->state == SessionState::kFollowUp;
  rubric::Result result;
  rubric::Status status = follow_up ? scorer_.ScoreWithFollowUp(r.id, r.answer, text, &result)
                                    : scorer_.Score(r.id, text, &result);
  if (!status.ok()) {
    const auto& p = status.problems()[0];
    return Error{ErrorKind::kTooLarge, "answer_too_long", "text " + p.reason, "text"};
  }
  if (r.hints > 0) {
    rubric::ApplyCeiling(kHintCeiling, "hint-used",
                         "A hint was used on this question, so its score is capped at " +
                             Fixed1(kHintCeiling) + ".",
                         &result);
  }
  const nlohmann::json json = rubric::ToJson(result);  // the messages' data, for the API
  const double previous = r.score;
  r.score = result.score;
  const std::string summary = Summary(result);
  if (follow_up) {
    r.result = std::move(result);
    r.follow_up_answer = text;
    r.follow_up_answered = true;
    Say(s, MessageRole::kCandidate, MessageKind::kFollowUpAnswer, text);
    Say(s, MessageRole::kBot, MessageKind::kFollowUpScore,
        "With your follow-up: " + Fixed1(previous) + " -> " + summary,
        {{"result", json},
         {"answer", text},
         {"previous_score", previous},
         {"coach", CoachJson(*r.result)}});
    Advance(s);
    return std::nullopt;
  }
  r.answer = text;
  r.status = QuestionStatus::kScored;
  r.answered_at_ms = clock_.NowMs();
  Say(s, MessageRole::kCandidate, MessageKind::kAnswer, text);
  Say(s, MessageRole::kBot, MessageKind::kScore, summary,
      {{"result", json},
       {"answer", text},
       {"insights", Insights(text, result)},
       {"coach", CoachJson(result)},
       {"ceiling", r.hints > 0 ? kHintCeiling : 10.0}});
  // Probe the biggest gap (gaps come sorted by points lost), whether a framework step or depth:
  // a strong answer that covers every step is still pressed on numbers or verification. The gap
  // of an answer that declined ("I don't know") has no probe, so the interview moves on.
  const bool probe = !result.gaps.empty() && !result.gaps[0].probe.empty() && r.score < 9.5;
  r.result = std::move(result);
  if (probe) {
    r.follow_up_probe = r.result->gaps[0].probe;
    r.follow_up_asked = true;
    s->state = SessionState::kFollowUp;
    Say(s, MessageRole::kBot, MessageKind::kFollowUp, r.follow_up_probe, {{"gap", json["gaps"][0]}});
  } else {
    Advance(s);
  }
  return std::nullopt;
}

MaybeError Interview::Command(const std::string& command, Session* s) const {
  Say(s, MessageRole::kCandidate, MessageKind::kCommand, command, {{"command", command}});
  if (command == "model") {
    ModelAnswer(s);
    return std::nullopt;
  }
  if (command == "retry") {
    StartRetry(s);
    return std::nullopt;
  }
  QuestionRecord& r = *s->Current();
  if (command == "end") {
    Finish(s, true);
  } else if (command == "skip") {
    const bool follow_up = s->state == SessionState::kFollowUp;
    if (!follow_up) r.status = QuestionStatus::kSkipped;
    Say(s, MessageRole::kBot, MessageKind::kSkip,
        follow_up ? "Skipping the follow-up." : "Skipping this question; it counts as 0.",
        {{"skipped", follow_up ? "follow_up" : "question"}});
    Advance(s);
  } else if (command == "repeat") {
    if (s->state == SessionState::kFollowUp) {
      Say(s, MessageRole::kBot, MessageKind::kFollowUp, r.follow_up_probe, {{"repeat", true}});
    } else {
      SayQuestion(s, s->current);
    }
  } else if (command == "hint") {
    std::string text;
    const nlohmann::json data = HintData(QuestionOf(r), &text);
    const bool answering = s->state == SessionState::kAnswering;
    if (answering) ++r.hints;
    Say(s, MessageRole::kBot, MessageKind::kHint,
        text + (answering ? "\n\nUsing a hint caps this question at " + Fixed1(kHintCeiling) + "/10." : ""),
        data);
  }
  return std::nullopt;
}

nlohmann::json Interview::HintData(const rubric::Question& q, std::string* text) const {
  nlohmann::json steps = nlohmann::json::array();
  *text = "Try the " + q.framework_name + ":";
  for (size_t i = 0; i < q.steps.size(); ++i) {
    steps.push_back({{"id", q.steps[i].id}, {"name", q.steps[i].name},
                     {"description", q.steps[i].description}});
    *text += "\n" + std::to_string(i + 1) + ". " + q.steps[i].name +
             (q.steps[i].description.empty() ? "" : ": " + q.steps[i].description);
  }
  return {{"framework", q.framework_name}, {"steps", steps}, {"ceiling", kHintCeiling}};
}

}  // namespace bot
