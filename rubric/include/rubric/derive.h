// Rubrics derived from model answers, for questions written with a model answer (and perhaps a few
// key terms) but no hand-written rubric. The result has the same shape as a hand-written rubric, so
// the scorer and every defence treat both alike. Functions of their inputs; thread-safe on distinct
// banks.
#ifndef RUBRIC_DERIVE_H_
#define RUBRIC_DERIVE_H_

#include "rubric/bank.h"

namespace rubric {

// Derives the rubric of every question of `bank` that has none (all of them when
// `replace_hand_written`, to measure how far a bank gets with no authoring). Concepts are the model
// answer's content words weighted by their specificity across the bank's model answers, matched in
// every inflection and through the built-in and bank synonyms; a question without a framework gets
// the model answer's sentences as its steps. LoadBank calls it for questions without `rubric`.
void DeriveRubrics(Bank* bank, bool replace_hand_written = false);

}  // namespace rubric

#endif  // RUBRIC_DERIVE_H_
