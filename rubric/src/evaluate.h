// Evaluation of analysed answers against one question's rubric: concept credit (with negation, term
// lists and echoes of the question excluded), step coverage, depth, red flags, caps and gaps.
// Pure function of its inputs; thread-safe.
#ifndef RUBRIC_SRC_EVALUATE_H_
#define RUBRIC_SRC_EVALUATE_H_

#include "analysis.h"
#include "compiled_bank.h"
#include "rubric/result.h"

namespace rubric::internal {

// `follow_up` may be null; concepts first credited there earn `follow_up_rate`.
Result Evaluate(const CompiledBank& bank, int question, const Analysis& answer,
                const Analysis* follow_up, double follow_up_rate);

}  // namespace rubric::internal

#endif  // RUBRIC_SRC_EVALUATE_H_
