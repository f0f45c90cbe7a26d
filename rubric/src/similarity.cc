#include "similarity.h"

#include <algorithm>
#include <cmath>

#include "derive_words.h"
#include "lexicon.h"
#include "stem.h"
#include "text.h"

namespace rubric::internal {
namespace {

// A word of the question shows little: it counts at this share of its specificity.
constexpr double kQuestionWordRate = 0.1;
// Shorter stems are too often another word one letter away ("node", "code").
constexpr size_t kMinTypoLetters = 5;

}  // namespace

bool OneEditApart(std::string_view a, std::string_view b) {
  if (a.size() > b.size()) std::swap(a, b);
  if (b.size() - a.size() > 1 || a == b) return false;
  size_t i = 0;
  while (i < a.size() && a[i] == b[i]) ++i;
  if (a.size() < b.size()) return a.substr(i) == b.substr(i + 1);  // one letter inserted
  if (a.substr(i + 1) == b.substr(i + 1)) return true;            // one letter replaced
  return i + 1 < a.size() && a[i] == b[i + 1] && a[i + 1] == b[i] &&
         a.substr(i + 2) == b.substr(i + 2);  // two letters swapped
}

ModelVocabulary::ModelVocabulary(const std::vector<std::string>& references,
                                 const std::string& question_text,
                                 const std::map<std::string, int>& document_frequency,
                                 int questions) {
  for (auto& s : ContentStems(question_text)) question_.insert(std::move(s));
  for (const auto& text : references) {
    Reference ref;
    for (const auto& s : ContentStems(text)) {
      if (ref.weight.count(s)) continue;
      const auto it = document_frequency.find(s);
      const double df = it == document_frequency.end() ? 1 : it->second;
      double w = std::max(0.0, std::log((questions + 1) / (df + 0.5)));
      if (question_.count(s)) w *= kQuestionWordRate;
      ref.weight[s] = w;
      ref.total += w;
      if (known_.insert(s).second && s.size() >= kMinTypoLetters) typo_targets_.push_back(s);
    }
    if (ref.total > 0) references_.push_back(std::move(ref));
  }
  std::sort(typo_targets_.begin(), typo_targets_.end());
  for (const auto& text : references) AddAliases(text);
}

void ModelVocabulary::AddAliases(const std::string& reference) {
  const Lexicon& lexicon = Lexicon::Get();
  const NormalizedText norm = Normalize(RepairUtf8(reference));
  for (auto w : Words(norm.text)) {
    if (!IsContentWord(w)) continue;
    std::vector<std::string> others = lexicon.Synonyms(w, 1, lexicon.MainPos(w));
    for (auto& r : lexicon.RelatedForms(w)) others.push_back(std::move(r));
    for (const auto& other : others) {
      if (other.find(' ') != std::string::npos) continue;  // a phrase is no word of an answer
      std::string stem = Stem(other);
      if (!known_.count(stem) && !question_.count(stem)) aliases_.emplace(std::move(stem), Stem(w));
    }
  }
}

std::string ModelVocabulary::ReferenceStem(std::string stem) const {
  if (known_.count(stem)) return stem;
  if (const auto it = aliases_.find(stem); it != aliases_.end()) return it->second;
  if (stem.size() < kMinTypoLetters) return stem;
  for (const auto& target : typo_targets_) {
    if (OneEditApart(stem, target)) return target;
  }
  return stem;
}

double ModelVocabulary::Overlap(const Analysis& answer, bool fragments_count) const {
  std::vector<std::string> own;  // the answer's content stems, less the question's
  std::unordered_set<std::string> used;
  for (size_t si = 0; si < answer.sentences.size(); ++si) {
    if (!answer.Says(si, fragments_count)) continue;
    for (auto w : Words(answer.SentenceText(si))) {
      if (!IsContentWord(w)) continue;
      std::string s = ReferenceStem(Stem(w));
      if (!question_.count(s)) own.push_back(s);
      used.insert(std::move(s));
    }
  }
  double best = 0;
  for (const auto& ref : references_) {
    double got = 0;
    for (const auto& [stem, weight] : ref.weight) got += used.count(stem) ? weight : 0;
    int shared = 0;
    for (const auto& s : own) shared += ref.weight.count(s) > 0;
    const double recall = got / ref.total;
    const double precision = own.empty() ? 0 : static_cast<double>(shared) / own.size();
    if (recall + precision > 0) best = std::max(best, 2 * recall * precision / (recall + precision));
  }
  return best;
}

}  // namespace rubric::internal
