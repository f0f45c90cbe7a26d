// Accepted answers suggested from candidates' answers nobody has graded: those scoring best
// against the question's rubric and references (pseudo-relevance feedback, as in Mohler and
// Mihalcea 2009). An author reviews them before adding them to the question. Pure; thread-safe.
#ifndef BOT_AUTHORING_ACCEPTED_ANSWERS_H_
#define BOT_AUTHORING_ACCEPTED_ANSWERS_H_

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
// Points of score a suggestion loses per unit of word overlap (shared words over all words) with
// the closest answer already suggested: three wordings of one answer teach the scorer less than
// the wordings of three. Chosen on Mohler assignments 1-4 (docs/scoring.md).
constexpr double kRepeatPenalty = 15.0;

// Up to `count` of `answers` scoring at least kMinAcceptedScore for `question_id`, picked one at a
// time: the best score first, then each time the best score less kRepeatPenalty times the word
// overlap with the closest answer picked (ties in the given order). Repeats, and answers the
// question already has as its model or accepted answers, are left out. Empty when the question is
// unknown.
std::vector<SuggestedAnswer> SuggestAccepted(const rubric::Scorer& scorer,
                                             const std::string& question_id,
                                             const std::vector<std::string>& answers, size_t count);

}  // namespace bot

#endif  // BOT_AUTHORING_ACCEPTED_ANSWERS_H_
