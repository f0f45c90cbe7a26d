#include "core/interview.h"

#include <algorithm>
#include <cctype>
#include <cstdio>

#include "core/format.h"
#include "core/insights.h"

namespace bot {
namespace {

std::string Trim(const std::string& s) {
  const size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

// Caps a result at `ceiling` (after a hint), keeping band and flags consistent.
void ApplyCeiling(double ceiling, nlohmann::json* result) {
  if ((*result)["score"].get<double>() <= ceiling) return;
  (*result)["score"] = ceiling;
  (*result)["band"] = rubric::BandFor(ceiling);
  (*result)["flag_details"].push_back(
      {{"flag", "hint-used"},
       {"message", "A hint was used on this question, so its score is capped at " +
                       Fixed1(ceiling) + "."},
       {"quote", ""}});
}

std::string Summary(const nlohmann::json& r) {
  std::string covered, missing;
  for (const auto& s : r["steps"]) {
    std::string& list = s["status"] == "covered" ? covered : s["status"] == "missing" ? missing : covered;
    if (s["status"] == "partial") continue;
    list += (list.empty() ? "" : ", ") + s["name"].get<std::string>();
  }
  std::string text = Fixed1(r["score"].get<double>()) + "/10 (" + r["band"].get<std::string>() + ").";
  if (!covered.empty()) text += " Covered: " + covered + ".";
  if (!missing.empty()) text += " Missing: " + missing + ".";
  for (const auto& f : r["flag_details"]) text += " " + f["message"].get<std::string>();
  return text;
}

}  // namespace

const std::vector<std::string>& Interview::Commands() {
  static const std::vector<std::string> commands = {"hint", "skip", "repeat", "model", "end"};
  return commands;
}

std::string Interview::CommandOf(const std::string& text) {
  std::string t = Trim(text);
  if (!t.empty() && t[0] == '/') t = t.substr(1);
  for (char& c : t) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  while (!t.empty() && (t.back() == '.' || t.back() == '!')) t.pop_back();
  if (t == "model answer") return "model";
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

Message& Interview::Say(Session* s, const std::string& role, const std::string& kind,
                        std::string text, nlohmann::json data) const {
  Message m;
  m.seq = s->messages.empty() ? 1 : s->messages.back().seq + 1;
  m.role = role;
  m.kind = kind;
  m.text = std::move(text);
  m.at_ms = clock_.NowMs();
  if (const QuestionRecord* q = s->Current()) m.question = q->id;
  m.data = std::move(data);
  s->updated_ms = m.at_ms;
  s->messages.push_back(std::move(m));
  return s->messages.back();
}

void Interview::Ask(Session* s) const {
  QuestionRecord& r = *s->Current();
  const rubric::Question& q = QuestionOf(r);
  r.status = "asked";
  r.asked_at_ms = clock_.NowMs();
  std::string text = "Question " + std::to_string(s->current + 1) + " of " +
                     std::to_string(s->questions.size()) + ": " + q.title + "\n\n" + q.question +
                     "\n\n" + q.scenario;
  for (const auto& c : q.constraints) text += "\n- " + c;
  if (q.time_limit_minutes) {
    text += "\n\nYou have " + std::to_string(q.time_limit_minutes) + " minutes.";
  }
  nlohmann::json question = PublicQuestion(q);
  question["asked_at"] = Iso8601(r.asked_at_ms);
  Say(s, "bot", "question", text,
      {{"question", question}, {"index", s->current}, {"total", s->questions.size()}});
}

void Interview::Advance(Session* s) const {
  s->state = "answering";
  ++s->current;
  if (s->current >= s->questions.size()) {
    Finish(s, false);
  } else {
    Ask(s);
  }
}

void Interview::Finish(Session* s, bool early) const {
  s->state = "finished";
  s->ended_early = early;
  const double overall = s->Overall();
  std::string text = early ? "Interview ended." : "That's the end of the interview.";
  text += overall >= 0 ? " Overall score: " + Fixed1(overall) + "/10." : " No question was answered.";
  text += " Your report, with every score, the gaps to study and the transcript: /s/" + s->id +
          "/report";
  Say(s, "bot", "report", text, {{"overall", overall >= 0 ? nlohmann::json(overall) : nlohmann::json()}});
}

MaybeError Interview::Handle(const Input& input, Session* s) const {
  if (s->state == "finished") {
    return Error{409, "interview_ended",
                 "this interview has ended; see its report or start a new one", ""};
  }
  if (!input.command.empty()) {
    if (std::find(Commands().begin(), Commands().end(), input.command) == Commands().end()) {
      return Error{400, "invalid_field", "command must be one of hint, skip, repeat, model, end",
                   "command"};
    }
    return Command(input.command, s);
  }
  if (const std::string command = CommandOf(input.text); !command.empty()) {
    return Command(command, s);
  }
  if (Trim(input.text).empty()) {
    return Error{400, "invalid_field", "text must not be empty", "text"};
  }
  return Answer(input.text, s);
}

MaybeError Interview::Answer(const std::string& text, Session* s) const {
  QuestionRecord& r = *s->Current();
  const bool follow_up = s->state == "follow_up";
  rubric::Result result;
  rubric::Status status = follow_up ? scorer_.ScoreWithFollowUp(r.id, r.answer, text, &result)
                                    : scorer_.Score(r.id, text, &result);
  if (!status.ok()) {
    const auto& p = status.problems()[0];
    return Error{413, "answer_too_long", "text " + p.reason, "text"};
  }
  nlohmann::json json = rubric::ToJson(result);
  if (r.hints > 0) ApplyCeiling(kHintCeiling, &json);
  const double previous = r.score;
  r.result = json;
  r.score = json["score"].get<double>();
  if (follow_up) {
    r.follow_up_answer = text;
    r.follow_up_answered = true;
    Say(s, "candidate", "follow_up_answer", text);
    Say(s, "bot", "follow_up_score",
        "With your follow-up: " + Fixed1(previous) + " -> " + Summary(json),
        {{"result", json}, {"answer", text}, {"previous_score", previous}});
    Advance(s);
    return std::nullopt;
  }
  r.answer = text;
  r.status = "scored";
  r.answered_at_ms = clock_.NowMs();
  Say(s, "candidate", "answer", text);
  Say(s, "bot", "score", Summary(json),
      {{"result", json},
       {"answer", text},
       {"insights", Insights(text, json)},
       {"ceiling", r.hints > 0 ? kHintCeiling : 10.0}});
  // Probe the biggest gap (gaps come sorted by points lost), whether a framework step or depth:
  // a strong answer that covers every step is still pressed on numbers or verification. The gap
  // of an answer that declined ("I don't know") has no probe, so the interview moves on.
  const nlohmann::json* gap = json["gaps"].empty() ? nullptr : &json["gaps"][0];
  if (gap && !(*gap)["probe"].get<std::string>().empty() && r.score < 9.5) {
    r.follow_up_probe = (*gap)["probe"].get<std::string>();
    r.follow_up_asked = true;
    s->state = "follow_up";
    Say(s, "bot", "follow_up", r.follow_up_probe, {{"gap", *gap}});
  } else {
    Advance(s);
  }
  return std::nullopt;
}

MaybeError Interview::Command(const std::string& command, Session* s) const {
  QuestionRecord& r = *s->Current();
  const rubric::Question& q = QuestionOf(r);
  Say(s, "candidate", "command", command, {{"command", command}});
  if (command == "end") {
    Finish(s, true);
  } else if (command == "skip") {
    const bool follow_up = s->state == "follow_up";
    if (!follow_up) r.status = "skipped";
    Say(s, "bot", "skip", follow_up ? "Skipping the follow-up." : "Skipping this question; it counts as 0.",
        {{"skipped", follow_up ? "follow_up" : "question"}});
    Advance(s);
  } else if (command == "repeat") {
    if (s->state == "follow_up") {
      Say(s, "bot", "follow_up", r.follow_up_probe, {{"repeat", true}});
    } else {
      // Re-ask without restarting the question's timer.
      const int64_t asked = r.asked_at_ms;
      Ask(s);
      r.asked_at_ms = asked;
      s->messages.back().data["question"]["asked_at"] = Iso8601(asked);
    }
  } else if (command == "hint") {
    nlohmann::json steps = nlohmann::json::array();
    std::string text;
    for (size_t i = 0; i < q.steps.size(); ++i) {
      steps.push_back({{"id", q.steps[i].id}, {"name", q.steps[i].name},
                       {"description", q.steps[i].description}});
      text += "\n" + std::to_string(i + 1) + ". " + q.steps[i].name +
              (q.steps[i].description.empty() ? "" : ": " + q.steps[i].description);
    }
    if (s->state == "answering") ++r.hints;
    Say(s, "bot", "hint",
        "Try the " + q.framework_name + ":" + text +
            (s->state == "answering" ? "\n\nUsing a hint caps this question at " +
                                           Fixed1(kHintCeiling) + "/10."
                                     : ""),
        {{"framework", q.framework_name}, {"steps", steps}, {"ceiling", kHintCeiling}});
  } else if (command == "model") {
    if (r.status != "scored") {
      Say(s, "bot", "info", "The model answer is shown once your answer to this question is scored.");
    } else {
      Say(s, "bot", "model_answer", q.model_answer,
          {{"model_answer", q.model_answer}, {"reference_score", q.reference_score}});
    }
  }
  return std::nullopt;
}

}  // namespace bot
