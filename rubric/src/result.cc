#include "rubric/result.h"

#include <algorithm>
#include <cmath>

namespace rubric {

std::string BandFor(double score) {
  if (score >= 8.5) return "excellent";
  if (score >= 7.0) return "strong";
  if (score >= 5.0) return "fair";
  if (score >= 3.0) return "weak";
  return "poor";
}

void ApplyCeiling(double ceiling, const std::string& flag, const std::string& message, Result* r) {
  if (r->score <= ceiling) return;
  r->breakdown.push_back({"cap", flag, "Capped: " + flag,
                          std::round((ceiling - r->score) * 10) / 10});
  r->score = ceiling;
  r->band = BandFor(ceiling);
  if (std::find(r->flags.begin(), r->flags.end(), flag) == r->flags.end()) r->flags.push_back(flag);
  r->flag_details.push_back({flag, message, ""});
}

nlohmann::json ToJson(const Result& r) {
  using nlohmann::json;
  json steps = json::array();
  for (const auto& s : r.steps) {
    json evidence = json::array();
    for (const auto& e : s.evidence) {
      evidence.push_back({{"concept", e.concept_id}, {"concept_name", e.concept_name},
                          {"start", e.start}, {"end", e.end}, {"quote", e.quote},
                          {"source", e.source}});
    }
    steps.push_back({{"id", s.id}, {"name", s.name}, {"coverage", s.coverage},
                     {"status", s.status}, {"evidence", evidence}});
  }
  json concepts = json::array();
  for (const auto& c : r.concepts) {
    concepts.push_back({{"id", c.id}, {"name", c.name}, {"status", c.status}, {"credit", c.credit}});
  }
  json competencies = json::array();
  for (const auto& c : r.competencies) {
    competencies.push_back(
        {{"id", c.id}, {"name", c.name}, {"coverage", c.coverage}, {"covered", c.covered}});
  }
  json gaps = json::array();
  for (const auto& g : r.gaps) {
    gaps.push_back({{"kind", g.kind}, {"id", g.id}, {"name", g.name},
                    {"points_lost", g.points_lost}, {"hint", g.hint}, {"probe", g.probe}});
  }
  json details = json::array();
  for (const auto& f : r.flag_details) {
    details.push_back({{"flag", f.flag}, {"message", f.message}, {"quote", f.quote}});
  }
  json breakdown = json::array();
  for (const auto& p : r.breakdown) {
    breakdown.push_back({{"kind", p.kind}, {"id", p.id}, {"label", p.label}, {"points", p.points}});
  }
  json out = {
      {"question", r.question_id},
      {"rubric_version", r.rubric_version},
      {"score", r.score},
      {"band", r.band},
      {"words", r.words},
      {"follow_up", r.follow_up},
      {"steps", steps},
      {"concepts", concepts},
      {"competencies", competencies},
      {"depth",
       {{"numbers", r.depth.numbers}, {"tradeoffs", r.depth.tradeoffs}, {"risks", r.depth.risks},
        {"verification", r.depth.verification}, {"score", r.depth.score}}},
      {"strengths", r.strengths},
      {"gaps", gaps},
      {"flags", r.flags},
      {"flag_details", details},
      {"breakdown", breakdown},
  };
  if (!r.off_topic_match.empty()) out["off_topic_match"] = r.off_topic_match;
  return out;
}

}  // namespace rubric
