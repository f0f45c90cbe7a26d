// Checks of an answer against one question's compiled tables that do not depend on its concepts:
// the model answer's words scrambled, and a sentence echoing the question. Pure functions;
// thread-safe.
#ifndef RUBRIC_SRC_ANSWER_CHECKS_H_
#define RUBRIC_SRC_ANSWER_CHECKS_H_

#include <string_view>

#include "analysis.h"
#include "compiled_bank.h"

namespace rubric::internal {

// The model answer's words in an order of the answer's own: nearly every word is the model
// answer's, nearly no adjacent pair is. False for answers under `min_words`.
bool ScramblesModelAnswer(const QuestionTables& tables, const Analysis& answer, int min_words);

// Most of the content words of `sentence` (normalised) are the question's own.
bool EchoesQuestion(const QuestionTables& tables, std::string_view sentence);

}  // namespace rubric::internal

#endif  // RUBRIC_SRC_ANSWER_CHECKS_H_
