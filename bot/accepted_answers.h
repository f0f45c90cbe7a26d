// Accepted answers suggested from candidates' answers nobody has graded: those scoring best
// against the question's rubric and references (pseudo-relevance feedback, as in Mohler and
// Mihalcea 2009). An author reviews them before adding them to the question. Pure; thread-safe.
#ifndef BOT_ACCEPTED_ANSWERS_H_
#define BOT_ACCEPTED_ANSWERS_H_

#include <string>
#include <vector>

#include "rubric/scorer.h"

namespace bot {

struct SuggestedAnswer {
  std::string answer;
  double score = 0;

  bool operator==(const SuggestedAnswer& o) const { return answer == o.answer && score == o.score; }
};

// An answer scoring under this is not one to accept, however it ranks.
constexpr double kMinAcceptedScore = 5.0;

// Up to `count` of `answers`, best score first (ties in the given order), each scoring at least
// kMinAcceptedScore for `question_id`. Repeats, and answers the question already has as its model
// or accepted answers, are left out. Empty when the question is unknown.
std::vector<SuggestedAnswer> SuggestAccepted(const rubric::Scorer& scorer,
                                             const std::string& question_id,
                                             const std::vector<std::string>& answers, size_t count);

}  // namespace bot

#endif  // BOT_ACCEPTED_ANSWERS_H_
