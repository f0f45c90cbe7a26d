#include "caps.h"

#include <algorithm>
#include <utility>

#include "answer_checks.h"
#include "coverage.h"
#include "hedge.h"
#include "negation.h"
#include "params.h"

namespace rubric::internal {
namespace {

Defence Capped(const std::string& flag, std::string message, std::string quote, double cap) {
  return {{flag, std::move(message), std::move(quote)}, cap, 0, ""};
}

// Term lists instead of statements, and the reference answer's words scrambled.
void AddSaladDefences(const QuestionTables& t, const StyleParams& style, const Analysis& answer,
                      const Credits& credits, std::vector<Defence>* out) {
  int credited = 0, listed = 0;
  for (const auto& st : credits.concepts) {
    credited += st.credit > 0;
    listed += st.listed && st.credit == 0;
  }
  const bool mostly_lists = answer.list_words >= Params::kSaladListWordShare * answer.words;
  const bool dense = credited >= 3 && answer.words < t.salad_words_per_concept * credited;
  if ((listed >= Params::kSaladMinListed && (listed >= credited || mostly_lists)) || dense) {
    // Nothing but terms is held lower than terms around a few statements.
    const bool only_terms =
        credited == 0 && answer.list_words >= Params::kTermsOnlyWordShare * answer.words;
    out->push_back(Capped("keyword-salad",
                          "Terms are listed without saying how they apply to this scenario; a "
                          "concept earns credit only where a sentence uses it.",
                          "", only_terms ? Params::kTermsOnlyCap : Params::kSaladCap));
  }
  if (ScramblesModelAnswer(t, answer, style.scrambled_min_words)) {
    out->push_back(Capped("keyword-salad",
                          "The answer strings the reference answer's words together in no order "
                          "that says anything.",
                          "", Params::kSaladCap));
  }
}

// How many statements the answer makes, and of how many of them `test` (the normalised text) holds.
template <typename Test>
std::pair<int, int> CountStatements(const StyleParams& style, const Analysis& answer, Test test) {
  int statements = 0, held = 0;
  for (size_t si = 0; si < answer.sentences.size(); ++si) {
    if (!answer.Says(si, style.fragments_count)) continue;
    ++statements;
    held += test(answer.SentenceText(si));
  }
  return {statements, held};
}

void AddDenial(const StyleParams& style, const Analysis& answer, std::vector<Defence>* out) {
  const auto [statements, denials] = CountStatements(style, answer, OpensWithNegation);
  if (denials >= Params::kDenialMinSentences && denials >= Params::kDenialShare * statements) {
    out->push_back(Capped("denial",
                          std::to_string(denials) + " of the answer's " +
                              std::to_string(statements) +
                              " statements open with a negation: an answer that denies what it "
                              "mentions earns no credit for it.",
                          "", Params::kDenialCap));
  }
}

// Nearly every statement hedged: the answer says what might be true, never what the candidate
// would do, and an interviewer cannot act on it.
void AddHedging(const StyleParams& style, const Analysis& answer, std::vector<Defence>* out) {
  if (!style.judges_delivery) return;
  const auto [statements, hedged] = CountStatements(style, answer, Hedges);
  if (hedged >= Params::kHedgedMinStatements && hedged >= Params::kHedgedShare * statements) {
    out->push_back(Capped("hedged",
                          std::to_string(hedged) + " of the answer's " +
                              std::to_string(statements) +
                              " statements are hedged (\"maybe\", \"I guess\", \"not sure\"), so "
                              "it never says what you would do. Commit to a diagnosis and a plan, "
                              "and say what evidence would change your mind.",
                          "", Params::kHedgedCap));
  }
}

// The concepts of another question fit far better, and so do the answer's words: an answer told
// in its own words about this scenario shares this question's vocabulary.
void AddOffTopic(const CompiledBank& cb, int qi, const Analysis& answer,
                 const std::vector<std::vector<int>>& hits, std::string* match,
                 std::vector<Defence>* out) {
  if (!Style(*cb.bank).off_topic) return;
  // Another question can only fit far better when this one's topic coverage is low, and only a
  // question whose words fit the answer better can be the match; only those are matched (and
  // compiled, in a process that scores one question).
  const double own_topic = TopicFromHits(cb, answer, hits, cb.Table(qi).owners, qi)[qi];
  if (own_topic >= Params::kOffTopicRatio) return;
  const std::vector<std::string> stems = StatementStems(answer);
  const double own_words = TopicWordFit(cb, stems, qi);
  std::vector<bool> candidates(cb.bank->questions.size(), false);
  for (size_t k = 0; k < candidates.size(); ++k) {
    const int other = static_cast<int>(k);
    candidates[k] = other != qi && TopicWordFit(cb, stems, other) > own_words;
  }
  const std::vector<double> topic = TopicCoverage(cb, answer, qi, own_topic, candidates);
  int best = qi;
  for (size_t k = 0; k < topic.size(); ++k) {
    if (topic[k] > topic[best]) best = static_cast<int>(k);
  }
  if (best == qi || topic[best] < Params::kOffTopicMinOther ||
      topic[qi] >= Params::kOffTopicRatio * topic[best]) {
    return;
  }
  *match = cb.bank->questions[best].id;
  out->push_back(Capped("off-topic",
                        "This answer fits another question (\"" + cb.bank->questions[best].title +
                            "\") far better than this one.",
                        "", Params::kOffTopicCap));
}

// Concepts named only to be rejected, and the cap when they are most of what the answer names.
void AddRejections(const Question& q, const Credits& credits, bool declined,
                   std::vector<Defence>* out) {
  double rejected_weight = 0, credited_weight = 0;
  std::vector<std::string> rejected_names;
  for (size_t ci = 0; ci < credits.concepts.size(); ++ci) {
    const ConceptState& st = credits.concepts[ci];
    const Concept& c = q.rubric.concepts[ci];
    if (st.credit > 0) credited_weight += c.weight;
    if (st.negated && st.credit == 0) {
      rejected_weight += c.weight;
      rejected_names.push_back(c.name);
      out->push_back(Capped("negated",
                            "\"" + c.name + "\" was mentioned only to be dismissed, so it earns nothing.",
                            st.negated_quote, 10.0));
    }
  }
  if (declined || rejected_weight < Params::kDismissedMinWeight ||
      rejected_weight < Params::kDismissedShare * (rejected_weight + credited_weight)) {
    return;
  }
  std::string names;
  for (size_t i = 0; i < rejected_names.size(); ++i) {
    names += (i == 0 ? "" : i + 1 == rejected_names.size() ? " and " : "; ") + rejected_names[i];
  }
  out->push_back(Capped("dismissed",
                        "The answer rejects what this scenario calls for (" + names +
                            "). These are the tools a strong answer uses here; dismissing them "
                            "leaves the problem unsolved.",
                        "", Params::kDismissedCap));
}

double Ramp(double x, double low, double high) {
  return std::clamp((x - low) / (high - low), 0.0, 1.0);
}

}  // namespace

double FocusFactor(const StyleParams& style, int words, const Credits& credits, double coverage) {
  if (!style.judges_delivery || words < Params::kFocusWordsLow) return 1.0;
  double credited = 0;
  for (const auto& st : credits.concepts) credited += st.in_answer ? st.credit : 0;
  const double per_concept = words / std::max(1.0, credited);
  return 1.0 - Params::kFocusLoss * Ramp(words, Params::kFocusWordsLow, Params::kFocusWordsHigh) *
                   Ramp(per_concept, Params::kFocusPerConceptLow, Params::kFocusPerConceptHigh) *
                   Ramp(1.0 - coverage, Params::kFocusUncoveredLow, Params::kFocusUncoveredHigh);
}

FlagDetail UnfocusedFlag(int words) {
  return {"unfocused",
          "At " + std::to_string(words) +
              " words, the points that earned credit are spread thin among digressions, and part "
              "of the framework is left out. Lead with your diagnosis and plan, and cut what does "
              "not serve them.",
          ""};
}

std::vector<Defence> Defences(const CompiledBank& cb, int qi, const Analysis& answer,
                              const std::vector<std::vector<int>>& hits, const Credits& credits,
                              bool declined, std::string* off_topic_match) {
  const Question& q = cb.bank->questions[qi];
  const StyleParams& style = Style(*cb.bank);
  std::vector<Defence> out;
  for (const auto& hit : credits.red_flags) {
    const RedFlag& f = q.rubric.red_flags[hit.item];
    out.push_back({{"red-flag", f.name + ": " + f.feedback, hit.quote}, 10.0, f.penalty, f.name});
  }
  if (!declined) {
    AddSaladDefences(cb.Table(qi), style, answer, credits, &out);
    AddDenial(style, answer, &out);
    AddHedging(style, answer, &out);
    AddOffTopic(cb, qi, answer, hits, off_topic_match, &out);
    if (answer.words < style.too_short_words) {
      out.push_back(Capped("too-short",
                           "The answer has " + std::to_string(answer.words) +
                               " words; a senior answer to this question needs the reasoning "
                               "behind each step.",
                           "", Params::kShortBase + Params::kShortPerWord * answer.words));
    }
  }
  // A wrong conclusion proposed, in the answer or its follow-up, caps whatever else it names.
  for (const auto& hit : credits.wrong_conclusions) {
    const WrongConclusion& w = q.rubric.wrong_conclusions[hit.item];
    out.push_back(Capped("wrong-conclusion", w.name + ": " + w.feedback, hit.quote,
                         Params::kWrongConclusionCap));
  }
  AddRejections(q, credits, declined, &out);
  return out;
}

}  // namespace rubric::internal
