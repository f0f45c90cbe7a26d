// Depth signals of an answer, independent of the question: quantities with units, trade-offs named,
// risks and rollback, and how the result would be measured or verified. Thread-safe.
#ifndef RUBRIC_SRC_DEPTH_H_
#define RUBRIC_SRC_DEPTH_H_

#include <string_view>

namespace rubric::internal {

struct DepthCounts {
  int numbers = 0, tradeoffs = 0, risks = 0, verification = 0;
  void Add(const DepthCounts& o) {
    numbers += o.numbers, tradeoffs += o.tradeoffs, risks += o.risks, verification += o.verification;
  }
};

// Counts the signals in one normalised sentence.
DepthCounts CountDepth(std::string_view sentence);

// 0..1: how much depth the counts show (numbers weigh most; each kind saturates).
double DepthScore(const DepthCounts& counts);

}  // namespace rubric::internal

#endif  // RUBRIC_SRC_DEPTH_H_
