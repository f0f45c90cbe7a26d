#include "core/report.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <map>

#include "core/clock.h"
#include "core/format.h"
#include "core/interview.h"

namespace bot {
namespace {

nlohmann::json TrackJson(const Track& t) {
  nlohmann::json j = {{"kind", t.kind}};
  if (!t.value.empty()) j["value"] = t.value;
  if (t.count) j["count"] = t.count;
  if (!t.questions.empty()) j["questions"] = t.questions;
  return j;
}

}  // namespace

nlohmann::json SessionLinks(const Session& s, const std::string& base_url) {
  return {{"self", base_url + "/s/" + s.id},
          {"report", base_url + "/s/" + s.id + "/report"},
          {"report_json", base_url + "/api/sessions/" + s.id + "/report.json"},
          {"report_md", base_url + "/api/sessions/" + s.id + "/report.md"}};
}

nlohmann::json OverallJson(const Session& s) {
  const double overall = s.Overall();
  return overall >= 0 ? nlohmann::json(overall) : nlohmann::json();
}

nlohmann::json SessionView(const rubric::Bank& bank, const Session& s, bool with_messages) {
  int answered = 0;
  nlohmann::json questions = nlohmann::json::array();
  for (const auto& r : s.questions) {
    const rubric::Question* q = bank.Find(r.id);
    answered += r.status == QuestionStatus::kScored || r.status == QuestionStatus::kSkipped;
    questions.push_back({{"id", r.id},
                         {"title", q ? q->title : r.id},
                         {"status", ToString(r.status)},
                         {"score", r.status == QuestionStatus::kScored ? nlohmann::json(r.score)
                                                                       : nlohmann::json()}});
  }
  nlohmann::json current;
  if (s.state != SessionState::kFinished && s.current < s.questions.size()) {
    if (const rubric::Question* q = bank.Find(s.questions[s.current].id)) {
      current = Interview::PublicQuestion(*q);
      current["asked_at"] = Iso8601(s.questions[s.current].asked_at_ms);
    }
  }
  nlohmann::json view = {
      {"id", s.id},
      {"name", s.name},
      {"state", ToString(s.state)},
      {"source", ToString(s.source)},
      {"created_at", Iso8601(s.created_ms)},
      {"updated_at", Iso8601(s.updated_ms)},
      {"track", TrackJson(s.track)},
      {"progress", {{"index", std::min(s.current, s.questions.size())},
                    {"total", s.questions.size()},
                    {"answered", answered}}},
      {"current", current},
      {"retrying", s.retrying >= 0 ? nlohmann::json(s.questions[s.retrying].id) : nlohmann::json()},
      {"overall", OverallJson(s)},
      {"questions", questions},
      {"links", SessionLinks(s)},
  };
  if (with_messages) {
    nlohmann::json messages = nlohmann::json::array();
    for (const auto& m : s.messages) messages.push_back(MessageToJson(m));
    view["messages"] = messages;
  }
  return view;
}

nlohmann::json History(const rubric::Bank& bank, const std::vector<Session>& sessions) {
  nlohmann::json list = nlohmann::json::array();
  struct Miss {
    std::string concept_name, question;
    int times = 0;
  };
  std::map<std::string, Miss> missed;
  struct Progress {
    std::string concept_name, question;
    std::vector<double> credits;  // newest first while collected
  };
  std::map<std::string, Progress> progress;
  std::vector<std::string> progress_order;
  for (const auto& s : sessions) {
    list.push_back({{"id", s.id},
                    {"name", s.name},
                    {"created_at", Iso8601(s.created_ms)},
                    {"state", ToString(s.state)},
                    {"overall", OverallJson(s)},
                    {"questions", s.questions.size()},
                    {"links", SessionLinks(s)}});
    for (const auto& r : s.questions) {
      if (r.status != QuestionStatus::kScored || !r.result) continue;
      const rubric::Question* q = bank.Find(r.id);
      for (const auto& c : r.result->concepts) {
        const std::string key = r.id + "/" + c.id;
        if (!progress.count(key)) progress_order.push_back(key);
        Progress& p = progress[key];
        p.concept_name = c.name;
        p.question = q ? q->title : r.id;
        p.credits.push_back(c.credit);
        if (c.credit > 0) continue;
        Miss& m = missed[r.id + "/" + c.id];
        m.concept_name = c.name;
        m.question = q ? q->title : r.id;
        ++m.times;
      }
    }
  }
  std::vector<Miss> misses;
  for (const auto& [key, m] : missed) {
    if (m.times >= 2) misses.push_back(m);
  }
  std::stable_sort(misses.begin(), misses.end(),
                   [](const Miss& a, const Miss& b) { return a.times > b.times; });
  nlohmann::json concepts = nlohmann::json::array();
  for (size_t i = 0; i < misses.size() && i < 10; ++i) {
    concepts.push_back({{"concept", misses[i].concept_name},
                        {"question", misses[i].question},
                        {"times", misses[i].times}});
  }
  // Concepts asked about in at least two interviews, the most often asked first.
  std::stable_sort(progress_order.begin(), progress_order.end(), [&](const auto& a, const auto& b) {
    return progress[a].credits.size() > progress[b].credits.size();
  });
  nlohmann::json concept_progress = nlohmann::json::array();
  for (const auto& key : progress_order) {
    const Progress& p = progress[key];
    if (p.credits.size() < 2 || concept_progress.size() == 12) continue;
    concept_progress.push_back({{"concept", p.concept_name},
                                {"question", p.question},
                                {"credits", std::vector<double>(p.credits.rbegin(), p.credits.rend())}});
  }
  return {{"sessions", list}, {"missed_concepts", concepts}, {"concept_progress", concept_progress}};
}

}  // namespace bot
