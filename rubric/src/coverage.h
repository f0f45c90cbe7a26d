// Coverage: how far concept credit covers a question's framework steps, and how far an answer
// covers the topic of every question of the bank (to spot answers that fit another question).
// Pure functions; thread-safe.
#ifndef RUBRIC_SRC_COVERAGE_H_
#define RUBRIC_SRC_COVERAGE_H_

#include <vector>

#include "analysis.h"
#include "compiled_bank.h"

namespace rubric::internal {

// Per step of question `question`: credited weight over the weight that covers it, at most 1.
// `credit` is per concept, 0..1.
std::vector<double> StepCoverage(const CompiledBank& bank, int question,
                                 const std::vector<double>& credit);

double Mean(const std::vector<double>& v);

// One coverage from the per-step ones: their mean, moved `best_step_share` of the way to the
// best-covered step's. 0 when there are no steps.
double Overall(const std::vector<double>& by_step, double best_step_share);

// Topic coverage per question from `hits` of a set whose owners are `owners`, counting sentences
// that say something; only question `only` when it is not -1 (the others are then 0).
std::vector<double> TopicFromHits(const CompiledBank& bank, const Analysis& answer,
                                  const std::vector<std::vector<int>>& hits,
                                  const std::vector<PatternOwner>& owners, int only = -1);

// The content stems of the answer's statements (sentences that say something), in order: what
// TopicWordFit weighs, stemmed once for all the questions it is asked about.
std::vector<std::string> StatementStems(const Analysis& answer);

// How well the words of the answer's statements (`stems`, from StatementStems) fit question
// `question`'s topic: the specificity (inverse document frequency over the bank) of the stems that
// the question's topic holds. Comparable between questions for one answer.
double TopicWordFit(const CompiledBank& bank, const std::vector<std::string>& stems, int question);

// Topic coverage (0..1) of the answer for the questions `candidates` marks, 0 for the others: step
// coverage from sentences that say something, without the negation or echo checks. The asked
// question's is known already (`asked_coverage`, from TopicFromHits); each candidate's own set is
// matched, compiling it if needed (one set of every concept of the bank would hold all of them
// again), so a process that scores one question compiles only the questions that could be a match.
std::vector<double> TopicCoverage(const CompiledBank& bank, const Analysis& answer, int asked,
                                  double asked_coverage, const std::vector<bool>& candidates);

}  // namespace rubric::internal

#endif  // RUBRIC_SRC_COVERAGE_H_
