#include "answer_checks.h"

#include "params.h"
#include "text.h"

namespace rubric::internal {

// Stops at the first word too many that is not the model answer's, so a real answer costs a
// fraction of a pass.
bool ScramblesModelAnswer(const QuestionTables& t, const Analysis& answer, int min_words) {
  if (answer.words < min_words || t.model_pairs.empty()) return false;
  const double allowed_unknown = (1 - Params::kScrambledModelWordShare) * answer.words;
  int unknown = 0, pairs = 0, known_pairs = 0;
  for (size_t si = 0; si < answer.sentences.size(); ++si) {
    const auto w = Words(answer.SentenceText(si));
    for (size_t i = 0; i < w.size(); ++i) {
      if (!t.model_words.count(WordHash(w[i])) && ++unknown > allowed_unknown) return false;
      if (i == 0) continue;
      ++pairs;
      known_pairs += t.model_pairs.count(PairHash(w[i - 1], w[i])) > 0;
    }
  }
  return known_pairs < Params::kScrambledModelPairShare * pairs;
}

bool EchoesQuestion(const QuestionTables& t, std::string_view sentence) {
  int content = 0, shared = 0;
  for (auto w : Words(sentence)) {
    if (IsStopWord(w) || w.size() < 3) continue;
    ++content;
    shared += t.vocabulary.count(std::string(w)) > 0;
  }
  return content >= Params::kEchoMinWords && shared >= Params::kEchoShare * content;
}

}  // namespace rubric::internal
