#include "accepted_answers.h"

#include <algorithm>
#include <set>

namespace bot {

std::vector<SuggestedAnswer> SuggestAccepted(const rubric::Scorer& scorer,
                                             const std::string& question_id,
                                             const std::vector<std::string>& answers, size_t count) {
  const rubric::Question* q = scorer.bank().Find(question_id);
  if (!q) return {};
  std::set<std::string> seen(q->accepted_answers.begin(), q->accepted_answers.end());
  seen.insert(q->model_answer);
  std::vector<SuggestedAnswer> scored;
  for (const auto& answer : answers) {
    if (!seen.insert(answer).second) continue;
    rubric::Result r;
    if (!scorer.Score(q->id, answer, &r).ok() || r.score < kMinAcceptedScore) continue;
    scored.push_back({answer, r.score});
  }
  std::stable_sort(scored.begin(), scored.end(),
                   [](const SuggestedAnswer& a, const SuggestedAnswer& b) { return a.score > b.score; });
  if (scored.size() > count) scored.resize(count);
  return scored;
}

}  // namespace bot
