#include "rubric/result.h"

namespace rubric {

std::string BandFor(double score) {
  if (score >= 8.5) return "excellent";
  if (score >= 7.0) return "strong";
  if (score >= 5.0) return "fair";
  if (score >= 3.0) return "weak";
  return "poor";
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
  };
  if (!r.off_topic_match.empty()) out["off_topic_match"] = r.off_topic_match;
  return out;
}

}  // namespace rubric
