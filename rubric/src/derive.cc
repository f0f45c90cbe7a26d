#include "rubric/derive.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "derive_words.h"
#include "stem.h"
#include "synonyms.h"
#include "text.h"

namespace rubric {
namespace {

using internal::ContentStems;
using internal::DocumentFrequency;
using internal::IsContentWord;
using internal::IsGeneralWord;
using internal::Lower;
using internal::Slug;

using internal::Stem;

// A word that appears in the question itself says little about knowing the answer (students echo
// the question), so it counts at this share of its specificity.
constexpr double kQuestionWordRate = 0.1;
// Words rarer than this (normalised IDF times the rates above) are not worth a concept.
constexpr double kMinImportance = 0.2;
constexpr size_t kMaxConcepts = 40;
constexpr double kGeneralImportance = 0.3;
constexpr size_t kMaxDerivedSteps = 6;
constexpr size_t kStepNameWords = 8;
constexpr long kFullSentencesForHeadings = 3;

struct Term {
  std::string surface;
  std::map<std::string, int> surfaces;  // form -> count, the commonest names the concept
  std::set<int> sentences;              // model-answer sentences (or steps) it occurs in
  int count = 0;
  bool key = false, in_question = false, general = false;
  double importance = 0;
};

// Sentence texts of the model answer, in the author's own words and in normalised form.
struct Sentences {
  std::vector<std::string> original, normalized;
};

Sentences SplitModelAnswer(const std::string& answer) {
  const std::string repaired = internal::RepairUtf8(answer);
  const auto norm = internal::Normalize(repaired);
  Sentences out;
  const auto sentences = internal::SplitSentences(norm.text);
  // A fragment in a long model answer is a heading ("Step 1:"); in a short one ("File scope.",
  // "Through iteration.") it is the answer.
  const auto full = std::count_if(sentences.begin(), sentences.end(),
                                  [](const internal::Sentence& s) { return !s.fragment; });
  for (const auto& s : sentences) {
    if (s.fragment && full >= kFullSentencesForHeadings) continue;
    out.normalized.push_back(norm.text.substr(s.begin, s.end - s.begin));
    const size_t b = norm.origin[s.begin], e = norm.origin[s.end];
    out.original.push_back(repaired.substr(b, e - b));
  }
  return out;
}

std::string FirstWords(const std::string& text, size_t n) {
  std::string out;
  size_t words = 0;
  bool in_word = false;
  for (char c : text) {
    const bool space = c == ' ' || c == '\n' || c == '\t';
    if (!space && !in_word && ++words > n) {
      while (!out.empty() && out.back() == ' ') out.pop_back();
      return out + "...";
    }
    in_word = !space;
    out += space ? ' ' : c;
  }
  while (!out.empty() && (out.back() == '.' || out.back() == ' ')) out.pop_back();
  return out;
}

// Steps from the model answer's sentences, merged into at most kMaxDerivedSteps runs of
// consecutive sentences; `step_of` maps each sentence to its step.
void StepsFromSentences(const Sentences& s, Question* q, std::vector<int>* step_of) {
  const size_t n = std::max<size_t>(1, s.original.size());
  const size_t steps = std::min(n, kMaxDerivedSteps);
  q->framework_name = "The model answer";
  for (size_t k = 0; k < steps; ++k) {
    const size_t b = k * n / steps, e = (k + 1) * n / steps;
    std::string text;
    for (size_t i = b; i < e && i < s.original.size(); ++i) {
      text += (text.empty() ? "" : " ") + s.original[i];
      step_of->push_back(static_cast<int>(k));
    }
    if (text.empty()) text = q->model_answer;
    Step step;
    step.id = "point-" + std::to_string(k + 1);
    step.name = FirstWords(text, kStepNameWords);
    step.description = text;
    q->steps.push_back(std::move(step));
  }
}

// Maps each sentence to the framework step whose name and description share most stems with it;
// a sentence sharing none goes to the step at the same relative position (model answers follow
// their framework in order).
void MapToFramework(const Sentences& s, const Question& q, std::vector<int>* step_of) {
  std::vector<std::set<std::string>> step_stems;
  for (const auto& step : q.steps) {
    const auto stems = ContentStems(step.name + " " + step.description);
    step_stems.emplace_back(stems.begin(), stems.end());
  }
  const size_t n = s.normalized.size();
  for (size_t i = 0; i < n; ++i) {
    int best = static_cast<int>(i * q.steps.size() / std::max<size_t>(1, n)), best_shared = 0;
    const auto stems = ContentStems(s.normalized[i]);
    const std::set<std::string> mine(stems.begin(), stems.end());
    for (size_t k = 0; k < step_stems.size(); ++k) {
      int shared = 0;
      for (const auto& st : mine) shared += step_stems[k].count(st) > 0;
      if (shared > best_shared) best = static_cast<int>(k), best_shared = shared;
    }
    step_of->push_back(best);
  }
}

std::string ConceptPattern(const std::string& term, const internal::SynonymTable& synonyms) {
  std::string p = internal::VariantPattern(term);
  for (const auto& other : synonyms.For(term)) p += "|" + internal::VariantPattern(other);
  return "(?:" + p + ")";
}

void Derive(const Bank& bank, const std::map<std::string, int>& df,
            const internal::SynonymTable& synonyms, Question* q) {
  const Sentences sentences = SplitModelAnswer(q->model_answer);
  std::vector<int> step_of;
  if (q->steps.empty()) {
    StepsFromSentences(sentences, q, &step_of);
  } else {
    MapToFramework(sentences, *q, &step_of);
  }
  std::set<std::string> question_stems;
  for (const auto& st : ContentStems(q->title + " " + q->question + " " + q->scenario)) {
    question_stems.insert(st);
  }

  std::map<std::string, Term> terms;
  for (size_t i = 0; i < sentences.normalized.size(); ++i) {
    const auto norm = internal::Normalize(sentences.normalized[i]);
    for (auto w : internal::Words(norm.text)) {
      if (!IsContentWord(w)) continue;
      Term& t = terms[Stem(w)];
      t.general = IsGeneralWord(w);
      ++t.count;
      ++t.surfaces[std::string(w)];
      t.sentences.insert(step_of[i]);
    }
  }
  for (const auto& key : q->key_terms) {
    const std::string lower = Lower(key);
    const auto stems = ContentStems(lower);
    std::string stem;
    for (const auto& s : stems) stem += (stem.empty() ? "" : " ") + s;
    if (stem.empty()) continue;
    Term& t = terms[stem];
    t.key = true;
    ++t.surfaces[lower];
  }

  const double n = static_cast<double>(bank.questions.size());
  const double max_idf = std::log((n + 1) / 1.5);
  std::vector<std::pair<std::string, Term*>> ranked;
  for (auto& [stem, t] : terms) {
    int best = 0;
    for (const auto& [form, c] : t.surfaces) {
      if (c > best) t.surface = form, best = c;
    }
    const auto it = df.find(stem);
    const double d = it == df.end() ? 1 : it->second;
    t.in_question = question_stems.count(stem) > 0;
    t.importance = max_idf > 0 ? std::log((n + 1) / (d + 0.5)) / max_idf : 1.0;
    t.importance *= (t.in_question ? kQuestionWordRate : 1.0) * (1 + 0.25 * std::min(t.count - 1, 2));
    if (t.general) t.importance = std::min(t.importance, kGeneralImportance);
    if (t.key) t.importance = std::max(t.importance, 1.0);
    ranked.emplace_back(stem, &t);
  }
  std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
    return a.second->importance > b.second->importance;
  });

  Rubric rubric;
  rubric.version = "0.0.0";
  rubric.derived = true;
  std::set<std::string> ids;
  std::vector<bool> step_has(q->steps.size(), false);
  const auto add = [&](const Term& t) {
    Concept c;
    c.id = Slug(t.surface);
    for (int k = 2; !ids.insert(c.id).second; ++k) c.id = Slug(t.surface) + "-" + std::to_string(k);
    c.name = t.surface;
    c.weight = t.key || t.importance >= 0.66 ? 3 : t.importance >= 0.4 ? 2 : 1;
    std::set<int> steps = t.sentences;
    if (steps.empty()) {
      for (size_t k = 0; k < q->steps.size(); ++k) steps.insert(static_cast<int>(k));
    }
    for (int k : steps) {
      c.steps.push_back(q->steps[k].id);
      step_has[k] = true;
    }
    c.patterns.push_back(ConceptPattern(t.surface, synonyms));
    rubric.concepts.push_back(std::move(c));
  };
  std::vector<bool> taken(ranked.size(), false);
  for (size_t i = 0; i < ranked.size() && rubric.concepts.size() < kMaxConcepts; ++i) {
    const Term& t = *ranked[i].second;
    if (!t.key && t.importance < kMinImportance && rubric.concepts.size() >= 3) continue;
    add(t);
    taken[i] = true;
  }
  // Every step needs a concept: its most specific word not yet taken.
  for (size_t k = 0; k < q->steps.size(); ++k) {
    for (size_t i = 0; i < ranked.size() && !step_has[k]; ++i) {
      if (!taken[i] && ranked[i].second->sentences.count(static_cast<int>(k))) {
        add(*ranked[i].second);
        taken[i] = true;
      }
    }
    if (step_has[k]) continue;
    const auto norm = internal::Normalize(internal::RepairUtf8(q->steps[k].name));
    for (auto w : internal::Words(norm.text)) {
      if (!IsContentWord(w) || step_has[k]) continue;
      Term t;
      t.surface = std::string(w);
      t.sentences.insert(static_cast<int>(k));
      t.importance = 0.5;
      add(t);
    }
    if (!step_has[k]) {
      Term t;
      t.surface = Lower(q->steps[k].id);
      t.sentences.insert(static_cast<int>(k));
      add(t);
    }
  }

  if (q->competencies.empty()) {
    q->competencies.push_back({"content", "Content knowledge",
                               "The ideas of the model answer, in the candidate's own words.", {}});
  }
  for (auto& comp : q->competencies) {
    comp.concepts.clear();
    for (const auto& c : rubric.concepts) comp.concepts.push_back(c.id);
  }
  for (auto& step : q->steps) {
    if (step.probe.empty()) step.probe = "Can you say more about this part: " + step.name + "?";
    if (step.hint.empty()) step.hint = "The reference answer says: " + step.description;
  }
  q->rubric = std::move(rubric);
}

}  // namespace

void DeriveRubrics(Bank* bank, bool replace_hand_written) {
  const bool any = replace_hand_written ||
                   std::any_of(bank->questions.begin(), bank->questions.end(),
                               [](const Question& q) { return q.rubric.concepts.empty(); });
  if (!any) return;  // every question has its own rubric: nothing needs the bank's frequencies
  std::vector<std::string> answers;
  for (const auto& q : bank->questions) answers.push_back(q.model_answer);
  const std::map<std::string, int> df = DocumentFrequency(answers);
  const internal::SynonymTable synonyms(bank->synonyms);
  for (auto& q : bank->questions) {
    if (replace_hand_written || q.rubric.concepts.empty()) Derive(*bank, df, synonyms, &q);
  }
}

}  // namespace rubric
