#include <set>

#include <algorithm>

#include "concrete.h"
#include "pattern_set.h"
#include "question_parser.h"

namespace rubric::internal {

namespace {

void ReadPatterns(const nlohmann::json& object, const std::string& path, JsonReader* reader,
                  bool check, std::vector<std::string>* out) {
  *out = reader->Strings(object, path, "patterns", true, true);
  for (size_t i = 0; check && i < out->size(); ++i) {
    std::string error;
    if (!PatternSet::Check((*out)[i], &error)) {
      reader->Fail(JsonReader::Index(JsonReader::Join(path, "patterns"), i),
                   "does not compile as RE2: " + error);
    }
  }
}

bool IsVersion(const std::string& v) {
  int dots = 0;
  bool digit = false;
  for (char c : v) {
    if (c == '.') {
      if (!digit) return false;
      ++dots, digit = false;
    } else if (c >= '0' && c <= '9') {
      digit = true;
    } else {
      return false;
    }
  }
  return digit && dots == 2;
}

}  // namespace

void ParseRubric(const nlohmann::json& json, JsonReader* r, Question* q, bool check_patterns) {
  const std::string path = "rubric";
  r->OnlyKeys(json, path,
              {"version", "concepts", "competencies", "steps", "red_flags", "wrong_conclusions"});
  q->rubric.version = r->String(json, path, "version");
  if (!q->rubric.version.empty() && !IsVersion(q->rubric.version)) {
    r->Fail("rubric.version", "must be a semantic version like 1.0.0");
  }

  std::set<std::string> step_ids;
  for (const auto& s : q->steps) step_ids.insert(s.id);
  std::set<std::string> concept_ids;
  std::set<std::string> steps_with_concepts;
  const auto& concepts = r->Array(json, path, "concepts");
  if (concepts.empty()) r->Fail("rubric.concepts", "must have at least one concept");
  for (size_t i = 0; i < concepts.size(); ++i) {
    const std::string p = JsonReader::Index("rubric.concepts", i);
    const auto& c = concepts[i];
    if (!c.is_object()) {
      r->Fail(p, "must be an object");
      continue;
    }
    r->OnlyKeys(c, p, {"id", "name", "steps", "weight", "patterns"});
    Concept concept_;
    concept_.id = r->String(c, p, "id");
    if (!concept_.id.empty() && !IsSlug(concept_.id)) r->Fail(p + ".id", "must be kebab-case");
    if (!concept_.id.empty() && !concept_ids.insert(concept_.id).second) {
      r->Fail(p + ".id", "duplicate concept id \"" + concept_.id + "\"");
    }
    concept_.name = r->String(c, p, "name");
    concept_.steps = r->Strings(c, p, "steps", true, true);
    for (size_t k = 0; k < concept_.steps.size(); ++k) {
      if (!step_ids.count(concept_.steps[k])) {
        r->Fail(JsonReader::Index(p + ".steps", k),
                "unknown framework step \"" + concept_.steps[k] + "\"");
      }
      steps_with_concepts.insert(concept_.steps[k]);
    }
    concept_.weight = r->Integer(c, p, "weight", 1, 3);
    ReadPatterns(c, p, r, check_patterns, &concept_.patterns);
    q->rubric.concepts.push_back(std::move(concept_));
  }
  for (const auto& s : q->steps) {
    if (!steps_with_concepts.count(s.id)) {
      r->Fail("rubric.concepts", "framework step \"" + s.id + "\" has no concept");
    }
  }

  std::set<std::string> listed;
  const auto& competencies = r->Array(json, path, "competencies");
  for (size_t i = 0; i < competencies.size(); ++i) {
    const std::string p = JsonReader::Index("rubric.competencies", i);
    const auto& c = competencies[i];
    r->OnlyKeys(c, p, {"id", "concepts"});
    const std::string id = r->String(c, p, "id");
    Competency* target = nullptr;
    for (auto& comp : q->competencies) target = comp.id == id ? &comp : target;
    if (!id.empty() && !target) {
      r->Fail(p + ".id", "unknown competency \"" + id + "\"; see tests.competencies");
    } else if (!id.empty() && !listed.insert(id).second) {
      r->Fail(p + ".id", "competency \"" + id + "\" is listed twice");
    }
    const auto ids = r->Strings(c, p, "concepts", true, true);
    for (size_t k = 0; k < ids.size(); ++k) {
      if (!concept_ids.count(ids[k])) {
        r->Fail(JsonReader::Index(p + ".concepts", k), "unknown concept \"" + ids[k] + "\"");
      }
    }
    if (target) target->concepts = ids;
  }
  for (const auto& comp : q->competencies) {
    if (!listed.count(comp.id)) {
      r->Fail("rubric.competencies", "competency \"" + comp.id + "\" has no concepts");
    }
  }

  std::set<std::string> probed;
  const auto& steps = r->Array(json, path, "steps");
  for (size_t i = 0; i < steps.size(); ++i) {
    const std::string p = JsonReader::Index("rubric.steps", i);
    r->OnlyKeys(steps[i], p, {"step", "probe", "hint", "concrete"});
    const std::string id = r->String(steps[i], p, "step");
    Step* target = nullptr;
    for (auto& s : q->steps) target = s.id == id ? &s : target;
    if (!id.empty() && !target) {
      r->Fail(p + ".step", "unknown framework step \"" + id + "\"");
      continue;
    }
    if (!id.empty() && !probed.insert(id).second) r->Fail(p + ".step", "step listed twice");
    const std::string probe = r->String(steps[i], p, "probe");
    const std::string hint = r->String(steps[i], p, "hint");
    const auto concrete = r->Strings(steps[i], p, "concrete", false, true);
    for (size_t k = 0; k < concrete.size(); ++k) {
      const auto& kinds = ConcreteKinds();
      if (std::find(kinds.begin(), kinds.end(), concrete[k]) == kinds.end()) {
        r->Fail(JsonReader::Index(p + ".concrete", k),
                "unknown kind \"" + concrete[k] + "\"; allowed: quantities, team, money, durations, dates");
      }
    }
    if (target) target->probe = probe, target->hint = hint, target->concrete = concrete;
  }
  for (const auto& s : q->steps) {
    if (!probed.count(s.id)) {
      r->Fail("rubric.steps", "framework step \"" + s.id + "\" has no probe and hint");
    }
  }

  std::set<std::string> flag_ids;
  const auto& flags = r->Array(json, path, "red_flags", false);
  for (size_t i = 0; i < flags.size(); ++i) {
    const std::string p = JsonReader::Index("rubric.red_flags", i);
    r->OnlyKeys(flags[i], p, {"id", "name", "patterns", "penalty", "feedback"});
    RedFlag flag;
    flag.id = r->String(flags[i], p, "id");
    if (!flag.id.empty() && !flag_ids.insert(flag.id).second) {
      r->Fail(p + ".id", "duplicate red flag id \"" + flag.id + "\"");
    }
    flag.name = r->String(flags[i], p, "name");
    ReadPatterns(flags[i], p, r, check_patterns, &flag.patterns);
    flag.penalty = r->Number(flags[i], p, "penalty", 0.0, 5.0);
    flag.feedback = r->String(flags[i], p, "feedback");
    q->rubric.red_flags.push_back(std::move(flag));
  }

  std::set<std::string> wrong_ids;
  const auto& wrong = r->Array(json, path, "wrong_conclusions", false);
  for (size_t i = 0; i < wrong.size(); ++i) {
    const std::string p = JsonReader::Index("rubric.wrong_conclusions", i);
    r->OnlyKeys(wrong[i], p, {"id", "name", "patterns", "feedback"});
    WrongConclusion w;
    w.id = r->String(wrong[i], p, "id");
    if (!w.id.empty() && !IsSlug(w.id)) r->Fail(p + ".id", "must be kebab-case");
    if (!w.id.empty() && !wrong_ids.insert(w.id).second) {
      r->Fail(p + ".id", "duplicate wrong conclusion id \"" + w.id + "\"");
    }
    w.name = r->String(wrong[i], p, "name");
    ReadPatterns(wrong[i], p, r, check_patterns, &w.patterns);
    w.feedback = r->String(wrong[i], p, "feedback");
    q->rubric.wrong_conclusions.push_back(std::move(w));
  }
}

}  // namespace rubric::internal
