// The end-of-interview report as a coaching plan, in JSON and Markdown with the same content.
#include <algorithm>
#include <cmath>
#include <cstring>
#include <map>

#include "core/clock.h"
#include "core/coach.h"
#include "core/format.h"
#include "core/report.h"

namespace bot {
namespace {

using nlohmann::json;

double Round1(double x) { return std::round(x * 10) / 10; }

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

std::string Cell(std::string s) {
  for (size_t i = 0; (i = s.find('|', i)) != std::string::npos; i += 2) s.replace(i, 1, "\\|");
  for (char& c : s) c = c == '\n' ? ' ' : c;
  return s;
}

// A skipped question lost all ten points; each of its steps stands for an equal share.
json SkippedGaps(const rubric::Question& q) {
  json gaps = json::array();
  const double share = q.steps.empty() ? 0.0 : std::round(1000.0 / q.steps.size()) / 100;
  for (const auto& step : q.steps) {
    gaps.push_back({{"name", step.name}, {"points_lost", share}, {"hint", step.hint}});
  }
  return gaps;
}

json GapsOf(const rubric::Result& r) {
  json gaps = json::array();
  for (const auto& g : r.gaps) {
    gaps.push_back({{"name", g.name}, {"points_lost", g.points_lost}, {"hint", g.hint}});
  }
  return gaps;
}

json EvidenceOf(const rubric::Result& r) {
  json evidence = json::array();
  for (const auto& step : r.steps) {
    for (const auto& e : step.evidence) {
      evidence.push_back({{"concept", e.concept_name}, {"quote", ShortQuote(e.quote, 160)}});
    }
  }
  return evidence;
}

// The first attempt, then each retry, each with its own score.
json AttemptsOf(const QuestionRecord& r) {
  json attempts = json::array();
  if (r.status == QuestionStatus::kScored || r.status == QuestionStatus::kSkipped) {
    attempts.push_back({{"attempt", 1},
                        {"score", r.status == QuestionStatus::kScored ? r.score : 0.0},
                        {"skipped", r.status == QuestionStatus::kSkipped},
                        {"after_model_answer", false}});
  }
  for (size_t i = 0; i < r.retries.size(); ++i) {
    attempts.push_back({{"attempt", i + 2},
                        {"score", r.retries[i].result.score},
                        {"skipped", false},
                        {"after_model_answer", r.retries[i].after_model_answer}});
  }
  return attempts;
}

json QuestionJson(const rubric::Question* q, const QuestionRecord& r) {
  const rubric::Result* result = r.status == QuestionStatus::kScored && r.result ? &*r.result : nullptr;
  json row = {{"number", q ? q->number : 0},
              {"id", r.id},
              {"title", q ? q->title : r.id},
              {"status", ToString(r.status)},
              {"score", r.status == QuestionStatus::kScored    ? json(r.score)
                        : r.status == QuestionStatus::kSkipped ? json(0.0)
                                                               : json()},
              {"band", result ? result->band : ""},
              {"hints", r.hints},
              {"follow_up", r.follow_up_answered},
              {"time_to_answer_seconds",
               r.answered_at_ms ? json((r.answered_at_ms - r.asked_at_ms) / 1000) : json()},
              {"strengths", json::array()},
              {"fixes", json::array()},
              {"evidence", json::array()},
              {"gaps", json::array()},
              {"model_answer_seen", r.model_answer_seen},
              {"attempts", AttemptsOf(r)}};
  if (result) {
    const CoachSummary summary = Summarise(*result);
    row["strengths"] = summary.strengths;
    row["fixes"] = summary.fixes;
    row["evidence"] = EvidenceOf(*result);
    row["gaps"] = GapsOf(*result);
  } else if (r.status == QuestionStatus::kSkipped && q) {
    row["gaps"] = SkippedGaps(*q);
  }
  return row;
}

// The three gaps worth the most points over the whole interview, summed by name.
json StudyPlan(const json& questions) {
  struct Item {
    double lost = 0;
    std::string hint;
    std::vector<std::string> questions;
  };
  std::map<std::string, Item> items;
  std::vector<std::string> order;
  for (const auto& q : questions) {
    for (const auto& g : q["gaps"]) {
      const std::string name = g["name"];
      if (!items.count(name)) order.push_back(name);
      Item& item = items[name];
      item.lost += g["points_lost"].get<double>();
      if (item.hint.empty()) item.hint = g["hint"];
      item.questions.push_back(q["title"]);
    }
  }
  std::stable_sort(order.begin(), order.end(),
                   [&](const auto& a, const auto& b) { return items[a].lost > items[b].lost; });
  json plan = json::array();
  for (size_t i = 0; i < order.size() && i < 3; ++i) {
    const Item& item = items[order[i]];
    plan.push_back({{"name", order[i]},
                    {"points", Round1(item.lost)},
                    {"hint", item.hint},
                    {"questions", item.questions}});
  }
  return plan;
}

}  // namespace

json ReportJson(const rubric::Bank& bank, const Session& s, const std::string& base_url) {
  json questions = json::array();
  json strengths = json::array();
  struct Agg {
    double sum = 0;
    int n = 0;
  };
  std::map<std::string, Agg> competencies;
  std::vector<std::string> competency_order;
  for (const auto& r : s.questions) {
    const rubric::Question* q = bank.Find(r.id);
    questions.push_back(QuestionJson(q, r));
    for (const auto& text : questions.back()["strengths"]) {
      strengths.push_back({{"question", questions.back()["title"]}, {"text", text}});
    }
    if (r.status != QuestionStatus::kScored || !r.result) continue;
    for (const auto& c : r.result->competencies) {
      if (!competencies.count(c.name)) competency_order.push_back(c.name);
      competencies[c.name].sum += c.coverage;
      competencies[c.name].n += 1;
    }
  }
  json comp = json::array();
  for (const auto& name : competency_order) {
    const Agg& a = competencies[name];
    comp.push_back({{"name", name}, {"coverage", std::round(a.sum / a.n * 100) / 100}, {"questions", a.n}});
  }
  json transcript = json::array();
  for (const auto& m : s.messages) transcript.push_back(MessageToJson(m));
  return {{"session", SessionView(bank, s, false)},
          {"links", SessionLinks(s, base_url)},
          {"overall", OverallJson(s)},
          {"ended_early", s.ended_early},
          {"strengths", strengths},
          {"study_plan", StudyPlan(questions)},
          {"questions", questions},
          {"competencies", comp},
          {"transcript", transcript}};
}

std::string ReportMarkdown(const rubric::Bank& bank, const Session& s, const std::string& base_url) {
  const json r = ReportJson(bank, s, base_url);
  std::string md = "# Interview report" + (s.name.empty() ? "" : " - " + MarkdownText(s.name, false)) + "\n\n";
  md += "Started " + Iso8601(s.created_ms) + ", " + ToString(s.state) +
        (s.ended_early ? " (ended early)" : "") + ". Online: " + r["links"]["report"].get<std::string>() +
        "\n\n";
  md += "**Overall: " + (r["overall"].is_null() ? std::string("no answers") : Fixed1(r["overall"].get<double>()) + "/10") + "**\n\n";
  md += "## Strengths\n\n";
  if (r["strengths"].empty()) md += "None recorded yet.\n";
  for (const auto& st : r["strengths"]) {
    md += "- " + MarkdownText(st["text"].get<std::string>(), false) + " (" + st["question"].get<std::string>() + ")\n";
  }
  md += "\n## Study next\n\n";
  if (r["study_plan"].empty()) md += "No gaps recorded.\n";
  int n = 0;
  for (const auto& g : r["study_plan"]) {
    md += std::to_string(++n) + ". **" + g["name"].get<std::string>() + "** (up to " +
          Fixed1(g["points"].get<double>()) + " points): " + g["hint"].get<std::string>() + "\n";
  }
  md += "\n## Questions\n\n| # | Question | Score | Status | Hints | Time to answer |\n|---|---|---|---|---|---|\n";
  for (const auto& q : r["questions"]) {
    md += "| " + std::to_string(q["number"].get<int>()) + " | " + Cell(q["title"]) + " | " +
          (q["score"].is_null() ? "-" : Fixed1(q["score"].get<double>())) + " | " +
          q["status"].get<std::string>() + " | " + std::to_string(q["hints"].get<int>()) + " | " +
          (q["time_to_answer_seconds"].is_null() ? "-" : std::to_string(q["time_to_answer_seconds"].get<int64_t>()) + " s") + " |\n";
  }
  for (const auto& q : r["questions"]) {
    if (q["attempts"].empty()) continue;
    md += "\n### " + std::to_string(q["number"].get<int>()) + ". " + q["title"].get<std::string>() + "\n\n";
    for (const auto& a : q["attempts"]) {
      md += "- Attempt " + std::to_string(a["attempt"].get<int>()) + ": " +
            (a["skipped"].get<bool>() ? std::string("skipped (0.0)") : Fixed1(a["score"].get<double>()) + "/10") +
            (a["after_model_answer"].get<bool>() ? ", after seeing the model answer" : "") + "\n";
    }
    if (!q["evidence"].empty()) md += "\nCredited, in your words:\n\n";
    for (const auto& e : q["evidence"]) {
      md += "- " + e["concept"].get<std::string>() + ": \"" + MarkdownText(e["quote"].get<std::string>(), false) + "\"\n";
    }
    if (!q["gaps"].empty()) md += "\nGaps:\n\n";
    for (const auto& g : q["gaps"]) {
      md += "- " + g["name"].get<std::string>() + " (-" + Fixed1(g["points_lost"].get<double>()) + ")" +
            (g["hint"].get<std::string>().empty() ? "" : ": " + g["hint"].get<std::string>()) + "\n";
    }
  }
  md += "\n## Competencies\n\n";
  for (const auto& c : r["competencies"]) {
    md += "- " + c["name"].get<std::string>() + ": " +
          std::to_string(static_cast<int>(std::lround(c["coverage"].get<double>() * 100))) + "%\n";
  }
  md += "\n## Transcript\n\n";
  for (const auto& m : s.messages) {
    md += (m.role == MessageRole::kBot ? "**Interviewer** (" : "**You** (") +
          std::string(ToString(m.kind)) + "):\n\n" +
          (m.role == MessageRole::kBot ? m.text : MarkdownText(m.text, true)) + "\n\n";
  }
  return md;
}

}  // namespace bot
