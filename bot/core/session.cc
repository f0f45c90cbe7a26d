#include "core/session.h"

#include <cmath>

#include "core/clock.h"

namespace bot {

double Session::Overall() const {
  double sum = 0;
  int n = 0;
  for (const auto& q : questions) {
    if (q.status == "scored" || q.status == "skipped") {
      sum += q.status == "scored" ? q.score : 0.0;
      ++n;
    }
  }
  return n ? std::round(sum / n * 10) / 10 : -1;
}

nlohmann::json MessageToJson(const Message& m) {
  nlohmann::json j = {{"seq", m.seq},   {"role", m.role},         {"kind", m.kind},
                      {"text", m.text}, {"at", Iso8601(m.at_ms)}, {"at_ms", m.at_ms},
                      {"data", m.data}};
  if (!m.question.empty()) j["question"] = m.question;
  return j;
}

Message MessageFromJson(const nlohmann::json& j) {
  Message m;
  m.seq = j.at("seq").get<int>();
  m.role = j.at("role").get<std::string>();
  m.kind = j.at("kind").get<std::string>();
  m.text = j.at("text").get<std::string>();
  m.at_ms = j.at("at_ms").get<int64_t>();
  m.question = j.value("question", "");
  m.data = j.value("data", nlohmann::json::object());
  return m;
}

nlohmann::json SessionDocToJson(const Session& s) {
  nlohmann::json questions = nlohmann::json::array();
  for (const auto& q : s.questions) {
    questions.push_back({{"id", q.id},
                         {"status", q.status},
                         {"asked_at_ms", q.asked_at_ms},
                         {"answered_at_ms", q.answered_at_ms},
                         {"hints", q.hints},
                         {"answer", q.answer},
                         {"follow_up_probe", q.follow_up_probe},
                         {"follow_up_answer", q.follow_up_answer},
                         {"follow_up_asked", q.follow_up_asked},
                         {"follow_up_answered", q.follow_up_answered},
                         {"score", q.score},
                         {"result", q.result}});
  }
  return {{"id", s.id},
          {"name", s.name},
          {"client_id", s.client_id},
          {"source", s.source},
          {"slack_user", s.slack_user},
          {"track",
           {{"kind", s.track.kind},
            {"value", s.track.value},
            {"count", s.track.count},
            {"questions", s.track.questions}}},
          {"state", s.state},
          {"current", s.current},
          {"ended_early", s.ended_early},
          {"created_ms", s.created_ms},
          {"updated_ms", s.updated_ms},
          {"questions", questions}};
}

Session SessionFromDoc(const nlohmann::json& d) {
  Session s;
  s.id = d.at("id").get<std::string>();
  s.name = d.at("name").get<std::string>();
  s.client_id = d.at("client_id").get<std::string>();
  s.source = d.at("source").get<std::string>();
  s.slack_user = d.at("slack_user").get<std::string>();
  const auto& t = d.at("track");
  s.track.kind = t.at("kind").get<std::string>();
  s.track.value = t.at("value").get<std::string>();
  s.track.count = t.at("count").get<int>();
  s.track.questions = t.at("questions").get<std::vector<std::string>>();
  s.state = d.at("state").get<std::string>();
  s.current = d.at("current").get<size_t>();
  s.ended_early = d.at("ended_early").get<bool>();
  s.created_ms = d.at("created_ms").get<int64_t>();
  s.updated_ms = d.at("updated_ms").get<int64_t>();
  for (const auto& q : d.at("questions")) {
    QuestionRecord r;
    r.id = q.at("id").get<std::string>();
    r.status = q.at("status").get<std::string>();
    r.asked_at_ms = q.at("asked_at_ms").get<int64_t>();
    r.answered_at_ms = q.at("answered_at_ms").get<int64_t>();
    r.hints = q.at("hints").get<int>();
    r.answer = q.at("answer").get<std::string>();
    r.follow_up_probe = q.at("follow_up_probe").get<std::string>();
    r.follow_up_answer = q.at("follow_up_answer").get<std::string>();
    r.follow_up_asked = q.at("follow_up_asked").get<bool>();
    r.follow_up_answered = q.at("follow_up_answered").get<bool>();
    r.score = q.at("score").get<double>();
    r.result = q.at("result");
    s.questions.push_back(std::move(r));
  }
  return s;
}

}  // namespace bot
