// Strengths and gaps of a scored answer: which steps and depth signals earned points, and what was
// lost where, largest first, with the rubric's hint and probe. Pure function; thread-safe.
#ifndef RUBRIC_SRC_FEEDBACK_H_
#define RUBRIC_SRC_FEEDBACK_H_

#include <vector>

#include "rubric/bank.h"
#include "rubric/result.h"

namespace rubric::internal {

// Reads r->steps and r->depth; fills r->strengths and r->gaps. `coverage_weight`: the bank
// style's share of the score for coverage; the rest is depth (none in a short-answer bank).
void FillFeedback(const Question& q, const std::vector<double>& step_coverage, double length,
                  double depth_gate, double coverage_weight, Result* r);

}  // namespace rubric::internal

#endif  // RUBRIC_SRC_FEEDBACK_H_
