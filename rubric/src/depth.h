// Depth signals of an answer, independent of the question: quantities with units, trade-offs named,
// risks and rollback, and how the result would be measured or verified. Thread-safe.
#ifndef RUBRIC_SRC_DEPTH_H_
#define RUBRIC_SRC_DEPTH_H_

#include <string>
#include <string_view>

namespace rubric::internal {

struct DepthCounts {
  int numbers = 0, tradeoffs = 0, risks = 0, verification = 0;
  int& operator[](int kind) {
    return kind == 0 ? numbers : kind == 1 ? tradeoffs : kind == 2 ? risks : verification;
  }
  void Add(const DepthCounts& o) {
    numbers += o.numbers, tradeoffs += o.tradeoffs, risks += o.risks, verification += o.verification;
  }
};

enum DepthKind { kNumbers, kTradeoffs, kRisks, kVerification, kDepthKinds };

// The RE2 pattern of one kind, so a PatternSet can tell in its single pass which sentences hold it.
const std::string& DepthPattern(DepthKind kind);
// How many times `kind` occurs in one normalised sentence.
int CountDepthKind(DepthKind kind, std::string_view sentence);
// All kinds in one normalised sentence.
DepthCounts CountDepth(std::string_view sentence);

// 0..1: how much depth the counts show (numbers weigh most; each kind saturates).
double DepthScore(const DepthCounts& counts);

}  // namespace rubric::internal

#endif  // RUBRIC_SRC_DEPTH_H_
