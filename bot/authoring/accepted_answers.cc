#include "authoring/accepted_answers.h"

#include <algorithm>
#include <cctype>
#include <set>

namespace bot {
namespace {

// The distinct lower-case words of `text` of three or more letters or digits.
std::set<std::string> WordSet(const std::string& text) {
  std::set<std::string> words;
  std::string word;
  for (size_t i = 0; i <= text.size(); ++i) {
    const unsigned char c = i < text.size() ? text[i] : ' ';
    if (std::isalnum(c)) {
      word += static_cast<char>(std::tolower(c));
      continue;
    }
    if (word.size() >= 3) words.insert(word);
    word.clear();
  }
  return words;
}

// Shared words over all words of the two (Jaccard); 0 for two empty sets.
double WordOverlap(const std::set<std::string>& a, const std::set<std::string>& b) {
  size_t shared = 0;
  for (const auto& w : a) shared += b.count(w);
  const size_t all = a.size() + b.size() - shared;
  return all ? static_cast<double>(shared) / all : 0;
}

}  // namespace

std::vector<SuggestedAnswer> SuggestAccepted(const rubric::Scorer& scorer,
                                             const std::string& question_id,
                                             const std::vector<std::string>& answers, size_t count) {
  const rubric::Question* q = scorer.bank().Find(question_id);
  if (!q) return {};
  std::set<std::string> seen(q->accepted_answers.begin(), q->accepted_answers.end());
  seen.insert(q->model_answer);
  std::vector<SuggestedAnswer> candidates;
  for (const auto& answer : answers) {
    if (!seen.insert(answer).second) continue;
    rubric::Result r;
    if (!scorer.Score(q->id, answer, &r).ok() || r.score < kMinAcceptedScore) continue;
    candidates.push_back({answer, r.score});
  }
  std::vector<std::set<std::string>> words;
  for (const auto& c : candidates) words.push_back(WordSet(c.answer));
  std::vector<SuggestedAnswer> picked;
  std::vector<size_t> picked_index;
  std::vector<bool> taken(candidates.size(), false);
  while (picked.size() < count && picked.size() < candidates.size()) {
    size_t best = candidates.size();
    double best_value = 0;
    for (size_t i = 0; i < candidates.size(); ++i) {
      if (taken[i]) continue;
      double closest = 0;
      for (size_t j : picked_index) closest = std::max(closest, WordOverlap(words[i], words[j]));
      const double value = candidates[i].score - kRepeatPenalty * closest;
      if (best == candidates.size() || value > best_value) best = i, best_value = value;
    }
    taken[best] = true;
    picked_index.push_back(best);
    picked.push_back(candidates[best]);
  }
  return picked;
}

}  // namespace bot
