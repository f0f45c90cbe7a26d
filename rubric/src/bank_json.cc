#include "rubric/bank.h"

namespace rubric {

nlohmann::json ToJson(const Question& q, bool with_rubric, bool with_model_answer) {
  using nlohmann::json;
  json competencies = json::array();
  for (const auto& c : q.competencies) {
    competencies.push_back({{"id", c.id}, {"name", c.name}, {"description", c.description}});
  }
  json steps = json::array();
  for (const auto& s : q.steps) {
    steps.push_back({{"id", s.id}, {"name", s.name}, {"description", s.description}});
  }
  json rationale = json::array();
  for (const auto& r : q.score_rationale) rationale.push_back({{"title", r.title}, {"text", r.text}});
  json out = {
      {"number", q.number},
      {"id", q.id},
      {"title", q.title},
      {"difficulty", q.difficulty},
      {"role", q.role},
      {"level", q.level},
      {"company_examples", q.company_examples},
      {"question", q.question},
      {"scenario", q.scenario},
      {"constraints", q.constraints},
  };
  // A question to be derived may have neither; written empty, they would not parse back.
  if (!q.competencies.empty()) {
    out["tests"] = {{"summary", q.tests_summary},
                    {"competencies", competencies},
                    {"interviewer_goal", q.interviewer_goal}};
  }
  if (!q.steps.empty()) {
    out["framework"] = {
        {"name", q.framework_name}, {"steps", steps}, {"key_principles", q.key_principles}};
  }
  if (q.reference_score >= 0) out["reference_score"] = q.reference_score;
  if (!q.score_rationale.empty()) out["score_rationale"] = rationale;
  if (with_model_answer) out["model_answer"] = q.model_answer;
  if (!q.key_terms.empty()) out["key_terms"] = q.key_terms;
  if (!q.accepted_answers.empty()) out["accepted_answers"] = q.accepted_answers;
  if (q.time_limit_minutes > 0) out["time_limit_minutes"] = q.time_limit_minutes;
  // A rubric still to be derived (LoadBank derives it with the whole bank known) is left out, so
  // the question reads back as one to derive, not as an empty hand-written rubric.
  if (!with_rubric || (q.rubric.derived && q.rubric.concepts.empty())) return out;

  json concepts = json::array();
  for (const auto& c : q.rubric.concepts) {
    concepts.push_back({{"id", c.id}, {"name", c.name}, {"steps", c.steps}, {"weight", c.weight},
                        {"patterns", c.patterns}});
  }
  json comps = json::array();
  for (const auto& c : q.competencies) comps.push_back({{"id", c.id}, {"concepts", c.concepts}});
  json probes = json::array();
  for (const auto& s : q.steps) {
    probes.push_back({{"step", s.id}, {"probe", s.probe}, {"hint", s.hint}});
    if (!s.concrete.empty()) probes.back()["concrete"] = s.concrete;
  }
  json flags = json::array();
  for (const auto& f : q.rubric.red_flags) {
    flags.push_back({{"id", f.id}, {"name", f.name}, {"patterns", f.patterns},
                     {"penalty", f.penalty}, {"feedback", f.feedback}});
  }
  out["rubric"] = {{"version", q.rubric.version}, {"concepts", concepts},
                   {"competencies", comps}, {"steps", probes}, {"red_flags", flags}};
  if (!q.rubric.wrong_conclusions.empty()) {
    json wrong = json::array();
    for (const auto& w : q.rubric.wrong_conclusions) {
      wrong.push_back({{"id", w.id}, {"name", w.name}, {"patterns", w.patterns},
                       {"feedback", w.feedback}});
    }
    out["rubric"]["wrong_conclusions"] = wrong;
  }
  return out;
}

}  // namespace rubric
