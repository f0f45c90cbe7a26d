#include "core/session.h"

#include <cmath>

#include "core/clock.h"

namespace bot {
namespace {

using nlohmann::json;

Error DocError(const std::string& message, const std::string& field = "") {
  return Error{ErrorKind::kStorage, "storage", message, field};
}

// A state read from a stored document; an unknown string is a storage error.
template <typename Enum>
MaybeError ParseStored(const json& j, const char* key, const std::string& field, Enum* out) {
  if (auto e = Parse(j.at(key).get<std::string>(), field, out)) return DocError(e->message, field);
  return std::nullopt;
}

json ResultAsDocument(const std::optional<rubric::Result>& result) {
  return result ? rubric::ToJson(*result) : json::object();
}

MaybeError ResultFromDoc(const json& j, const std::string& field, std::optional<rubric::Result>* out) {
  if (j.is_object() && j.empty()) {  // not scored yet
    out->reset();
    return std::nullopt;
  }
  rubric::Result result;
  const rubric::Status status = rubric::ResultFromJson(j, &result);
  if (!status.ok()) {
    const rubric::Problem& p = status.problems()[0];
    const std::string where = p.field.empty() ? field : field + "." + p.field;
    return DocError(where + ": " + p.reason, where);
  }
  *out = std::move(result);
  return std::nullopt;
}

MaybeError QuestionFromDoc(const json& q, const std::string& field, QuestionRecord* r) {
  r->id = q.at("id").get<std::string>();
  if (auto e = ParseStored(q, "status", field + ".status", &r->status)) return e;
  r->asked_at_ms = q.at("asked_at_ms").get<int64_t>();
  r->answered_at_ms = q.at("answered_at_ms").get<int64_t>();
  r->hints = q.at("hints").get<int>();
  r->answer = q.at("answer").get<std::string>();
  r->follow_up_probe = q.at("follow_up_probe").get<std::string>();
  r->follow_up_answer = q.at("follow_up_answer").get<std::string>();
  r->follow_up_asked = q.at("follow_up_asked").get<bool>();
  r->follow_up_answered = q.at("follow_up_answered").get<bool>();
  r->score = q.at("score").get<double>();
  // Sessions stored before model answers were tracked and retries existed lack these.
  r->model_answer_seen = q.value("model_answer_seen", false);
  const json retries = q.value("retries", json::array());
  for (size_t i = 0; i < retries.size(); ++i) {
    const json& a = retries.at(i);
    const std::string where = field + ".retries[" + std::to_string(i) + "]";
    Attempt attempt;
    attempt.answer = a.at("answer").get<std::string>();
    attempt.at_ms = a.at("at_ms").get<int64_t>();
    attempt.after_model_answer = a.at("after_model_answer").get<bool>();
    std::optional<rubric::Result> result;
    if (auto e = ResultFromDoc(a.at("result"), where + ".result", &result)) return e;
    if (!result) return DocError(where + ".result: missing", where + ".result");
    attempt.result = std::move(*result);
    r->retries.push_back(std::move(attempt));
  }
  return ResultFromDoc(q.at("result"), field + ".result", &r->result);
}

json RetriesAsDocument(const std::vector<Attempt>& retries) {
  json out = json::array();
  for (const auto& a : retries) {
    out.push_back({{"answer", a.answer},
                   {"at_ms", a.at_ms},
                   {"after_model_answer", a.after_model_answer},
                   {"result", rubric::ToJson(a.result)}});
  }
  return out;
}

}  // namespace

std::vector<Message> Session::MessagesFrom(int seq) const {
  std::vector<Message> out;
  for (const auto& m : messages) {
    if (m.seq >= seq) out.push_back(m);
  }
  return out;
}

double Session::Overall() const {
  double sum = 0;
  int n = 0;
  for (const auto& q : questions) {
    if (q.status == QuestionStatus::kScored || q.status == QuestionStatus::kSkipped) {
      sum += q.status == QuestionStatus::kScored ? q.score : 0.0;
      ++n;
    }
  }
  return n ? std::round(sum / n * 10) / 10 : -1;
}

json MessageToJson(const Message& m) {
  json j = {{"seq", m.seq},   {"role", ToString(m.role)}, {"kind", ToString(m.kind)},
            {"text", m.text}, {"at", Iso8601(m.at_ms)},   {"at_ms", m.at_ms},
            {"data", m.data}};
  if (!m.question.empty()) j["question"] = m.question;
  return j;
}

MaybeError MessageFromJson(const json& j, Message* m) {
  try {
    m->seq = j.at("seq").get<int>();
    if (auto e = ParseStored(j, "role", "role", &m->role)) return e;
    if (auto e = ParseStored(j, "kind", "kind", &m->kind)) return e;
    m->text = j.at("text").get<std::string>();
    m->at_ms = j.at("at_ms").get<int64_t>();
    m->question = j.value("question", "");
    m->data = j.value("data", json::object());
    return std::nullopt;
  } catch (const json::exception& e) {
    return DocError(std::string("stored message: ") + e.what());
  }
}

json SessionDocToJson(const Session& s) {
  json questions = json::array();
  for (const auto& q : s.questions) {
    questions.push_back({{"id", q.id},
                         {"status", ToString(q.status)},
                         {"asked_at_ms", q.asked_at_ms},
                         {"answered_at_ms", q.answered_at_ms},
                         {"hints", q.hints},
                         {"answer", q.answer},
                         {"follow_up_probe", q.follow_up_probe},
                         {"follow_up_answer", q.follow_up_answer},
                         {"follow_up_asked", q.follow_up_asked},
                         {"follow_up_answered", q.follow_up_answered},
                         {"score", q.score},
                         {"result", ResultAsDocument(q.result)},
                         {"model_answer_seen", q.model_answer_seen},
                         {"retries", RetriesAsDocument(q.retries)}});
  }
  return {{"id", s.id},
          {"name", s.name},
          {"client_id", s.client_id},
          {"source", ToString(s.source)},
          {"slack_user", s.slack_user},
          {"track",
           {{"kind", s.track.kind},
            {"value", s.track.value},
            {"count", s.track.count},
            {"questions", s.track.questions}}},
          {"state", ToString(s.state)},
          {"current", s.current},
          {"retrying", s.retrying},
          {"ended_early", s.ended_early},
          {"created_ms", s.created_ms},
          {"updated_ms", s.updated_ms},
          {"questions", questions}};
}

MaybeError SessionFromDoc(const json& d, Session* out) {
  try {
    Session s;
    s.id = d.at("id").get<std::string>();
    s.name = d.at("name").get<std::string>();
    s.client_id = d.at("client_id").get<std::string>();
    if (auto e = ParseStored(d, "source", "source", &s.source)) return e;
    s.slack_user = d.at("slack_user").get<std::string>();
    const auto& t = d.at("track");
    s.track.kind = t.at("kind").get<std::string>();
    s.track.value = t.at("value").get<std::string>();
    s.track.count = t.at("count").get<int>();
    s.track.questions = t.at("questions").get<std::vector<std::string>>();
    if (auto e = ParseStored(d, "state", "state", &s.state)) return e;
    s.current = d.at("current").get<size_t>();
    s.retrying = d.value("retrying", -1);
    if (s.retrying >= static_cast<int>(d.at("questions").size())) {
      return DocError("retrying " + std::to_string(s.retrying) + " is not a question's index",
                      "retrying");
    }
    s.ended_early = d.at("ended_early").get<bool>();
    s.created_ms = d.at("created_ms").get<int64_t>();
    s.updated_ms = d.at("updated_ms").get<int64_t>();
    const json& questions = d.at("questions");
    for (size_t i = 0; i < questions.size(); ++i) {
      QuestionRecord r;
      if (auto e = QuestionFromDoc(questions.at(i), "questions[" + std::to_string(i) + "]", &r)) return e;
      s.questions.push_back(std::move(r));
    }
    *out = std::move(s);
    return std::nullopt;
  } catch (const json::exception& e) {
    return DocError(std::string("stored session: ") + e.what());
  }
}

}  // namespace bot
