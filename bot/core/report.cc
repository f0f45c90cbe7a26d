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

nlohmann::json Links(const Session& s) {
  return {{"self", "/s/" + s.id},
          {"report", "/s/" + s.id + "/report"},
          {"report_json", "/api/sessions/" + s.id + "/report.json"},
          {"report_md", "/api/sessions/" + s.id + "/report.md"}};
}

nlohmann::json TrackJson(const Track& t) {
  nlohmann::json j = {{"kind", t.kind}};
  if (!t.value.empty()) j["value"] = t.value;
  if (t.count) j["count"] = t.count;
  if (!t.questions.empty()) j["questions"] = t.questions;
  return j;
}

nlohmann::json OverallJson(const Session& s) {
  const double overall = s.Overall();
  return overall >= 0 ? nlohmann::json(overall) : nlohmann::json();
}

std::string Cell(std::string s) {
  for (size_t i = 0; (i = s.find('|', i)) != std::string::npos; i += 2) s.replace(i, 1, "\\|");
  for (char& c : s) c = c == '\n' ? ' ' : c;
  return s;
}

}  // namespace

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
      {"overall", OverallJson(s)},
      {"questions", questions},
      {"links", Links(s)},
  };
  if (with_messages) {
    nlohmann::json messages = nlohmann::json::array();
    for (const auto& m : s.messages) messages.push_back(MessageToJson(m));
    view["messages"] = messages;
  }
  return view;
}

nlohmann::json ReportJson(const rubric::Bank& bank, const Session& s) {
  nlohmann::json questions = nlohmann::json::array();
  struct Agg {
    double sum = 0;
    int n = 0;
  };
  std::map<std::string, Agg> competencies;
  std::vector<std::string> competency_order;
  struct GapAgg {
    double lost = 0;
    std::string hint;
    std::vector<std::string> questions;
  };
  std::map<std::string, GapAgg> gaps;
  for (const auto& r : s.questions) {
    const rubric::Question* q = bank.Find(r.id);
    const std::string title = q ? q->title : r.id;
    const rubric::Result* result = r.status == QuestionStatus::kScored && r.result ? &*r.result : nullptr;
    questions.push_back(
        {{"number", q ? q->number : 0},
         {"id", r.id},
         {"title", title},
         {"status", ToString(r.status)},
         {"score", r.status == QuestionStatus::kScored    ? nlohmann::json(r.score)
                   : r.status == QuestionStatus::kSkipped ? nlohmann::json(0.0)
                                                          : nlohmann::json()},
         {"band", result ? result->band : ""},
         {"hints", r.hints},
         {"follow_up", r.follow_up_answered},
         {"time_to_answer_seconds",
          r.answered_at_ms ? nlohmann::json((r.answered_at_ms - r.asked_at_ms) / 1000)
                           : nlohmann::json()}});
    if (!result) continue;
    for (const auto& c : result->competencies) {
      if (!competencies.count(c.name)) competency_order.push_back(c.name);
      competencies[c.name].sum += c.coverage;
      competencies[c.name].n += 1;
    }
    for (const auto& g : result->gaps) {
      GapAgg& agg = gaps[g.name];
      agg.lost += g.points_lost;
      if (agg.hint.empty()) agg.hint = g.hint;
      agg.questions.push_back(title);
    }
  }
  nlohmann::json comp = nlohmann::json::array();
  for (const auto& name : competency_order) {
    const Agg& a = competencies[name];
    comp.push_back({{"name", name},
                    {"coverage", std::round(a.sum / a.n * 100) / 100},
                    {"questions", a.n}});
  }
  std::vector<std::pair<std::string, GapAgg>> sorted(gaps.begin(), gaps.end());
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const auto& a, const auto& b) { return a.second.lost > b.second.lost; });
  nlohmann::json top = nlohmann::json::array();
  for (size_t i = 0; i < sorted.size() && i < 5; ++i) {
    top.push_back({{"name", sorted[i].first},
                   {"points_lost", std::round(sorted[i].second.lost * 10) / 10},
                   {"hint", sorted[i].second.hint},
                   {"questions", sorted[i].second.questions}});
  }
  nlohmann::json transcript = nlohmann::json::array();
  for (const auto& m : s.messages) transcript.push_back(MessageToJson(m));
  return {{"session", SessionView(bank, s, false)},
          {"overall", OverallJson(s)},
          {"ended_early", s.ended_early},
          {"questions", questions},
          {"competencies", comp},
          {"top_gaps", top},
          {"transcript", transcript}};
}

namespace {

// User text as literal Markdown: control characters dropped (line breaks kept where `multiline`),
// Markdown's punctuation backslash-escaped, so a name or an answer cannot add a heading, link,
// image, emphasis or table cell.
std::string MarkdownText(const std::string& text, bool multiline) {
  std::string out;
  for (char c : text) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (c == '\n' && multiline) {
      out += c;
    } else if (u < 0x20 || u == 0x7f) {
      continue;
    } else if (std::strchr("\\`*_{}[]()<>#+-.!|~", c)) {
      out += '\\';
      out += c;
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace

std::string ReportMarkdown(const rubric::Bank& bank, const Session& s) {
  const nlohmann::json r = ReportJson(bank, s);
  std::string md = "# Interview report" + (s.name.empty() ? "" : " - " + MarkdownText(s.name, false)) + "\n\n";
  md += "Started " + Iso8601(s.created_ms) + ", " + ToString(s.state) +
        (s.ended_early ? " (ended early)" : "") + ".\n\n";
  md += "**Overall: " + (r["overall"].is_null() ? std::string("no answers") : Fixed1(r["overall"].get<double>()) + "/10") + "**\n\n";
  md += "## Questions\n\n| # | Question | Score | Status | Hints | Time to answer |\n|---|---|---|---|---|---|\n";
  for (const auto& q : r["questions"]) {
    md += "| " + std::to_string(q["number"].get<int>()) + " | " + Cell(q["title"]) + " | " +
          (q["score"].is_null() ? "-" : Fixed1(q["score"].get<double>())) + " | " +
          q["status"].get<std::string>() + " | " + std::to_string(q["hints"].get<int>()) + " | " +
          (q["time_to_answer_seconds"].is_null() ? "-" : std::to_string(q["time_to_answer_seconds"].get<int64_t>()) + " s") + " |\n";
  }
  md += "\n## Competencies\n\n";
  for (const auto& c : r["competencies"]) {
    md += "- " + c["name"].get<std::string>() + ": " +
          std::to_string(static_cast<int>(std::lround(c["coverage"].get<double>() * 100))) + "%\n";
  }
  md += "\n## Top gaps to study\n\n";
  for (const auto& g : r["top_gaps"]) {
    md += "- **" + g["name"].get<std::string>() + "** (-" + Fixed1(g["points_lost"].get<double>()) +
          "): " + g["hint"].get<std::string>() + "\n";
  }
  md += "\n## Transcript\n\n";
  for (const auto& m : s.messages) {
    md += (m.role == MessageRole::kBot ? "**Interviewer** (" : "**You** (") +
          std::string(ToString(m.kind)) + "):\n\n" +
          (m.role == MessageRole::kBot ? m.text : MarkdownText(m.text, true)) + "\n\n";
  }
  return md;
}

nlohmann::json History(const rubric::Bank& bank, const std::vector<Session>& sessions) {
  nlohmann::json list = nlohmann::json::array();
  struct Miss {
    std::string concept_name, question;
    int times = 0;
  };
  std::map<std::string, Miss> missed;
  for (const auto& s : sessions) {
    list.push_back({{"id", s.id},
                    {"name", s.name},
                    {"created_at", Iso8601(s.created_ms)},
                    {"state", ToString(s.state)},
                    {"overall", OverallJson(s)},
                    {"questions", s.questions.size()},
                    {"links", Links(s)}});
    for (const auto& r : s.questions) {
      if (r.status != QuestionStatus::kScored || !r.result) continue;
      const rubric::Question* q = bank.Find(r.id);
      for (const auto& c : r.result->concepts) {
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
  return {{"sessions", list}, {"missed_concepts", concepts}};
}

}  // namespace bot
