// The credit stage of evaluation: from the pattern hits of one analysed text, which concepts it
// earns (by a pattern or told in its own words), which it names only to reject or only in a term
// list, the red flags it raises, the wrong conclusions it proposes and its depth signals; and the
// concrete detail that counts towards a step. Pure functions; thread-safe.
#ifndef RUBRIC_SRC_CREDIT_H_
#define RUBRIC_SRC_CREDIT_H_

#include <string>
#include <vector>

#include "analysis.h"
#include "compiled_bank.h"
#include "depth.h"
#include "rubric/result.h"

namespace rubric::internal {

struct ConceptState {
  double credit = 0;       // 0..1: the best rate earned
  bool in_answer = false;  // credited in the answer itself, not only in the follow-up
  bool negated = false;    // named only to be rejected (somewhere)
  bool listed = false;     // named in a term list
  std::vector<Evidence> evidence;
  std::string negated_quote;
};

// A red flag raised or a wrong conclusion proposed: its index in the rubric and the words.
struct Hit {
  int item;
  std::string quote;
};

struct Credits {
  std::vector<ConceptState> concepts;  // by index in the rubric
  std::vector<Hit> red_flags, wrong_conclusions;
};

// Adds what `text` (analysed; `hits` its matches of the question's PatternSet) earns at `rate` to
// *credits; `source` is "answer" or "follow_up". Returns the text's depth signals.
DepthCounts CreditText(const CompiledBank& bank, int question, const Analysis& text,
                const std::vector<std::vector<int>>& hits, const char* source, double rate,
                Credits* credits);

// Concrete detail (a team size, money, a date ...) of `answer` counts towards the steps whose
// rubric names its kind: each kind found in a statement adds Params::kConcreteWeight of concept
// weight to *coverage, with its evidence.
void AddConcreteDetail(const Question& question, const QuestionTables& tables,
                       const Analysis& answer, std::vector<double>* coverage,
                       std::vector<std::vector<Evidence>>* evidence);

// The candidate's own words for the normalised range [b, e) of sentence `sentence`.
std::string QuoteText(const Analysis& a, size_t sentence, size_t b, size_t e, Evidence* ev);

}  // namespace rubric::internal

#endif  // RUBRIC_SRC_CREDIT_H_
