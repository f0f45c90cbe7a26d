// The score of an evaluated answer and how it was built: coverage, depth and an attempt, scaled by
// length, eased at the top of the scale, less the red flags' penalties and held under the lowest
// cap; as lines that add up to the score shown. Pure function; thread-safe.
#ifndef RUBRIC_SRC_BREAKDOWN_H_
#define RUBRIC_SRC_BREAKDOWN_H_

#include <vector>

#include "caps.h"
#include "rubric/bank.h"
#include "rubric/result.h"

namespace rubric::internal {

struct ScoreInputs {
  std::vector<double> step_coverage;  // per step, 0..1
  double content = 0;          // 0..1: the coverage term of the style (exponent, overlap)
  double coverage_weight = 0;  // the style's share of the span for content; the rest is depth
  double attempt = 0;          // points for an attempt of its length
  double depth = 0;            // 0..1
  double depth_gate = 0;       // 0..1: depth counts as far as coverage goes
  double length = 1;           // 0..1 factor
  double focus = 1;            // 0..1 factor: points buried in a long answer (caps.h FocusFactor)
};

// Sets r->score, r->band and r->breakdown; a declined answer scores 0 with no lines.
void ComposeScore(const Question& question, const ScoreInputs& in,
                  const std::vector<Defence>& defences, bool declined, Result* r);

}  // namespace rubric::internal

#endif  // RUBRIC_SRC_BREAKDOWN_H_
