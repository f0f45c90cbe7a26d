// The defences of evaluation: what holds an answer down whatever concepts it names (keyword salad,
// a scrambled reference, denial, off-topic, too short, a wrong conclusion, the right approach
// dismissed) and the red flags' penalties, each with the flag the candidate is shown. Pure
// function; thread-safe.
#ifndef RUBRIC_SRC_CAPS_H_
#define RUBRIC_SRC_CAPS_H_

#include <string>
#include <vector>

#include "analysis.h"
#include "compiled_bank.h"
#include "credit.h"
#include "rubric/result.h"

namespace rubric::internal {

struct Defence {
  FlagDetail detail;
  double cap = 10.0;   // the score may not exceed it
  double penalty = 0;  // points taken off before any cap
  std::string name;    // a red flag's name, for the breakdown
};

// Every defence `answer` raises, in the order the candidate reads them. `answer_hits` are its
// matches of the question's PatternSet; `credits` include any follow-up's (wrong conclusions and
// red flags there count too), but the caps judge the main answer. *off_topic_match is set to the
// question the answer fits better, when it is off-topic.
// 1 for a focused answer; less for a long one whose credited points are spread thin
// and a framework left partly uncovered (Params::kFocusLoss). Judges the main answer's words and
// what it earned itself; `coverage` is the overall coverage of the framework's steps, 0..1.
double FocusFactor(const StyleParams& style, int words, const Credits& credits, double coverage);

// The flag that says why FocusFactor took points off an answer of `words` words.
FlagDetail UnfocusedFlag(int words);

std::vector<Defence> Defences(const CompiledBank& bank, int question, const Analysis& answer,
                              const std::vector<std::vector<int>>& answer_hits,
                              const Credits& credits, bool declined, std::string* off_topic_match);

}  // namespace rubric::internal

#endif  // RUBRIC_SRC_CAPS_H_
